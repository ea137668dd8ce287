<?php

declare(strict_types=1);

namespace RealtimeFinance;

use RealtimeFinance\Internal\Native;
use RealtimeFinance\Resource\Event;

/** Verification of webhook deliveries (Standard Webhooks scheme). */
final class Webhook
{
    /**
     * Verifies a delivery and returns its event. Verify the raw request body
     * before parsing it.
     *
     * @param string $payload the raw request body
     * @param array<string, string|list<string>> $headers the request headers, names in
     *        any case; list values (as PSR-7 returns them) are joined with spaces
     * @param string|list<string> $secret the endpoint's whsec_ secret, or several
     *        during a secret rotation
     * @param int $tolerance seconds the webhook-timestamp may differ from the local
     *        clock; 0 or less uses the default of 300
     * @throws Exception\WebhookSignatureException when a header is missing or
     *         malformed, the timestamp is outside the tolerance or no signature matches
     * @throws Exception\ConfigurationException for a secret that is not whsec_ and base64
     */
    public static function verify(string $payload, array $headers, #[\SensitiveParameter] string|array $secret, int $tolerance = 300): Event
    {
        $flatHeaders = [];
        foreach ($headers as $name => $value) {
            $flatHeaders[(string) $name] = is_array($value) ? implode(' ', $value) : $value;
        }
        $secrets = is_array($secret) ? array_values($secret) : [$secret];
        return Event::fromArray(Native::verifyWebhook($payload, $flatHeaders, $secrets, $tolerance));
    }
}
