<?php

declare(strict_types=1);

namespace RealtimeFinance\Tests;

use RealtimeFinance\Client;
use RealtimeFinance\Exception\RealTimeFinanceException;
use RealtimeFinance\Tests\Support\SandboxTestCase;

/** No secret in dumps of SDK objects, exception messages or stack traces. */
final class RedactionTest extends SandboxTestCase
{
    public function testClientDumpsHideKey(): void
    {
        $key = $this->sandbox->secretKey();
        $secretPart = substr($key, strlen('sk_test_'));

        $this->assertStringNotContainsString($secretPart, self::capture(fn () => var_dump($this->client)));
        $this->assertStringNotContainsString($secretPart, print_r($this->client, true));
        $this->assertStringNotContainsString($secretPart, var_export($this->client, true));
        $this->assertStringNotContainsString($secretPart, self::capture(fn () => debug_zval_dump($this->client)));
    }

    public function testOAuthClientDumpHidesSecret(): void
    {
        $credentials = $this->sandbox->admin('POST', '/_sandbox/oauth_clients', []);
        $client = new Client([
            'client_id' => $credentials['client_id'],
            'client_secret' => $credentials['client_secret'],
            'base_url' => $this->sandbox->baseUrl(),
        ]);

        $this->assertStringNotContainsString($credentials['client_secret'], print_r($client, true));
        $this->assertStringNotContainsString($credentials['client_secret'], self::capture(fn () => var_dump($client)));
    }

    public function testAuthErrorHidesKey(): void
    {
        $badKey = 'sk_test_R3d4ct10nT3stK3y0000000000';
        $client = $this->newClient(['api_key' => $badKey]);

        try {
            $client->transactions->retrieve('txn_1');
            $this->fail('an invalid key was accepted');
        } catch (RealTimeFinanceException $error) {
            $this->assertStringNotContainsString('R3d4ct10nT3stK3y', $error->getMessage());
            $this->assertStringNotContainsString('R3d4ct10nT3stK3y', (string) $error);
        }
    }

    public function testConstructorTraceHidesKey(): void
    {
        $this->assertSame('0', ini_get('zend.exception_ignore_args'), 'traces must carry arguments for this test');

        try {
            new Client(['api_key' => 'sk_test_Tr4c3T3stK3y000000000000', 'environment' => 'staging']);
            $this->fail('an invalid environment was accepted');
        } catch (RealTimeFinanceException $error) {
            $this->assertStringNotContainsString('Tr4c3T3stK3y', (string) $error);
            $this->assertStringNotContainsString('Tr4c3T3stK3y', print_r($error->getTrace(), true));
        }
    }

    public function testWebhookEndpointDumpHidesSecret(): void
    {
        $endpoint = $this->client->webhookEndpoints->create(['url' => 'http://127.0.0.1:9/hooks']);
        $secretPart = substr((string) $endpoint->secret, strlen('whsec_'));

        $this->assertNotSame('', $secretPart);
        $this->assertStringNotContainsString($secretPart, print_r($endpoint, true));
        $this->assertStringNotContainsString($secretPart, self::capture(fn () => var_dump($endpoint)));
    }

    private static function capture(callable $dump): string
    {
        ob_start();
        $dump();
        return (string) ob_get_clean();
    }
}
