<?php

declare(strict_types=1);

namespace RealtimeFinance\Tests;

use RealtimeFinance\Exception\ConfigurationException;
use RealtimeFinance\Exception\WebhookSignatureException;
use RealtimeFinance\Resource\Event;
use RealtimeFinance\Tests\Support\SandboxTestCase;
use RealtimeFinance\Webhook;

/**
 * Webhook verification against signatures made outside the Rust core: with
 * PHP's own HMAC, and by the sandbox, which signs with the standardwebhooks
 * crate.
 */
final class WebhookTest extends SandboxTestCase
{
    private const PAYLOAD = '{"id":"evt_phptest1","object":"event","type":"payment.succeeded","created":1764547200,'
        . '"data":{"object":{"id":"pay_phptest1","object":"payment","amount":2500}}}';

    public function testVerifiesPhpSignature(): void
    {
        $secret = $this->secret();
        $headers = self::sign($secret, 'evt_phptest1', time(), self::PAYLOAD);

        $event = Webhook::verify(self::PAYLOAD, $headers, $secret);

        $this->assertInstanceOf(Event::class, $event);
        $this->assertSame('evt_phptest1', $event->id);
        $this->assertSame('event', $event->objectType);
        $this->assertSame('payment.succeeded', $event->type);
        $this->assertSame(2500, $event->object['amount']);
    }

    public function testVerifiesSandboxSignature(): void
    {
        $headers = $this->sandbox->admin('POST', '/_sandbox/webhooks/sign', ['payload' => self::PAYLOAD, 'msg_id' => 'evt_phptest1']);

        $event = Webhook::verify(self::PAYLOAD, $headers, $this->secret());

        $this->assertSame('evt_phptest1', $event->id);
    }

    public function testHeaderNamesAnyCase(): void
    {
        $secret = $this->secret();
        $headers = array_change_key_case(self::sign($secret, 'evt_phptest1', time(), self::PAYLOAD), CASE_UPPER);

        $event = Webhook::verify(self::PAYLOAD, $headers, $secret);

        $this->assertSame('evt_phptest1', $event->id);
    }

    public function testAcceptsPsr7HeaderLists(): void
    {
        $secret = $this->secret();
        $headers = array_map(static fn (string $value): array => [$value], self::sign($secret, 'evt_phptest1', time(), self::PAYLOAD));

        $event = Webhook::verify(self::PAYLOAD, $headers, $secret);

        $this->assertSame('evt_phptest1', $event->id);
    }

    public function testRotationAcceptsEitherSecret(): void
    {
        $secret = $this->secret();
        $old = 'whsec_' . base64_encode(random_bytes(32));
        $headers = self::sign($secret, 'evt_phptest1', time(), self::PAYLOAD);

        $event = Webhook::verify(self::PAYLOAD, $headers, [$old, $secret]);

        $this->assertSame('evt_phptest1', $event->id);
    }

    public function testRejectsTamperedPayload(): void
    {
        $secret = $this->secret();
        $headers = self::sign($secret, 'evt_phptest1', time(), self::PAYLOAD);

        $this->expectException(WebhookSignatureException::class);
        Webhook::verify(str_replace('2500', '9500', self::PAYLOAD), $headers, $secret);
    }

    public function testRejectsStaleTimestamp(): void
    {
        $secret = $this->secret();
        $headers = self::sign($secret, 'evt_phptest1', time() - 600, self::PAYLOAD);

        $this->expectException(WebhookSignatureException::class);
        Webhook::verify(self::PAYLOAD, $headers, $secret);
    }

    public function testWiderToleranceAcceptsOld(): void
    {
        $secret = $this->secret();
        $headers = self::sign($secret, 'evt_phptest1', time() - 600, self::PAYLOAD);

        $event = Webhook::verify(self::PAYLOAD, $headers, $secret, 900);

        $this->assertSame('evt_phptest1', $event->id);
    }

    public function testRejectsMissingHeader(): void
    {
        $secret = $this->secret();
        $headers = self::sign($secret, 'evt_phptest1', time(), self::PAYLOAD);
        unset($headers['webhook-timestamp']);

        $this->expectException(WebhookSignatureException::class);
        Webhook::verify(self::PAYLOAD, $headers, $secret);
    }

    public function testRejectsInvalidSecret(): void
    {
        $headers = self::sign($this->secret(), 'evt_phptest1', time(), self::PAYLOAD);

        $this->expectException(ConfigurationException::class);
        Webhook::verify(self::PAYLOAD, $headers, 'not-a-secret');
    }

    private function secret(): string
    {
        return $this->sandbox->settings['webhook_secret'];
    }

    /**
     * Signs a payload as the Standard Webhooks specification describes, with
     * PHP's hash_hmac rather than the SDK.
     *
     * @return array{webhook-id: string, webhook-timestamp: string, webhook-signature: string}
     */
    private static function sign(string $secret, string $id, int $timestamp, string $payload): array
    {
        $key = base64_decode(substr($secret, strlen('whsec_')), true);
        $mac = hash_hmac('sha256', "{$id}.{$timestamp}.{$payload}", (string) $key, true);
        return [
            'webhook-id' => $id,
            'webhook-timestamp' => (string) $timestamp,
            'webhook-signature' => 'v1,' . base64_encode($mac),
        ];
    }
}
