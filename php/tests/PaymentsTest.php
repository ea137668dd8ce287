<?php

declare(strict_types=1);

namespace RealtimeFinance\Tests;

use RealtimeFinance\Exception\ConflictException;
use RealtimeFinance\Exception\InvalidRequestException;
use RealtimeFinance\Resource\Payment;
use RealtimeFinance\Tests\Support\SandboxTestCase;

final class PaymentsTest extends SandboxTestCase
{
    public function testCreateReturnsTypedPayment(): void
    {
        $params = self::paymentParams() + ['description' => 'Invoice 42', 'metadata' => ['order' => '42']];

        $payment = $this->client->payments->create($params);

        $this->assertInstanceOf(Payment::class, $payment);
        $this->assertStringStartsWith('pay_', $payment->id);
        $this->assertSame('payment', $payment->object);
        $this->assertSame(2500, $payment->amount);
        $this->assertSame('EUR', $payment->currency);
        $this->assertSame('acct_alice', $payment->sourceAccount);
        $this->assertSame('Invoice 42', $payment->description);
        $this->assertSame(['order' => '42'], $payment->metadata);
        $this->assertSame('pending', $payment->status);
    }

    public function testCreateWithEmptyMetadata(): void
    {
        $payment = $this->client->payments->create(self::paymentParams() + ['metadata' => []]);

        $this->assertSame([], $payment->metadata);
    }

    public function testCreateWithSameKeyReplays(): void
    {
        $key = self::uniqueKey('php-replay');
        $repliesBefore = $this->sandbox->stat('idempotent_replays');

        $first = $this->client->payments->create(self::paymentParams(), ['idempotency_key' => $key]);
        $second = $this->client->payments->create(self::paymentParams(), ['idempotency_key' => $key]);

        $this->assertSame($first->id, $second->id);
        $this->assertSame($repliesBefore + 1, $this->sandbox->stat('idempotent_replays'));
    }

    public function testCreateWithReusedKeyConflicts(): void
    {
        $key = self::uniqueKey('php-reuse');
        $this->client->payments->create(self::paymentParams(), ['idempotency_key' => $key]);

        try {
            $this->client->payments->create(['amount' => 9999] + self::paymentParams(), ['idempotency_key' => $key]);
            $this->fail('a reused idempotency key with another body was accepted');
        } catch (ConflictException $error) {
            $this->assertSame(422, $error->getHttpStatus());
            $this->assertSame('idempotency_key_reused', $error->getErrorCode());
        }
    }

    public function testCreateRejectsInvalidAmount(): void
    {
        try {
            $this->client->payments->create(['amount' => -5] + self::paymentParams());
            $this->fail('a negative amount was accepted');
        } catch (InvalidRequestException $error) {
            $this->assertSame('amount', $error->getParam());
        }
    }

    public function testRetrieveReturnsSamePayment(): void
    {
        $created = $this->client->payments->create(self::paymentParams());

        $retrieved = $this->client->payments->retrieve($created->id);

        $this->assertEquals($created->toArray()['id'], $retrieved->toArray()['id']);
        $this->assertSame($created->amount, $retrieved->amount);
    }

    public function testListIncludesNewPayment(): void
    {
        $created = $this->client->payments->create(self::paymentParams());

        $ids = [];
        foreach ($this->client->payments->list(['limit' => 5]) as $payment) {
            $ids[] = $payment->id;
            if (count($ids) >= 20) {
                break;
            }
        }

        $this->assertContains($created->id, $ids);
    }

    public function testCancelPendingPayment(): void
    {
        $created = $this->client->payments->create(self::paymentParams('acct_stays_pending'));

        $canceled = $this->client->payments->cancel($created->id);

        $this->assertSame('canceled', $canceled->status);
        $this->assertIsInt($canceled->canceledAt);
    }

    public function testCancelTwiceConflicts(): void
    {
        $created = $this->client->payments->create(self::paymentParams('acct_stays_pending'));
        $this->client->payments->cancel($created->id);

        try {
            $this->client->payments->cancel($created->id);
            $this->fail('a canceled payment was canceled again');
        } catch (ConflictException $error) {
            $this->assertSame(409, $error->getHttpStatus());
            $this->assertSame('payment_not_cancelable', $error->getErrorCode());
        }
    }

    public function testInsufficientFundsFails(): void
    {
        $payment = $this->client->payments->create(['source_account' => 'acct_insufficient_funds'] + self::paymentParams());

        $this->assertSame('failed', $payment->status);
        $this->assertSame('insufficient_funds', $payment->failureCode);
    }
}
