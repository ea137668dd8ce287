<?php

declare(strict_types=1);

namespace RealtimeFinance\Tests;

use PHPUnit\Framework\TestCase;
use RealtimeFinance\Client;
use RealtimeFinance\Exception;
use RealtimeFinance\Tests\Support\Sandbox;
use RealtimeFinance\Webhook;

/**
 * The cross-language scenarios of tests/conformance/scenarios.json, run
 * through the PHP SDK as tests/conformance/README.md describes.
 */
final class ConformanceTest extends TestCase
{
    private const SCENARIOS = __DIR__ . '/../../tests/conformance/scenarios.json';

    /** Core ErrorKind names and the PHP class of each. */
    private const ERROR_CLASSES = [
        'configuration' => Exception\ConfigurationException::class,
        'authentication' => Exception\AuthenticationException::class,
        'permission' => Exception\PermissionException::class,
        'invalid_request' => Exception\InvalidRequestException::class,
        'not_found' => Exception\NotFoundException::class,
        'conflict' => Exception\ConflictException::class,
        'rate_limit' => Exception\RateLimitException::class,
        'api' => Exception\ApiException::class,
        'connection' => Exception\ConnectionException::class,
        'timeout' => Exception\TimeoutException::class,
        'webhook_signature' => Exception\WebhookSignatureException::class,
    ];

    private const SERVICES = ['webhook_endpoints' => 'webhookEndpoints'];

    private static ?string $runId = null;

    private Sandbox $sandbox;

    /** @var array<string, mixed> results saved by save_as */
    private array $saved = [];

    /** @return iterable<string, array{array<string, mixed>}> */
    public function scenarios(): iterable
    {
        $document = json_decode((string) file_get_contents(self::SCENARIOS), true, 512, JSON_THROW_ON_ERROR);
        foreach ($document['scenarios'] as $scenario) {
            yield $scenario['name'] => [$scenario];
        }
    }

    /**
     * @dataProvider scenarios
     * @param array<string, mixed> $scenario
     */
    public function testScenario(array $scenario): void
    {
        $this->sandbox = Sandbox::shared();
        self::$runId ??= bin2hex(random_bytes(6));
        $steps = $scenario['steps'];

        $statsBefore = isset($scenario['expect_stats_delta']) ? $this->sandbox->admin('GET', '/_sandbox/stats') : null;
        try {
            $client = $this->client($scenario['credential']);
        } catch (Exception\RealTimeFinanceException $error) {
            // A credential the SDK rejects at construction must be the
            // error the first step expects.
            $this->assertArrayHasKey('expect_error', $steps[0], $error->getMessage());
            $this->checkError($steps[0]['expect_error'], $error);
            return;
        }

        foreach ($scenario['faults'] ?? [] as $fault) {
            $this->sandbox->admin('POST', '/_sandbox/faults', $fault);
        }
        try {
            foreach ($steps as $index => $step) {
                $this->runStep($client, $step, "step {$index} ({$step['call']})");
            }
        } finally {
            $this->sandbox->admin('DELETE', '/_sandbox/faults');
        }

        if ($statsBefore !== null) {
            $this->checkStatsDelta($scenario['expect_stats_delta'], $statsBefore, $this->sandbox->admin('GET', '/_sandbox/stats'));
        }
    }

    /** @param string|array<string, mixed> $credential */
    private function client(string|array $credential): Client
    {
        $settings = $this->sandbox->settings;
        $options = ['base_url' => $settings['base_url'], 'ignore_environment' => true];
        if (is_array($credential)) {
            $key = $this->sandbox->admin('POST', '/_sandbox/keys', ['scopes' => $credential['scopes']]);
            return new Client($options + ['api_key' => $key['secret_key']]);
        }
        return new Client($options + match ($credential) {
            'secret_key' => ['api_key' => $settings['secret_key']],
            'publishable_key' => ['api_key' => $settings['publishable_key']],
            'oauth' => ['client_id' => $settings['client_id'], 'client_secret' => $settings['client_secret']],
            'oauth_wrong_secret' => ['client_id' => $settings['client_id'], 'client_secret' => 'wrong-secret'],
        });
    }

    /** @param array<string, mixed> $step */
    private function runStep(Client $client, array $step, string $label): void
    {
        $args = $this->substitute($step['args'] ?? []);
        try {
            $result = $this->call($client, $step['call'], $args);
        } catch (Exception\RealTimeFinanceException $error) {
            $this->assertArrayHasKey('expect_error', $step, "{$label} failed: " . $error::class . ': ' . $error->getMessage());
            $this->checkError($step['expect_error'], $error, $label);
            return;
        }
        $this->assertArrayNotHasKey('expect_error', $step, "{$label} succeeded but an error was expected");

        if (isset($step['save_as'])) {
            $this->saved[$step['save_as']] = $result;
        }
        foreach ($this->substitute($step['expect'] ?? []) as $field => $expected) {
            $this->assertSame($expected, $result[$field] ?? null, "{$label}: field {$field}");
        }
        foreach ($step['expect_prefix'] ?? [] as $field => $prefix) {
            $this->assertStringStartsWith($prefix, (string) ($result[$field] ?? ''), "{$label}: field {$field}");
        }
        if (isset($step['expect_count'])) {
            $this->assertCount($step['expect_count'], $result, $label);
        }
        if (isset($step['expect_min_count'])) {
            $this->assertGreaterThanOrEqual($step['expect_min_count'], count($result), $label);
        }
        foreach ($step['expect_all'] ?? [] as $field => $expected) {
            foreach ($result as $item) {
                $this->assertSame($expected, $item[$field] ?? null, "{$label}: every {$field}");
            }
        }
        if (isset($step['expect_unique'])) {
            $values = array_column($result, $step['expect_unique']);
            $this->assertSame(count($values), count(array_unique($values)), "{$label}: unique {$step['expect_unique']}");
        }
    }

    /**
     * Runs one call through the public API and returns its wire form.
     *
     * @param array<string, mixed> $args
     * @return array<mixed>
     */
    private function call(Client $client, string $call, array $args): array
    {
        if ($call === 'webhook.verify') {
            $headers = $args['headers'] ?? $this->sign($args['sign'], $args['payload']);
            return Webhook::verify($args['payload'], $headers, $args['secrets'], $args['tolerance'])->toArray();
        }

        $options = array_intersect_key($args, ['max_retries' => true, 'idempotency_key' => true]);
        [$resource, $method] = explode('.', $call);
        $service = $client->{self::SERVICES[$resource] ?? $resource};
        return match ($method) {
            'retrieve', 'cancel' => $service->{$method}($args['id'], $options)->toArray(),
            'list' => $this->take($service->list($args['params'] ?? [], $options), $args['max_items']),
            default => $service->{$method}($args['params'], $options)->toArray(),
        };
    }

    /**
     * @param iterable<object> $list
     * @return list<array<string, mixed>>
     */
    private function take(iterable $list, int $count): array
    {
        $items = [];
        foreach ($list as $item) {
            if (count($items) >= $count) {
                break;
            }
            $items[] = $item->toArray();
        }
        return $items;
    }

    /**
     * Signs with PHP's HMAC, independently of the SDK.
     *
     * @param array<string, mixed> $sign
     * @return array<string, string>
     */
    private function sign(array $sign, string $payload): array
    {
        $payload = $sign['payload'] ?? $payload;
        $timestamp = time() + ($sign['timestamp_offset'] ?? 0);
        $key = (string) base64_decode(substr($sign['secret'], strlen('whsec_')), true);
        $mac = hash_hmac('sha256', "{$sign['id']}.{$timestamp}.{$payload}", $key, true);
        return [
            'webhook-id' => $sign['id'],
            'webhook-timestamp' => (string) $timestamp,
            'webhook-signature' => 'v1,' . base64_encode($mac),
        ];
    }

    /** @param array<string, mixed> $expected */
    private function checkError(array $expected, Exception\RealTimeFinanceException $error, string $label = 'client'): void
    {
        $details = "{$label}: " . $error::class . ': ' . $error->getMessage();
        $this->assertInstanceOf(self::ERROR_CLASSES[$expected['kind']], $error, $details);
        if (array_key_exists('http_status', $expected)) {
            $this->assertSame($expected['http_status'], $error->getHttpStatus(), $details);
        }
        if (array_key_exists('code', $expected)) {
            $this->assertSame($expected['code'], $error->getErrorCode(), $details);
        }
        if (array_key_exists('param', $expected)) {
            $this->assertSame($expected['param'], $error->getParam(), $details);
        }
    }

    /**
     * @param array<string, mixed> $expected
     * @param array<string, mixed> $before
     * @param array<string, mixed> $after
     */
    private function checkStatsDelta(array $expected, array $before, array $after): void
    {
        foreach ($expected as $name => $delta) {
            if ($name === 'requests') {
                foreach ($delta as $route => $count) {
                    $actual = ($after['requests'][$route] ?? 0) - ($before['requests'][$route] ?? 0);
                    $this->assertSame($count, $actual, "requests to {$route}");
                }
                continue;
            }
            $this->assertSame($delta, $after[$name] - $before[$name], $name);
        }
    }

    /**
     * Replaces `${name.path}` strings with saved values and `${run_id}` with
     * this run's id.
     */
    private function substitute(mixed $value): mixed
    {
        if (is_array($value)) {
            return array_map(fn (mixed $item): mixed => $this->substitute($item), $value);
        }
        if (!is_string($value)) {
            return $value;
        }
        if (preg_match('/^\$\{([^}]+)\}$/', $value, $match) === 1 && $match[1] !== 'run_id') {
            return $this->lookup($match[1]);
        }
        return preg_replace_callback(
            '/\$\{([^}]+)\}/',
            fn (array $part): string => $part[1] === 'run_id' ? (string) self::$runId : (string) $this->lookup($part[1]),
            $value,
        );
    }

    private function lookup(string $path): mixed
    {
        $value = $this->saved;
        foreach (explode('.', $path) as $key) {
            $this->assertIsArray($value, "saved value {$path}");
            $this->assertArrayHasKey($key, $value, "saved value {$path}");
            $value = $value[$key];
        }
        return $value;
    }
}
