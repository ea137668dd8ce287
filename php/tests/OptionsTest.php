<?php

declare(strict_types=1);

namespace RealtimeFinance\Tests;

use RealtimeFinance\Exception\ConfigurationException;
use RealtimeFinance\Exception\InvalidRequestException;
use RealtimeFinance\Tests\Support\SandboxTestCase;

/** Client and per-call option checks, whose errors must use the PHP option names. */
final class OptionsTest extends SandboxTestCase
{
    private const CLIENT_OPTIONS = 'api_key, client_id, client_secret, scopes, token_url, client_auth_method, '
        . 'environment, base_url, timeout, connect_timeout, max_retries, ca_cert, ca_cert_pem, ignore_environment';

    protected function tearDown(): void
    {
        putenv('REALTIME_FINANCE_SECRET_KEY');
        parent::tearDown();
    }

    public function testUnknownClientOptionListsNames(): void
    {
        $error = $this->clientError(['apikey' => 'sk_test_x']);

        $this->assertStringContainsString('Unknown client option "apikey"', $error->getMessage());
        $this->assertStringContainsString('did you mean "api_key"?', $error->getMessage());
        $this->assertStringContainsString(self::CLIENT_OPTIONS, $error->getMessage());
        $this->assertStringNotContainsString('config_json', $error->getMessage());
        $this->assertSame('apikey', $error->getParam());
    }

    public function testUnrelatedClientOptionHasNoSuggestion(): void
    {
        $error = $this->clientError(['colour' => 'blue']);

        $this->assertStringNotContainsString('did you mean', $error->getMessage());
    }

    public function testClientOptionsNeedNames(): void
    {
        $secret = 'sk_test_' . str_repeat('7', 32);

        $error = $this->clientError([$secret]);

        $this->assertStringContainsString('keyed by option name', $error->getMessage());
        $this->assertStringNotContainsString($secret, $error->getMessage());
    }

    public function testClientTimeoutTypeUsesPhpName(): void
    {
        $error = $this->clientError(['timeout' => '30']);

        $this->assertStringContainsString('"timeout" must be a number of seconds', $error->getMessage());
        $this->assertStringNotContainsString('timeout_seconds', $error->getMessage());
        $this->assertSame('timeout', $error->getParam());
    }

    public function testZeroConnectTimeoutUsesPhpName(): void
    {
        $error = $this->clientError(['connect_timeout' => 0]);

        $this->assertStringContainsString('"connect_timeout" must be', $error->getMessage());
        $this->assertStringNotContainsString('connect_timeout_seconds', $error->getMessage());
    }

    public function testCaCertTypeUsesPhpName(): void
    {
        $error = $this->clientError(['ca_cert' => ['/etc/ssl/ca.pem']]);

        $this->assertStringContainsString('"ca_cert" must be a string, got array', $error->getMessage());
    }

    public function testNullClientOptionIsUnset(): void
    {
        putenv('REALTIME_FINANCE_SECRET_KEY=' . $this->sandbox->secretKey());

        $client = new \RealtimeFinance\Client([
            'api_key' => null,
            'base_url' => $this->sandbox->baseUrl(),
            'timeout' => null,
        ]);

        $this->assertStringStartsWith('txn_', $this->firstTransactionId($client));
    }

    public function testRenamedClientOptionsReachCore(): void
    {
        $client = $this->newClient(['timeout' => 5, 'connect_timeout' => 2.5]);

        $this->assertStringStartsWith('txn_', $this->firstTransactionId($client));
    }

    public function testUnknownRequestOptionNamesOption(): void
    {
        $error = $this->requestError(['idempotencykey' => 'order-1']);

        $this->assertStringContainsString('Unknown request option "idempotencykey"', $error->getMessage());
        $this->assertStringContainsString('did you mean "idempotency_key"?', $error->getMessage());
        $this->assertStringContainsString('idempotency_key, max_retries, timeout.', $error->getMessage());
        $this->assertSame('idempotencykey', $error->getParam());
    }

    public function testRequestTimeoutType(): void
    {
        $error = $this->requestError(['timeout' => '30']);

        $this->assertStringContainsString('"timeout" must be a finite number of seconds', $error->getMessage());
        $this->assertStringNotContainsString('timeout_seconds', $error->getMessage());
        $this->assertSame('timeout', $error->getParam());
    }

    public function testRequestNegativeTimeout(): void
    {
        $error = $this->requestError(['timeout' => -1]);

        $this->assertStringContainsString('timeout must be a positive number of seconds', $error->getMessage());
        $this->assertStringContainsString('got -1', $error->getMessage());
        $this->assertSame('timeout', $error->getParam());
    }

    public function testRequestInfiniteTimeout(): void
    {
        $error = $this->requestError(['timeout' => INF]);

        $this->assertSame('timeout', $error->getParam());
    }

    public function testRequestMaxRetriesType(): void
    {
        $error = $this->requestError(['max_retries' => '2']);

        $this->assertSame('max_retries', $error->getParam());
        $this->assertStringContainsString('must be an int, got string', $error->getMessage());
    }

    public function testRequestNegativeMaxRetries(): void
    {
        $error = $this->requestError(['max_retries' => -1]);

        $this->assertSame('max_retries', $error->getParam());
        $this->assertStringContainsString('got -1', $error->getMessage());
    }

    public function testListChecksRequestOptions(): void
    {
        try {
            foreach ($this->client->transactions->list([], ['timeout' => 'soon']) as $transaction) {
                $this->fail("expected an InvalidRequestException, got transaction {$transaction->id}");
            }
        } catch (InvalidRequestException $error) {
            $this->assertSame('timeout', $error->getParam());
            return;
        }
        $this->fail('expected an InvalidRequestException for the timeout option');
    }

    public function testValidRequestOptionsPass(): void
    {
        $id = $this->firstTransactionId($this->client);

        $transaction = $this->client->transactions->retrieve($id, ['timeout' => 5, 'max_retries' => 0, 'idempotency_key' => null]);

        $this->assertSame($id, $transaction->id);
    }

    /** @param array<mixed> $options */
    private function clientError(array $options): ConfigurationException
    {
        try {
            $this->newClient($options);
        } catch (ConfigurationException $error) {
            return $error;
        }
        $this->fail('expected a ConfigurationException for options ' . implode(', ', array_keys($options)));
    }

    /** @param array<mixed> $options */
    private function requestError(array $options): InvalidRequestException
    {
        $id = $this->firstTransactionId($this->client);
        try {
            $this->client->transactions->retrieve($id, $options);
        } catch (InvalidRequestException $error) {
            return $error;
        }
        $this->fail('expected an InvalidRequestException for options ' . implode(', ', array_keys($options)));
    }

    private function firstTransactionId(\RealtimeFinance\Client $client): string
    {
        foreach ($client->transactions->list(['limit' => 1]) as $transaction) {
            return $transaction->id;
        }
        $this->fail('the sandbox has no transactions');
    }
}
