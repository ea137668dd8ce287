<?php

declare(strict_types=1);

namespace RealtimeFinance\Tests\Support;

use PHPUnit\Framework\TestCase;
use RealtimeFinance\Client;

/** A test case with the shared sandbox and a client authenticated with its secret key. */
abstract class SandboxTestCase extends TestCase
{
    protected Sandbox $sandbox;
    protected Client $client;

    protected function setUp(): void
    {
        $this->sandbox = Sandbox::shared();
        $this->client = $this->newClient();
    }

    protected function tearDown(): void
    {
        $this->sandbox->admin('DELETE', '/_sandbox/faults');
    }

    /** @param array<string, mixed> $options */
    protected function newClient(array $options = []): Client
    {
        return new Client($options + [
            'api_key' => $this->sandbox->secretKey(),
            'base_url' => $this->sandbox->baseUrl(),
            'ignore_environment' => true,
        ]);
    }

    /** @return array{amount: int, currency: string, source_account: string, destination_account: string} */
    protected static function paymentParams(string $destination = 'acct_bob'): array
    {
        return [
            'amount' => 2500,
            'currency' => 'EUR',
            'source_account' => 'acct_alice',
            'destination_account' => $destination,
        ];
    }

    protected static function uniqueKey(string $prefix): string
    {
        return $prefix . '-' . bin2hex(random_bytes(8));
    }
}
