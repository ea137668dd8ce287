<?php

declare(strict_types=1);

namespace RealtimeFinance\Internal;

use RealtimeFinance\Exception;

/**
 * Checks the PHP option arrays and converts them to the C ABI's JSON fields.
 * It is the one place that contains both sets of names, so errors name the
 * PHP option and never a C ABI field such as `timeout_seconds`.
 *
 * @internal
 */
final class Options
{
    /**
     * Client options: PHP name => [C ABI field, expected type]. The order is
     * the order that error messages list them in.
     */
    private const CLIENT = [
        'api_key' => ['api_key', 'string'],
        'client_id' => ['client_id', 'string'],
        'client_secret' => ['client_secret', 'string'],
        'scopes' => ['scopes', 'strings'],
        'token_url' => ['token_url', 'string'],
        'client_auth_method' => ['client_auth_method', 'string'],
        'environment' => ['environment', 'string'],
        'base_url' => ['base_url', 'string'],
        'timeout' => ['timeout_seconds', 'positive seconds'],
        'connect_timeout' => ['connect_timeout_seconds', 'positive seconds'],
        'max_retries' => ['max_retries', 'count'],
        'ca_cert' => ['ca_cert_path', 'string'],
        'ca_cert_pem' => ['ca_cert_pem', 'string'],
        'ignore_environment' => ['ignore_environment', 'bool'],
    ];

    /**
     * Per-call options, in the same form as CLIENT. Only their types are
     * checked here. The core rejects a negative timeout or retry count, with
     * the message that every language shows.
     */
    private const REQUEST = [
        'idempotency_key' => ['idempotency_key', 'string'],
        'max_retries' => ['max_retries', 'int'],
        'timeout' => ['timeout_seconds', 'seconds'],
    ];

    /** The phrase for each expected type in error messages. */
    private const TYPE_NAMES = [
        'string' => 'a string',
        'strings' => 'a list of strings',
        'positive seconds' => 'a number of seconds (int or float) greater than zero',
        'seconds' => 'a finite number of seconds (int or float)',
        'count' => 'an int of zero or more',
        'int' => 'an int',
        'bool' => 'a bool',
    ];

    /**
     * Converts client options to the fields of rtf_client_new's config_json.
     * A null value leaves the option unset. Values are checked for their
     * type and sign here. The core checks the rest (such as an unknown
     * environment or an invalid URL), with messages that use the PHP names.
     *
     * @param array<mixed> $options
     * @return array<string, mixed>
     * @throws Exception\ConfigurationException for an unknown option or a value of the wrong type
     */
    public static function client(#[\SensitiveParameter] array $options): array
    {
        return self::convert($options, self::CLIENT, 'client option', Exception\ConfigurationException::class);
    }

    /**
     * Converts per-call options to the fields of rtf_client_call's
     * options_json. A null value leaves the option unset.
     *
     * @param array<mixed> $options
     * @return array<string, mixed>
     * @throws Exception\InvalidRequestException for an unknown option, a
     *         value of the wrong type or a non-finite timeout; getParam()
     *         returns the option's name
     */
    public static function request(array $options): array
    {
        return self::convert($options, self::REQUEST, 'request option', Exception\InvalidRequestException::class);
    }

    /**
     * @param array<mixed> $options
     * @param array<string, array{string, string}> $known
     * @param class-string<Exception\RealTimeFinanceException> $exceptionClass
     * @return array<string, mixed>
     */
    private static function convert(#[\SensitiveParameter] array $options, array $known, string $what, string $exceptionClass): array
    {
        $fields = [];
        foreach ($options as $name => $value) {
            if (!is_string($name)) {
                // The value stays out of the message because it may be a secret passed without its key.
                throw new $exceptionClass(
                    ucfirst($what) . "s must be an array keyed by option name, such as ['timeout' => 30]; "
                    . "got the int key {$name}. Valid options: " . implode(', ', array_keys($known)) . '.'
                );
            }
            if (!array_key_exists($name, $known)) {
                throw new $exceptionClass(self::unknownMessage($name, $known, $what), param: $name);
            }
            if ($value === null) {
                continue;
            }
            [$field, $type] = $known[$name];
            if (!self::hasType($value, $type)) {
                throw new $exceptionClass(
                    ucfirst($what) . " \"{$name}\" must be " . self::TYPE_NAMES[$type] . ', got ' . self::describe($value, $type) . '.',
                    param: $name,
                );
            }
            $fields[$field] = $value;
        }
        return $fields;
    }

    private static function hasType(mixed $value, string $type): bool
    {
        return match ($type) {
            'string' => is_string($value),
            'strings' => is_array($value) && array_is_list($value) && array_filter($value, 'is_string') === $value,
            'positive seconds' => self::isSeconds($value) && $value > 0,
            'seconds' => self::isSeconds($value),
            'count' => is_int($value) && $value >= 0,
            'int' => is_int($value),
            'bool' => is_bool($value),
        };
    }

    /** JSON has no form for INF and NaN, so a non-finite float cannot reach the core. */
    private static function isSeconds(mixed $value): bool
    {
        return is_int($value) || (is_float($value) && is_finite($value));
    }

    /** Describes a rejected value: numbers in full, other values by type only, since a string may be a secret. */
    private static function describe(mixed $value, string $type): string
    {
        if ($type !== 'string' && (is_int($value) || is_float($value))) {
            return var_export($value, true);
        }
        return get_debug_type($value);
    }

    /** @param array<string, array{string, string}> $known */
    private static function unknownMessage(string $name, array $known, string $what): string
    {
        $message = "Unknown {$what} \"{$name}\"";
        $closest = null;
        $closestDistance = PHP_INT_MAX;
        foreach (array_keys($known) as $candidate) {
            $distance = levenshtein(strtolower($name), $candidate);
            if ($distance < $closestDistance) {
                [$closest, $closestDistance] = [$candidate, $distance];
            }
        }
        // Two edits catch a missing underscore or a typo, without suggesting
        // an unrelated name for a word that is simply wrong.
        if ($closest !== null && $closestDistance <= 2) {
            $message .= "; did you mean \"{$closest}\"?";
        } else {
            $message .= '.';
        }
        return $message . ' Valid options: ' . implode(', ', array_keys($known)) . '.';
    }
}
