<?php

declare(strict_types=1);

namespace RealtimeFinance\Service;

use RealtimeFinance\AutoPagingIterator;
use RealtimeFinance\Internal\Native;
use RealtimeFinance\Resource\Payment;

/**
 * The /v1/payments calls, as $client->payments.
 *
 * @phpstan-import-type RequestOptions from AbstractService
 */
final class PaymentService extends AbstractService
{
    /**
     * Creates a payment. The same idempotency key is sent on every retry, so
     * a retried request never creates a second payment. Without
     * `idempotency_key`, the SDK generates one key per call.
     *
     * @param array{amount: int, currency: string, source_account: string, destination_account: string, description?: string, metadata?: array<string, string>} $params
     *        amount in minor units of the currency
     * @param RequestOptions $options
     * @throws \RealtimeFinance\Exception\RealTimeFinanceException
     */
    public function create(array $params, array $options = []): Payment
    {
        if (($params['metadata'] ?? null) === []) {
            // An empty PHP array would encode as the JSON list [], not the object {}.
            $params['metadata'] = new \stdClass();
        }
        return Payment::fromArray(Native::call($this->client, 'payments.create', $params, $options));
    }

    /**
     * Fetches one payment by its pay_ id.
     *
     * @param RequestOptions $options
     * @throws \RealtimeFinance\Exception\RealTimeFinanceException
     */
    public function retrieve(string $id, array $options = []): Payment
    {
        return Payment::fromArray(Native::call($this->client, 'payments.retrieve', ['id' => $id], $options));
    }

    /**
     * Returns an iterator over every matching payment, newest first.
     *
     * @param array{limit?: int, status?: string, starting_after?: string} $params
     * @param RequestOptions $options
     * @return AutoPagingIterator<Payment>
     * @throws \RealtimeFinance\Exception\RealTimeFinanceException
     */
    public function list(array $params = [], array $options = []): AutoPagingIterator
    {
        return new AutoPagingIterator($this->client, 'payments.list', $params, $options, Payment::fromArray(...));
    }

    /**
     * Cancels a pending payment.
     *
     * @param RequestOptions $options
     * @throws \RealtimeFinance\Exception\ConflictException with code
     *         "payment_not_cancelable" when the payment is no longer pending
     * @throws \RealtimeFinance\Exception\RealTimeFinanceException
     */
    public function cancel(string $id, array $options = []): Payment
    {
        return Payment::fromArray(Native::call($this->client, 'payments.cancel', ['id' => $id], $options));
    }
}
