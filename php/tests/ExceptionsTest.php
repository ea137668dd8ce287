<?php

declare(strict_types=1);

namespace RealtimeFinance\Tests;

use RealtimeFinance\Exception\ApiException;
use RealtimeFinance\Exception\AuthenticationException;
use RealtimeFinance\Exception\ConfigurationException;
use RealtimeFinance\Exception\ConflictException;
use RealtimeFinance\Exception\ConnectionException;
use RealtimeFinance\Exception\InvalidRequestException;
use RealtimeFinance\Exception\NotFoundException;
use RealtimeFinance\Exception\PermissionException;
use RealtimeFinance\Exception\RateLimitException;
use RealtimeFinance\Exception\RealTimeFinanceException;
use RealtimeFinance\Exception\TimeoutException;
use RealtimeFinance\Exception\WebhookSignatureException;
use RealtimeFinance\Tests\Support\SandboxTestCase;
use RealtimeFinance\Webhook;

/** One test per exception class, each caused by the sandbox or the core. */
final class ExceptionsTest extends SandboxTestCase
{
    public function testAuthenticationException(): void
    {
        $client = $this->newClient(['api_key' => 'sk_test_' . str_repeat('x', 32)]);

        $error = $this->catch(fn () => $client->transactions->retrieve('txn_1'));

        $this->assertInstanceOf(AuthenticationException::class, $error);
        $this->assertSame(401, $error->getHttpStatus());
        $this->assertSame('api_key_invalid', $error->getErrorCode());
    }

    public function testPermissionException(): void
    {
        $key = $this->sandbox->admin('POST', '/_sandbox/keys', ['scopes' => ['transactions:read']]);
        $client = $this->newClient(['api_key' => $key['secret_key']]);

        $error = $this->catch(fn () => $client->payments->create(self::paymentParams()));

        $this->assertInstanceOf(PermissionException::class, $error);
        $this->assertSame(403, $error->getHttpStatus());
        $this->assertSame('insufficient_scope', $error->getErrorCode());
        $this->assertStringContainsString('payments:write', $error->getMessage());
    }

    public function testInvalidRequestException(): void
    {
        $error = $this->catch(fn () => $this->client->payments->create(['colour' => 'blue'] + self::paymentParams()));

        $this->assertInstanceOf(InvalidRequestException::class, $error);
        $this->assertSame('colour', $error->getParam());
    }

    public function testInvalidRequestFromServer(): void
    {
        $error = $this->catch(fn () => iterator_to_array($this->client->transactions->list(['starting_after' => 'txn_unknown0'])));

        $this->assertInstanceOf(InvalidRequestException::class, $error);
        $this->assertSame(400, $error->getHttpStatus());
        $this->assertSame('cursor_invalid', $error->getErrorCode());
        $this->assertSame('starting_after', $error->getParam());
    }

    public function testNotFoundException(): void
    {
        $error = $this->catch(fn () => $this->client->payments->retrieve('pay_doesnotexist'));

        $this->assertInstanceOf(NotFoundException::class, $error);
        $this->assertSame(404, $error->getHttpStatus());
    }

    public function testConflictException(): void
    {
        $payment = $this->client->payments->create(self::paymentParams('acct_stays_pending'));
        $this->client->payments->cancel($payment->id);

        $error = $this->catch(fn () => $this->client->payments->cancel($payment->id));

        $this->assertInstanceOf(ConflictException::class, $error);
        $this->assertSame(409, $error->getHttpStatus());
    }

    public function testRateLimitException(): void
    {
        $this->addFault(['method' => 'GET', 'path' => '/v1/payments/*', 'status' => 429, 'retry_after' => 7]);

        $error = $this->catch(fn () => $this->client->payments->retrieve('pay_any', ['max_retries' => 0]));

        $this->assertInstanceOf(RateLimitException::class, $error);
        $this->assertSame(429, $error->getHttpStatus());
        $this->assertSame(7.0, $error->getRetryAfter());
    }

    public function testApiException(): void
    {
        $this->addFault(['method' => 'GET', 'path' => '/v1/payments/*', 'status' => 503]);

        $error = $this->catch(fn () => $this->client->payments->retrieve('pay_any', ['max_retries' => 0]));

        $this->assertInstanceOf(ApiException::class, $error);
        $this->assertSame(503, $error->getHttpStatus());
        $this->assertStringStartsWith('req_', (string) $error->getRequestId());
    }

    public function testConnectionException(): void
    {
        // Port 1 on loopback has no listener, so the connection is refused.
        $client = $this->newClient(['base_url' => 'http://127.0.0.1:1', 'max_retries' => 0]);

        $error = $this->catch(fn () => $client->transactions->retrieve('txn_1'));

        $this->assertInstanceOf(ConnectionException::class, $error);
        $this->assertNull($error->getHttpStatus());
    }

    public function testTimeoutException(): void
    {
        $this->addFault(['method' => 'GET', 'path' => '/v1/payments/*', 'action' => 'delay', 'delay_ms' => 3000]);
        $client = $this->newClient(['timeout' => 0.5, 'max_retries' => 0]);

        $started = microtime(true);
        $error = $this->catch(fn () => $client->payments->retrieve('pay_any'));

        $this->assertInstanceOf(TimeoutException::class, $error);
        $this->assertLessThan(2.5, microtime(true) - $started);
    }

    public function testWebhookSignatureException(): void
    {
        $headers = ['webhook-id' => 'msg_1', 'webhook-timestamp' => (string) time(), 'webhook-signature' => 'v1,AAAA'];

        $error = $this->catch(fn () => Webhook::verify('{}', $headers, $this->sandbox->settings['webhook_secret']));

        $this->assertInstanceOf(WebhookSignatureException::class, $error);
    }

    public function testConfigurationException(): void
    {
        $error = $this->catch(fn () => $this->newClient(['environment' => 'staging']));

        $this->assertInstanceOf(ConfigurationException::class, $error);
        $this->assertNull($error->getHttpStatus());
    }

    public function testEveryClassExtendsBase(): void
    {
        $classes = [
            ApiException::class, AuthenticationException::class, ConfigurationException::class,
            ConflictException::class, ConnectionException::class, InvalidRequestException::class,
            NotFoundException::class, PermissionException::class, RateLimitException::class,
            TimeoutException::class, WebhookSignatureException::class,
        ];
        foreach ($classes as $class) {
            $this->assertTrue(is_subclass_of($class, RealTimeFinanceException::class), $class);
        }
    }

    /** @param array<string, mixed> $fault */
    private function addFault(array $fault): void
    {
        $this->sandbox->admin('POST', '/_sandbox/faults', $fault + ['count' => 1]);
    }

    private function catch(callable $call): RealTimeFinanceException
    {
        try {
            $call();
        } catch (RealTimeFinanceException $error) {
            return $error;
        }
        $this->fail('the call returned instead of throwing');
    }
}
