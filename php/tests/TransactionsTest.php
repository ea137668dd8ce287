<?php

declare(strict_types=1);

namespace RealtimeFinance\Tests;

use RealtimeFinance\Exception\InvalidRequestException;
use RealtimeFinance\Exception\NotFoundException;
use RealtimeFinance\Resource\Transaction;
use RealtimeFinance\Tests\Support\SandboxTestCase;

final class TransactionsTest extends SandboxTestCase
{
    public function testRetrieveReturnsTypedTransaction(): void
    {
        $first = $this->firstTransaction();

        $transaction = $this->client->transactions->retrieve($first->id);

        $this->assertInstanceOf(Transaction::class, $transaction);
        $this->assertSame($first->id, $transaction->id);
        $this->assertIsInt($transaction->amount);
        $this->assertGreaterThan(0, $transaction->amount);
        $this->assertMatchesRegularExpression('/^[A-Z]{3}$/', $transaction->currency);
        $this->assertContains($transaction->direction, ['credit', 'debit']);
        $this->assertContains($transaction->status, ['pending', 'posted', 'failed', 'reversed']);
    }

    public function testToArrayUsesApiNames(): void
    {
        $transaction = $this->firstTransaction();

        $array = $transaction->toArray();

        $this->assertSame(
            ['object', 'id', 'amount', 'currency', 'status', 'direction', 'account', 'counterparty', 'description', 'created'],
            array_keys($array),
        );
        $this->assertSame('transaction', $array['object']);
        $this->assertSame('transaction', $transaction->object);
        $this->assertSame($transaction->amount, $array['amount']);
    }

    public function testListPagesThroughAll(): void
    {
        $ids = [];
        foreach ($this->client->transactions->list(['limit' => 50]) as $transaction) {
            $ids[] = $transaction->id;
        }

        $this->assertGreaterThan(50, count($ids), 'iteration must continue past the first page');
        $this->assertSame(count($ids), count(array_unique($ids)));
    }

    public function testListRestartsOnEachForeach(): void
    {
        $list = $this->client->transactions->list(['limit' => 2]);

        $first = $this->takeIds($list, 3);
        $second = $this->takeIds($list, 3);

        $this->assertSame($first, $second);
    }

    public function testListFiltersByStatus(): void
    {
        $statuses = [];
        foreach ($this->client->transactions->list(['status' => 'pending', 'limit' => 100]) as $transaction) {
            $statuses[$transaction->status] = true;
        }

        $this->assertSame(['pending'], array_keys($statuses));
    }

    public function testListRejectsInvalidLimit(): void
    {
        try {
            $this->client->transactions->list(['limit' => 'many']);
            $this->fail('list() accepted a string limit');
        } catch (InvalidRequestException $error) {
            $this->assertSame('limit', $error->getParam());
            $this->assertNull($error->getHttpStatus());
        }
    }

    public function testRetrieveMissingThrowsNotFound(): void
    {
        try {
            $this->client->transactions->retrieve('txn_doesnotexist');
            $this->fail('retrieve() returned for a missing id');
        } catch (NotFoundException $error) {
            $this->assertSame(404, $error->getHttpStatus());
            $this->assertSame('resource_missing', $error->getErrorCode());
            $this->assertSame('id', $error->getParam());
            $this->assertStringStartsWith('req_', (string) $error->getRequestId());
        }
    }

    private function firstTransaction(): Transaction
    {
        foreach ($this->client->transactions->list(['limit' => 1]) as $transaction) {
            return $transaction;
        }
        $this->fail('the sandbox has no transactions');
    }

    /**
     * @param iterable<Transaction> $list
     * @return list<string>
     */
    private function takeIds(iterable $list, int $count): array
    {
        $ids = [];
        foreach ($list as $transaction) {
            $ids[] = $transaction->id;
            if (count($ids) === $count) {
                break;
            }
        }
        return $ids;
    }
}
