<?php

declare(strict_types=1);

namespace RealtimeFinance\Service;

use RealtimeFinance\AutoPagingIterator;
use RealtimeFinance\Internal\Native;
use RealtimeFinance\Resource\Transaction;

/**
 * The /v1/transactions calls, as $client->transactions.
 *
 * @phpstan-import-type RequestOptions from AbstractService
 */
final class TransactionService extends AbstractService
{
    /**
     * Fetches one transaction by its txn_ id.
     *
     * @param RequestOptions $options `max_retries`, `timeout` (seconds)
     * @throws \RealtimeFinance\Exception\RealTimeFinanceException
     */
    public function retrieve(string $id, array $options = []): Transaction
    {
        return Transaction::fromArray(Native::call($this->client, 'transactions.retrieve', ['id' => $id], $options));
    }

    /**
     * Returns an iterator over every matching transaction, newest first,
     * fetching pages on demand. The parameters are checked here, before any
     * request.
     *
     * @param array{limit?: int, status?: string, created_gte?: int, created_lte?: int, starting_after?: string} $params
     * @param RequestOptions $options
     * @return AutoPagingIterator<Transaction>
     * @throws \RealtimeFinance\Exception\RealTimeFinanceException
     */
    public function list(array $params = [], array $options = []): AutoPagingIterator
    {
        return new AutoPagingIterator($this->client, 'transactions.list', $params, $options, Transaction::fromArray(...));
    }
}
