<?php

declare(strict_types=1);

namespace RealtimeFinance\Service;

use RealtimeFinance\Internal\ClientHandle;

/**
 * Base of the resource services, which share the client's native handle.
 *
 * @phpstan-type RequestOptions array{idempotency_key?: string|null, max_retries?: int|null, timeout?: float|int|null}
 * @internal
 */
abstract class AbstractService
{
    /** @internal */
    public function __construct(protected readonly ClientHandle $client)
    {
    }

    /** @return array<string, string> */
    public function __debugInfo(): array
    {
        return ['service' => static::class];
    }
}
