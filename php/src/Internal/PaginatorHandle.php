<?php

declare(strict_types=1);

namespace RealtimeFinance\Internal;

/**
 * Owner of one native RtfPaginator handle, freed when the last reference
 * (an iteration, or a stack trace that captured it) is gone.
 *
 * @internal
 */
final class PaginatorHandle
{
    public function __construct(public readonly \FFI\CData $pointer)
    {
    }

    public function __destruct()
    {
        Native::ffi()->rtf_paginator_free($this->pointer);
    }

    /** @return array<string, string> */
    public function __debugInfo(): array
    {
        return ['handle' => 'RtfPaginator'];
    }
}
