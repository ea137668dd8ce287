<?php

declare(strict_types=1);

namespace RealtimeFinance\Internal;

use RealtimeFinance\Exception;

/**
 * The binding to the C ABI (`realtime_finance.h`, `librealtime_finance_ffi`).
 * Nothing outside this class calls `rtf_*` functions.
 *
 * Ownership: every `char *` and `RtfError *` the library returns is copied
 * into PHP values and freed at once, so no native allocation outlives the
 * call that made it. Client and paginator handles are freed by the
 * destructor of the PHP object that owns them.
 *
 * @internal
 */
final class Native
{
    /** The RTF_ABI_VERSION this package was written against. */
    public const ABI_VERSION = 1;

    /** FFI scope of the library when ffi.preload or preload.php loaded it at startup. */
    public const SCOPE = 'REALTIME_FINANCE';

    public const LIBRARY_ENV = 'REALTIME_FINANCE_FFI_LIB';

    private const LIBRARY_NAME = 'librealtime_finance_ffi.so';

    /** RtfErrorKind values mapped to exception classes; the only such table in the package. */
    private const EXCEPTION_CLASSES = [
        1 => Exception\ConfigurationException::class,
        2 => Exception\AuthenticationException::class,
        3 => Exception\PermissionException::class,
        4 => Exception\InvalidRequestException::class,
        5 => Exception\NotFoundException::class,
        6 => Exception\ConflictException::class,
        7 => Exception\RateLimitException::class,
        8 => Exception\ApiException::class,
        9 => Exception\ConnectionException::class,
        10 => Exception\TimeoutException::class,
        11 => Exception\WebhookSignatureException::class,
    ];

    private static ?\FFI $ffi = null;

    /**
     * Returns the loaded library, loading it on first use.
     *
     * @throws Exception\ConfigurationException when FFI is unavailable or
     *         disabled, or the library or header cannot be found or loaded
     */
    public static function ffi(): \FFI
    {
        return self::$ffi ??= self::load();
    }

    private static function load(): \FFI
    {
        if (!extension_loaded('ffi')) {
            throw new Exception\ConfigurationException(
                'The Real Time Finance SDK needs PHP\'s FFI extension, which is not loaded. '
                . 'Install it (Debian\'s php' . PHP_MAJOR_VERSION . '.' . PHP_MINOR_VERSION . '-common package contains it) and enable it with '
                . 'extension=ffi and ffi.enable=true in php.ini.'
            );
        }

        $ffi = self::preloadedScope();
        if ($ffi === null) {
            self::assertFfiEnabled();
            $library = self::libraryPath();
            try {
                $ffi = \FFI::cdef(self::declarations(self::headerPath()), $library);
            } catch (\FFI\Exception $error) {
                if (str_contains($error->getMessage(), 'ffi.enable')) {
                    throw new Exception\ConfigurationException(self::ffiDisabledMessage(), previous: $error);
                }
                throw new Exception\ConfigurationException(
                    "Could not load the native library {$library}: {$error->getMessage()}. "
                    . 'Rebuild it with php/scripts/build.sh or set ' . self::LIBRARY_ENV . ' to a working copy.',
                    previous: $error,
                );
            }
        }

        $loadedVersion = $ffi->rtf_abi_version();
        if ($loadedVersion !== self::ABI_VERSION) {
            throw new Exception\ConfigurationException(
                "The native library implements C ABI version {$loadedVersion}, but this package needs version "
                . self::ABI_VERSION . '; install the library built from the same release as the PHP package.'
            );
        }
        return $ffi;
    }

    /** Returns the FFI scope loaded at startup, or null when there is none. */
    private static function preloadedScope(): ?\FFI
    {
        try {
            return \FFI::scope(self::SCOPE);
        } catch (\FFI\Exception) {
            return null;
        }
    }

    private static function assertFfiEnabled(): void
    {
        $setting = strtolower((string) ini_get('ffi.enable'));
        $enabled = in_array($setting, ['1', 'on', 'true', 'yes'], true)
            || ($setting === 'preload' && PHP_SAPI === 'cli');
        if (!$enabled) {
            throw new Exception\ConfigurationException(self::ffiDisabledMessage());
        }
    }

    private static function ffiDisabledMessage(): string
    {
        $setting = (string) ini_get('ffi.enable');
        $package = dirname(__DIR__, 2);
        return "The Real Time Finance SDK needs PHP's FFI API, which the setting ffi.enable={$setting} "
            . 'disables for this script (SAPI ' . PHP_SAPI . '). Set ffi.enable=true in php.ini, or keep '
            . 'ffi.enable=preload (the default) and, under PHP-FPM or another web server SAPI, load the library '
            . "at startup with ffi.preload={$package}/lib/realtime_finance.ffi.h (written by scripts/build.sh), "
            . "or with opcache.preload={$package}/preload.php when the server does not start as root. "
            . 'The CLI allows FFI with ffi.enable=preload.';
    }

    /**
     * Returns the path of the native library: the REALTIME_FINANCE_FFI_LIB
     * environment variable, else the copy in the package's lib/ folder, else
     * the repository's target/debug build.
     *
     * @throws Exception\ConfigurationException when no library file exists
     */
    public static function libraryPath(): string
    {
        $override = getenv(self::LIBRARY_ENV);
        if (is_string($override) && $override !== '') {
            if (!is_file($override)) {
                throw new Exception\ConfigurationException(
                    self::LIBRARY_ENV . " is set to {$override}, but no file exists there; "
                    . 'point it at ' . self::LIBRARY_NAME . ' or unset it.'
                );
            }
            return $override;
        }

        $candidates = [
            dirname(__DIR__, 2) . '/lib/' . self::LIBRARY_NAME,
            dirname(__DIR__, 3) . '/target/debug/' . self::LIBRARY_NAME,
        ];
        foreach ($candidates as $candidate) {
            if (is_file($candidate)) {
                return $candidate;
            }
        }
        throw new Exception\ConfigurationException(
            self::LIBRARY_NAME . ' was not found in ' . implode(' or ', $candidates) . '; build it with '
            . 'php/scripts/build.sh or set ' . self::LIBRARY_ENV . ' to its path.'
        );
    }

    /**
     * Returns the path of realtime_finance.h: the copy in the package's lib/
     * folder, else the repository's bindings/c/include/.
     *
     * @throws Exception\ConfigurationException when neither exists
     */
    public static function headerPath(): string
    {
        $candidates = [
            dirname(__DIR__, 2) . '/lib/realtime_finance.h',
            dirname(__DIR__, 3) . '/bindings/c/include/realtime_finance.h',
        ];
        foreach ($candidates as $candidate) {
            if (is_file($candidate)) {
                return $candidate;
            }
        }
        throw new Exception\ConfigurationException(
            'realtime_finance.h was not found in ' . implode(' or ', $candidates)
            . '; build the package with php/scripts/build.sh.'
        );
    }

    /**
     * Returns the header's declarations in the form FFI::cdef() parses: PHP's
     * FFI parser rejects preprocessor lines and the C++ `extern "C"` guard.
     */
    public static function declarations(string $headerPath): string
    {
        $header = file_get_contents($headerPath);
        if ($header === false) {
            throw new Exception\ConfigurationException("Could not read {$headerPath}; check its permissions.");
        }
        $header = preg_replace('/^\s*#.*$/m', '', $header) ?? $header;
        return preg_replace('/^(extern "C" \{|\}\s*\/\/ extern "C")\s*$/m', '', $header) ?? $header;
    }

    /**
     * Returns the header for ffi.preload and FFI::load(): the declarations
     * with the FFI_SCOPE and FFI_LIB lines that name the scope and the
     * library's absolute path.
     */
    public static function scopedHeader(): string
    {
        return '#define FFI_SCOPE "' . self::SCOPE . "\"\n"
            . '#define FFI_LIB "' . realpath(self::libraryPath()) . "\"\n"
            . self::declarations(self::headerPath());
    }

    /**
     * Loads the library into the named FFI scope. Call it only from an
     * opcache.preload script, once per server start. PHP rejects FFI::load()
     * there when opcache.preload_user is set, which a server started as root
     * needs; such servers use ffi.preload instead.
     */
    public static function preload(): void
    {
        $header = self::scopedHeader();
        $path = tempnam(sys_get_temp_dir(), 'rtf-ffi-');
        if ($path === false || file_put_contents($path, $header) === false) {
            throw new Exception\ConfigurationException(
                'Could not write the FFI header to ' . sys_get_temp_dir() . '; make it writable for the preload user.'
            );
        }
        try {
            \FFI::load($path);
        } finally {
            unlink($path);
        }
    }

    /** Returns the version of the loaded native library, such as "0.1.0". */
    public static function version(): string
    {
        // FFI converts a `const char *` return value to a PHP string itself.
        return self::ffi()->rtf_version();
    }

    /**
     * Creates a client handle from settings in the C ABI's form.
     *
     * @param array<string, mixed> $config
     * @throws Exception\RealTimeFinanceException
     */
    public static function newClient(#[\SensitiveParameter] array $config): ClientHandle
    {
        $ffi = self::ffi();
        $json = self::encode($config, 'options', Exception\ConfigurationException::class);
        $client = $ffi->new('RtfClient *');
        $error = $ffi->new('RtfError *');
        $status = $ffi->rtf_client_new($json, \FFI::addr($client), \FFI::addr($error));
        self::throwIfFailed(self::failure($status, $error));
        return new ClientHandle($client);
    }

    /** @throws Exception\RealTimeFinanceException */
    public static function setApiKey(ClientHandle $client, #[\SensitiveParameter] string $apiKey): void
    {
        if (str_contains($apiKey, "\0")) {
            throw new Exception\ConfigurationException('The API key contains a NUL byte; pass the key as printed.');
        }
        $ffi = self::ffi();
        $error = $ffi->new('RtfError *');
        $status = $ffi->rtf_client_set_api_key($client->pointer, $apiKey, \FFI::addr($error));
        self::throwIfFailed(self::failure($status, $error));
    }

    /**
     * Runs one operation of rtf_client_call and returns its decoded result.
     *
     * @param array<string, mixed> $params
     * @param array<string, mixed> $options
     * @return array<string, mixed>
     * @throws Exception\RealTimeFinanceException
     */
    public static function call(ClientHandle $client, string $operation, array $params, array $options): array
    {
        $ffi = self::ffi();
        $paramsJson = self::encode($params, 'params', Exception\InvalidRequestException::class);
        $optionsJson = self::encode(Options::request($options), 'options', Exception\InvalidRequestException::class);
        $out = $ffi->new('char *');
        $error = $ffi->new('RtfError *');
        $status = $ffi->rtf_client_call($client->pointer, $operation, $paramsJson, $optionsJson, \FFI::addr($out), \FFI::addr($error));
        self::throwIfFailed(self::failure($status, $error));
        return self::decode(self::takeString($out));
    }

    /**
     * Starts a paginator handle for a list operation.
     *
     * @param array<string, mixed> $params
     * @param array<string, mixed> $options
     * @throws Exception\RealTimeFinanceException
     */
    public static function newPaginator(ClientHandle $client, string $operation, array $params, array $options): PaginatorHandle
    {
        $ffi = self::ffi();
        $paramsJson = self::encode($params, 'params', Exception\InvalidRequestException::class);
        $optionsJson = self::encode(Options::request($options), 'options', Exception\InvalidRequestException::class);
        $paginator = $ffi->new('RtfPaginator *');
        $error = $ffi->new('RtfError *');
        $status = $ffi->rtf_paginator_new($client->pointer, $operation, $paramsJson, $optionsJson, \FFI::addr($paginator), \FFI::addr($error));
        self::throwIfFailed(self::failure($status, $error));
        return new PaginatorHandle($paginator);
    }

    /**
     * Fetches the next page of a paginator, or null at the end of the list.
     *
     * @return list<array<string, mixed>>|null
     * @throws Exception\RealTimeFinanceException
     */
    public static function nextPage(PaginatorHandle $paginator): ?array
    {
        $ffi = self::ffi();
        $out = $ffi->new('char *');
        $error = $ffi->new('RtfError *');
        $status = $ffi->rtf_paginator_next_page($paginator->pointer, \FFI::addr($out), \FFI::addr($error));
        self::throwIfFailed(self::failure($status, $error));
        if (\FFI::isNull($out)) {
            return null;
        }
        /** @var list<array<string, mixed>> */
        return self::decode(self::takeString($out));
    }

    /**
     * Verifies a webhook delivery and returns the decoded event.
     *
     * @param array<string, string> $headers
     * @param list<string> $secrets
     * @return array<string, mixed>
     * @throws Exception\RealTimeFinanceException
     */
    public static function verifyWebhook(string $payload, array $headers, #[\SensitiveParameter] array $secrets, int $tolerance): array
    {
        $ffi = self::ffi();
        $length = strlen($payload);
        $buffer = null;
        if ($length > 0) {
            $buffer = $ffi->new("uint8_t[{$length}]");
            \FFI::memcpy($buffer, $payload, $length);
        }
        $headersJson = self::encode($headers, 'headers', Exception\WebhookSignatureException::class);
        $secretsJson = self::encode($secrets, 'secret', Exception\ConfigurationException::class);
        $out = $ffi->new('char *');
        $error = $ffi->new('RtfError *');
        $status = $ffi->rtf_webhook_verify($buffer, $length, $headersJson, $secretsJson, $tolerance, \FFI::addr($out), \FFI::addr($error));
        self::throwIfFailed(self::failure($status, $error));
        return self::decode(self::takeString($out));
    }

    /**
     * Encodes an argument as JSON, with an empty array as `{}` for object
     * arguments and `[]` for lists.
     *
     * @param array<mixed> $value
     * @param class-string<Exception\RealTimeFinanceException> $exceptionClass
     */
    private static function encode(#[\SensitiveParameter] array $value, string $name, string $exceptionClass): string
    {
        if ($value === []) {
            return $name === 'secret' ? '[]' : '{}';
        }
        try {
            return json_encode($value, JSON_THROW_ON_ERROR | JSON_UNESCAPED_SLASHES | JSON_PRESERVE_ZERO_FRACTION);
        } catch (\JsonException $error) {
            // The message names the problem (such as malformed UTF-8) but not the value, which may be a secret.
            throw new $exceptionClass("Could not encode the {$name} as JSON: {$error->getMessage()}; pass UTF-8 strings, numbers, booleans and arrays.");
        }
    }

    /** @return array<mixed> */
    private static function decode(string $json): array
    {
        try {
            $value = json_decode($json, true, 512, JSON_THROW_ON_ERROR);
        } catch (\JsonException $error) {
            throw new Exception\RealTimeFinanceException(
                "Internal error: the native library returned invalid JSON ({$error->getMessage()}); please report this as a bug."
            );
        }
        if (!is_array($value)) {
            throw new Exception\RealTimeFinanceException(
                'Internal error: the native library returned JSON that is not an object or array; please report this as a bug.'
            );
        }
        return $value;
    }

    /** Copies a string the library returned and frees the original. */
    private static function takeString(\FFI\CData $pointer): string
    {
        $text = \FFI::string($pointer);
        self::ffi()->rtf_string_free($pointer);
        return $text;
    }

    /**
     * Returns null for RTF_OK, or the failure copied out of the native error,
     * which this frees. Callers pass the result to throwIfFailed() in the
     * same statement, so that the exception is created in a frame without
     * CData arguments: a stack trace keeps its frames' arguments, and
     * printing the freed RtfError through one would read freed memory.
     *
     * @return array{class-string<Exception\RealTimeFinanceException>, list<mixed>}|null
     */
    private static function failure(int $status, \FFI\CData $error): ?array
    {
        return $status === 0 ? null : self::takeError($error);
    }

    /**
     * Copies a native error into plain values and frees it.
     *
     * @return array{class-string<Exception\RealTimeFinanceException>, list<mixed>}
     */
    private static function takeError(\FFI\CData $error): array
    {
        if (\FFI::isNull($error)) {
            return [
                Exception\RealTimeFinanceException::class,
                ['Internal error: the native call failed without an error object; please report this as a bug.'],
            ];
        }

        $kind = (int) $error->kind;
        $httpStatus = (int) $error->http_status;
        $retryAfter = (float) $error->retry_after_seconds;
        $arguments = [
            \FFI::string($error->message),
            $httpStatus === 0 ? null : $httpStatus,
            self::optionalString($error->code),
            self::optionalString($error->request_id),
            self::optionalString($error->param),
            $retryAfter < 0 ? null : $retryAfter,
        ];
        self::ffi()->rtf_error_free($error);
        return [self::EXCEPTION_CLASSES[$kind] ?? Exception\RealTimeFinanceException::class, $arguments];
    }

    /**
     * @param array{class-string<Exception\RealTimeFinanceException>, list<mixed>}|null $failure
     * @throws Exception\RealTimeFinanceException
     */
    private static function throwIfFailed(?array $failure): void
    {
        if ($failure !== null) {
            [$class, $arguments] = $failure;
            throw new $class(...$arguments);
        }
    }

    private static function optionalString(?\FFI\CData $pointer): ?string
    {
        return $pointer === null || \FFI::isNull($pointer) ? null : \FFI::string($pointer);
    }
}
