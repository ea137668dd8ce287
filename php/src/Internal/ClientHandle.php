<?php

declare(strict_types=1);

namespace RealtimeFinance\Internal;

/**
 * Owner of one native RtfClient handle. The client, its services and its
 * iterators share this object, so the handle is freed only after the last
 * of them is gone.
 *
 * @internal
 */
final class ClientHandle
{
    public function __construct(public readonly \FFI\CData $pointer)
    {
    }

    public function __destruct()
    {
        Native::ffi()->rtf_client_free($this->pointer);
    }

    /** @return array<string, string> */
    public function __debugInfo(): array
    {
        return ['handle' => 'RtfClient'];
    }
}
