<?php

declare(strict_types=1);

namespace RealtimeFinance\Tests;

use RealtimeFinance\Client;
use RealtimeFinance\Exception\ConfigurationException;
use RealtimeFinance\Resource\Transaction;
use RealtimeFinance\Tests\Support\SandboxTestCase;

final class ClientTest extends SandboxTestCase
{
    private const ENV_NAMES = ['REALTIME_FINANCE_SECRET_KEY', 'REALTIME_FINANCE_BASE_URL'];

    protected function tearDown(): void
    {
        foreach (self::ENV_NAMES as $name) {
            putenv($name);
        }
        parent::tearDown();
    }

    public function testReadsEnvironmentVariables(): void
    {
        putenv('REALTIME_FINANCE_SECRET_KEY=' . $this->sandbox->secretKey());
        putenv('REALTIME_FINANCE_BASE_URL=' . $this->sandbox->baseUrl());

        $client = new Client();
        $transaction = self::first($client->transactions->list(['limit' => 1]));

        $this->assertStringStartsWith('txn_', $transaction->id);
    }

    public function testIgnoreEnvironmentNeedsCredentials(): void
    {
        putenv('REALTIME_FINANCE_SECRET_KEY=' . $this->sandbox->secretKey());

        $this->expectException(ConfigurationException::class);
        new Client(['base_url' => $this->sandbox->baseUrl(), 'ignore_environment' => true]);
    }

    public function testRejectsPublishableKey(): void
    {
        $this->expectException(ConfigurationException::class);
        $this->newClient(['api_key' => $this->sandbox->settings['publishable_key']]);
    }

    public function testRejectsUnknownOption(): void
    {
        $this->expectException(ConfigurationException::class);
        $this->expectExceptionMessage('colour');
        $this->newClient(['colour' => 'blue']);
    }

    public function testRejectsApiKeyWithClientId(): void
    {
        $this->expectException(ConfigurationException::class);
        $this->expectExceptionMessage('client_id');
        $this->newClient(['client_id' => 'client_1']);
    }

    public function testRejectsInvalidTimeout(): void
    {
        $this->expectException(ConfigurationException::class);
        $this->expectExceptionMessage('timeout');
        $this->newClient(['timeout' => -1]);
    }

    public function testSetApiKeyRotatesKey(): void
    {
        $created = $this->sandbox->admin('POST', '/_sandbox/keys', ['scopes' => ['transactions:read']]);
        $client = $this->newClient(['api_key' => 'sk_test_' . str_repeat('0', 32)]);

        $client->setApiKey($created['secret_key']);
        $transaction = self::first($client->transactions->list(['limit' => 1]));

        $this->assertStringStartsWith('txn_', $transaction->id);
    }

    public function testSetApiKeyRejectsPublishableKey(): void
    {
        $this->expectException(ConfigurationException::class);
        $this->client->setApiKey($this->sandbox->settings['publishable_key']);
    }

    public function testServicesOutliveClient(): void
    {
        $transactions = $this->newClient()->transactions;
        gc_collect_cycles();

        $transaction = self::first($transactions->list(['limit' => 1]));

        $this->assertStringStartsWith('txn_', $transaction->id);
    }

    /**
     * @param iterable<Transaction> $list
     */
    private static function first(iterable $list): Transaction
    {
        foreach ($list as $transaction) {
            return $transaction;
        }
        self::fail('the list is empty');
    }

    public function testVersionMatchesNativeLibrary(): void
    {
        $this->assertMatchesRegularExpression('/^\d+\.\d+\.\d+/', Client::version());
    }
}
