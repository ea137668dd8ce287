<?php

declare(strict_types=1);

namespace RealtimeFinance\Service;

use RealtimeFinance\Internal\Native;
use RealtimeFinance\Resource\WebhookEndpoint;

/**
 * The /v1/webhook_endpoints calls, as $client->webhookEndpoints.
 *
 * @phpstan-import-type RequestOptions from AbstractService
 */
final class WebhookEndpointService extends AbstractService
{
    /**
     * Registers a URL for signed event deliveries. The returned endpoint's
     * secret is the only copy the API gives out.
     *
     * @param array{url: string, enabled_events?: list<string>, description?: string} $params
     * @param RequestOptions $options
     * @throws \RealtimeFinance\Exception\RealTimeFinanceException
     */
    public function create(array $params, array $options = []): WebhookEndpoint
    {
        return WebhookEndpoint::fromArray(Native::call($this->client, 'webhook_endpoints.create', $params, $options));
    }
}
