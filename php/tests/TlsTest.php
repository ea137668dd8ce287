<?php

declare(strict_types=1);

namespace RealtimeFinance\Tests;

use PHPUnit\Framework\TestCase;
use RealtimeFinance\Client;
use RealtimeFinance\Exception\ConnectionException;
use RealtimeFinance\Tests\Support\Sandbox;

/** HTTPS to a sandbox whose certificate only its own CA signs. */
final class TlsTest extends TestCase
{
    public function testCaCertPathTrustsSandbox(): void
    {
        $sandbox = Sandbox::sharedTls();

        $client = $this->client($sandbox, ['ca_cert' => $sandbox->settings['ca_cert']]);
        $transactions = $client->transactions->list(['limit' => 1]);

        foreach ($transactions as $transaction) {
            $this->assertStringStartsWith('txn_', $transaction->id);
            return;
        }
        $this->fail('the TLS sandbox returned no transactions');
    }

    public function testCaCertPemTrustsSandbox(): void
    {
        $sandbox = Sandbox::sharedTls();
        $pem = (string) file_get_contents($sandbox->settings['ca_cert']);

        $client = $this->client($sandbox, ['ca_cert_pem' => $pem]);
        $error = $this->catch(fn () => $client->transactions->retrieve('txn_doesnotexist'));

        // A 404 proves the TLS handshake and the request went through.
        $this->assertSame(404, $error?->getHttpStatus());
    }

    public function testUntrustedCertificateFails(): void
    {
        $sandbox = Sandbox::sharedTls();
        $this->assertStringStartsWith('https://', $sandbox->baseUrl());

        $client = $this->client($sandbox, ['max_retries' => 0]);

        $this->expectException(ConnectionException::class);
        $client->transactions->retrieve('txn_doesnotexist');
    }

    /** @param array<string, mixed> $options */
    private function client(Sandbox $sandbox, array $options): Client
    {
        return new Client($options + [
            'api_key' => $sandbox->secretKey(),
            'base_url' => $sandbox->baseUrl(),
            'ignore_environment' => true,
        ]);
    }

    private function catch(callable $call): ?\RealtimeFinance\Exception\RealTimeFinanceException
    {
        try {
            $call();
        } catch (\RealtimeFinance\Exception\RealTimeFinanceException $error) {
            return $error;
        }
        return null;
    }
}
