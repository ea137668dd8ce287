<?php

declare(strict_types=1);

namespace RealtimeFinance;

use RealtimeFinance\Internal\ClientHandle;
use RealtimeFinance\Internal\Native;
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
 *     api_key?: string,
 *     client_id?: string,
 *     client_secret?: string,
 *     scopes?: list<string>,
 *     token_url?: string,
 *     client_auth_method?: 'client_secret_basic'|'client_secret_post',
 *     base_url?: string,
 *     environment?: 'sandbox'|'live',
 *     timeout?: float|int,
 *     connect_timeout?: float|int,
 *     max_retries?: int,
 *     ca_cert?: string,
 *     ca_cert_pem?: string,
 *     ignore_environment?: bool,
 * }
 */
final class Client
{
    /** PHP option names that differ from the C ABI's settings, and their ABI names. */
    private const RENAMED_OPTIONS = [
        'timeout' => 'timeout_seconds',
        'connect_timeout' => 'connect_timeout_seconds',
        'ca_cert' => 'ca_cert_path',
    ];

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
     *        skips the environment variables.
     * @throws Exception\ConfigurationException for invalid or missing settings,
     *         or when PHP's FFI extension is unavailable or disabled
     */
    public function __construct(#[\SensitiveParameter] array $options = [])
    {
        $config = [];
        foreach ($options as $name => $value) {
            $config[self::RENAMED_OPTIONS[$name] ?? $name] = $value;
        }
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
