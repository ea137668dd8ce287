<?php

declare(strict_types=1);

namespace RealtimeFinance\Tests;

use RealtimeFinance\Exception\ApiException;
use RealtimeFinance\Tests\Support\SandboxTestCase;

/** Retries by the core with faults injected by the sandbox. */
final class RetryTest extends SandboxTestCase
{
    public function testRetries503ThenCreatesOnce(): void
    {
        $this->sandbox->admin('POST', '/_sandbox/faults', ['method' => 'POST', 'path' => '/v1/payments', 'count' => 2, 'status' => 503, 'retry_after' => 0]);
        $createdBefore = $this->sandbox->stat('payments_created');

        $payment = $this->client->payments->create(self::paymentParams(), ['idempotency_key' => self::uniqueKey('php-retry')]);

        $this->assertStringStartsWith('pay_', $payment->id);
        $this->assertSame($createdBefore + 1, $this->sandbox->stat('payments_created'));
    }

    public function testDroppedResponseReplaysNoDuplicate(): void
    {
        $this->sandbox->admin('POST', '/_sandbox/faults', ['method' => 'POST', 'path' => '/v1/payments', 'count' => 1, 'action' => 'drop_after_processing']);
        $createdBefore = $this->sandbox->stat('payments_created');
        $replaysBefore = $this->sandbox->stat('idempotent_replays');

        $payment = $this->client->payments->create(self::paymentParams());

        $this->assertStringStartsWith('pay_', $payment->id);
        $this->assertSame($createdBefore + 1, $this->sandbox->stat('payments_created'), 'the retry created a second payment');
        $this->assertSame($replaysBefore + 1, $this->sandbox->stat('idempotent_replays'));
    }

    public function testMaxRetriesZeroFailsFast(): void
    {
        $this->sandbox->admin('POST', '/_sandbox/faults', ['method' => 'POST', 'path' => '/v1/payments', 'count' => 1, 'status' => 503]);
        $createdBefore = $this->sandbox->stat('payments_created');

        try {
            $this->client->payments->create(self::paymentParams(), ['max_retries' => 0]);
            $this->fail('the 503 was retried despite max_retries 0');
        } catch (ApiException $error) {
            $this->assertSame(503, $error->getHttpStatus());
        }
        $this->assertSame($createdBefore, $this->sandbox->stat('payments_created'));
    }
}
