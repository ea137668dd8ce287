<?php

declare(strict_types=1);

namespace RealtimeFinance;

use RealtimeFinance\Internal\ClientHandle;
use RealtimeFinance\Internal\Native;
use RealtimeFinance\Internal\Options;
use RealtimeFinance\Service\EventService;
use RealtimeFinance\Service\FraudService;
use RealtimeFinance\Service\PaymentService;
use RealtimeFinance\Service\TransactionService;
use RealtimeFinance\Service\WebhookEndpointService;

/**
 * A Real Time Finance API client.
 *
 * Settings not given explicitly come from the REALTIME_FINANCE_SECRET_KEY,
 * REALTIME_FINANCE_CLIENT_ID, REALTIME_FINANCE_CLIENT_SECRET and
 * REALTIME_FINANCE_BASE_URL environment variables, and then from the core's
 * defaults (60 s timeout, 10 s connect timeout, 2 retries). Calls block until
 * they and their retries end. The client keeps no copy of its secrets in PHP
 * memory, and var_dump() and print_r() show no secret.
 *
 * @phpstan-type ClientOptions array{
 *     api_key?: string|null,
 *     client_id?: string|null,
 *     client_secret?: string|null,
 *     scopes?: list<string>|null,
 *     token_url?: string|null,
 *     client_auth_method?: 'client_secret_basic'|'client_secret_post'|null,
 *     base_url?: string|null,
 *     environment?: 'sandbox'|'live'|null,
 *     timeout?: float|int|null,
 *     connect_timeout?: float|int|null,
 *     max_retries?: int|null,
 *     ca_cert?: string|null,
 *     ca_cert_pem?: string|null,
 *     ignore_environment?: bool|null,
 * }
 */
final class Client
{
    public readonly TransactionService $transactions;
    public readonly PaymentService $payments;
    public readonly FraudService $fraud;
    public readonly EventService $events;
    public readonly WebhookEndpointService $webhookEndpoints;

    private readonly ClientHandle $handle;

    /**
     * Creates a client. Sends no request.
     *
     * @param ClientOptions $options credentials as `api_key`, or as
     *        `client_id` with `client_secret` for OAuth 2.0 client credentials
     *        (plus `scopes`, `token_url` and `client_auth_method`). The target
     *        as `base_url` or `environment`. `timeout` and `connect_timeout`
     *        in seconds, and `max_retries`. Extra trusted roots as `ca_cert`
     *        (path to a PEM file) or `ca_cert_pem`. `ignore_environment`
     *        skips the environment variables. A null value leaves an option
     *        unset, so that its environment variable or default applies.
     * @throws Exception\ConfigurationException for an unknown option, invalid
     *         or missing settings, or when PHP's FFI extension is unavailable
     *         or disabled
     */
    public function __construct(#[\SensitiveParameter] array $options = [])
    {
        $config = Options::client($options);
        $config['language'] = 'php';
        $config['language_version'] = PHP_VERSION;

        $this->handle = Native::newClient($config);
        $this->transactions = new TransactionService($this->handle);
        $this->payments = new PaymentService($this->handle);
        $this->fraud = new FraudService($this->handle);
        $this->events = new EventService($this->handle);
        $this->webhookEndpoints = new WebhookEndpointService($this->handle);
    }

    /**
     * Replaces the API key without a restart; calls already in flight finish
     * with the old key.
     *
     * @throws Exception\ConfigurationException for a publishable key or a key
     *         of the wrong environment
     */
    public function setApiKey(#[\SensitiveParameter] string $apiKey): void
    {
        Native::setApiKey($this->handle, $apiKey);
    }

    /** Returns the version of the native Real Time Finance library, such as "0.1.0". */
    public static function version(): string
    {
        return Native::version();
    }

    /** @return array<string, string> */
    public function __debugInfo(): array
    {
        return ['credentials' => '[REDACTED]'];
    }

    /** @return array<never> */
    public function __serialize(): array
    {
        throw new \LogicException('A Client cannot be serialized because it contains a native handle; create a new Client in each process instead.');
    }
}
