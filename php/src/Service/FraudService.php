<?php

declare(strict_types=1);

namespace RealtimeFinance\Service;

use RealtimeFinance\Internal\Native;
use RealtimeFinance\Resource\FraudAssessment;

/**
 * The /v1/fraud calls, as $client->fraud.
 *
 * @phpstan-import-type RequestOptions from AbstractService
 */
final class FraudService extends AbstractService
{
    /**
     * Scores a prospective or existing payment for fraud risk.
     *
     * @param array{amount: int, currency: string, source_account: string, destination_account: string, payment?: string} $params
     * @param RequestOptions $options
     * @throws \RealtimeFinance\Exception\RealTimeFinanceException
     */
    public function assess(array $params, array $options = []): FraudAssessment
    {
        return FraudAssessment::fromArray(Native::call($this->client, 'fraud.assess', $params, $options));
    }
}
