<?php

declare(strict_types=1);

namespace RealtimeFinance\Tests;

use RealtimeFinance\Client;
use RealtimeFinance\Exception\AuthenticationException;
use RealtimeFinance\Exception\PermissionException;
use RealtimeFinance\Tests\Support\SandboxTestCase;

/** OAuth 2.0 client credentials, with tokens issued by the sandbox. */
final class OAuthTest extends SandboxTestCase
{
    public function testRefreshesShortLivedToken(): void
    {
        $credentials = $this->sandbox->admin('POST', '/_sandbox/oauth_clients', ['token_ttl_seconds' => 1]);
        $client = $this->oauthClient($credentials);

        $client->transactions->retrieve($this->anyTransactionId());
        sleep(2);
        $transaction = $client->transactions->retrieve($this->anyTransactionId());

        $this->assertStringStartsWith('txn_', $transaction->id);
        $requests = $this->sandbox->stat('token_requests_by_client')[$credentials['client_id']] ?? 0;
        $this->assertGreaterThanOrEqual(2, $requests);
    }

    public function testCachesTokenAcrossCalls(): void
    {
        $credentials = $this->sandbox->admin('POST', '/_sandbox/oauth_clients', ['token_ttl_seconds' => 3600]);
        $client = $this->oauthClient($credentials);

        for ($i = 0; $i < 3; $i++) {
            $client->transactions->retrieve($this->anyTransactionId());
        }

        $this->assertSame(1, $this->sandbox->stat('token_requests_by_client')[$credentials['client_id']]);
    }

    public function testClientSecretPost(): void
    {
        $credentials = $this->sandbox->admin('POST', '/_sandbox/oauth_clients', []);
        $client = $this->oauthClient($credentials, ['client_auth_method' => 'client_secret_post']);

        $transaction = $client->transactions->retrieve($this->anyTransactionId());

        $this->assertStringStartsWith('txn_', $transaction->id);
    }

    public function testWrongSecretThrowsAuthentication(): void
    {
        $credentials = $this->sandbox->admin('POST', '/_sandbox/oauth_clients', []);
        $client = $this->oauthClient(['client_secret' => 'cs_test_wrong'] + $credentials);

        try {
            $client->transactions->retrieve($this->anyTransactionId());
            $this->fail('a wrong client secret was accepted');
        } catch (AuthenticationException $error) {
            $this->assertSame('invalid_client', $error->getErrorCode());
            $this->assertStringNotContainsString('cs_test_wrong', $error->getMessage());
        }
    }

    public function testScopeLimitsCalls(): void
    {
        $credentials = $this->sandbox->admin('POST', '/_sandbox/oauth_clients', ['scopes' => ['transactions:read']]);
        $client = $this->oauthClient($credentials);

        $this->expectException(PermissionException::class);
        $client->payments->create(self::paymentParams());
    }

    /**
     * @param array<string, mixed> $credentials
     * @param array<string, mixed> $options
     */
    private function oauthClient(array $credentials, array $options = []): Client
    {
        return new Client($options + [
            'client_id' => $credentials['client_id'],
            'client_secret' => $credentials['client_secret'],
            'base_url' => $this->sandbox->baseUrl(),
            'ignore_environment' => true,
        ]);
    }

    private function anyTransactionId(): string
    {
        foreach ($this->client->transactions->list(['limit' => 1]) as $transaction) {
            return $transaction->id;
        }
        $this->fail('the sandbox has no transactions');
    }
}
