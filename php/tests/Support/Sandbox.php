<?php

declare(strict_types=1);

namespace RealtimeFinance\Tests\Support;

/**
 * A local sandbox (`rtf sandbox --port 0`) started for the test run, with the
 * settings from its first output line and a client for its admin API.
 *
 * One sandbox serves the whole run and stops when PHP exits; the binary comes
 * from RTF_BIN or the repository's target/debug/rtf.
 */
final class Sandbox
{
    private static ?self $shared = null;

    private static ?self $sharedTls = null;

    /** @var resource */
    private $process;

    /** @param array<string, mixed> $settings the sandbox's JSON settings line */
    private function __construct($process, public readonly array $settings)
    {
        $this->process = $process;
    }

    public static function shared(): self
    {
        return self::$shared ??= self::start([]);
    }

    /** Returns a second sandbox that serves HTTPS with its own CA, whose PEM path is settings['ca_cert']. */
    public static function sharedTls(): self
    {
        return self::$sharedTls ??= self::start(['--tls']);
    }

    /** @param list<string> $extraArguments */
    private static function start(array $extraArguments): self
    {
        $binary = getenv('RTF_BIN') ?: dirname(__DIR__, 3) . '/target/debug/rtf';
        if (!is_executable($binary)) {
            throw new \RuntimeException("rtf binary not found at {$binary}; run cargo build -p realtime-finance-cli or set RTF_BIN.");
        }
        $pipes = [];
        $process = proc_open(
            [$binary, 'sandbox', '--port', '0', '--settle-delay-ms', '300', ...$extraArguments],
            [0 => ['file', '/dev/null', 'r'], 1 => ['pipe', 'w'], 2 => ['file', '/dev/null', 'w']],
            $pipes,
        );
        if (!is_resource($process)) {
            throw new \RuntimeException("Could not start {$binary} sandbox.");
        }
        $line = fgets($pipes[1]);
        if ($line === false) {
            proc_terminate($process);
            throw new \RuntimeException('The sandbox exited before printing its settings line.');
        }
        $sandbox = new self($process, json_decode($line, true, 512, JSON_THROW_ON_ERROR));
        register_shutdown_function(static function () use ($process): void {
            proc_terminate($process);
            proc_close($process);
        });
        return $sandbox;
    }

    public function baseUrl(): string
    {
        return $this->settings['base_url'];
    }

    public function secretKey(): string
    {
        return $this->settings['secret_key'];
    }

    /**
     * Sends a request to the admin API and returns the decoded JSON body.
     *
     * @param array<string, mixed>|null $body
     * @return array<string, mixed>
     */
    public function admin(string $method, string $path, ?array $body = null): array
    {
        $context = stream_context_create(['http' => [
            'method' => $method,
            'header' => "Authorization: Bearer {$this->settings['admin_token']}\r\nContent-Type: application/json\r\n",
            'content' => $body === null ? '' : json_encode((object) $body, JSON_THROW_ON_ERROR),
            'ignore_errors' => true,
            'timeout' => 10,
        ]]);
        $response = file_get_contents($this->baseUrl() . $path, false, $context);
        if ($response === false) {
            throw new \RuntimeException("Admin request {$method} {$path} failed.");
        }
        $status = (int) explode(' ', $http_response_header[0] ?? 'HTTP/1.1 0')[1];
        if ($status >= 300) {
            throw new \RuntimeException("Admin request {$method} {$path} returned {$status}: {$response}");
        }
        return $response === '' ? [] : json_decode($response, true, 512, JSON_THROW_ON_ERROR);
    }

    /**
     * Returns one counter of GET /_sandbox/stats.
     */
    public function stat(string $name): mixed
    {
        return $this->admin('GET', '/_sandbox/stats')[$name];
    }
}
