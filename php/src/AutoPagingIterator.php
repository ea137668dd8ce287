<?php

declare(strict_types=1);

namespace RealtimeFinance;

use RealtimeFinance\Internal\ClientHandle;
use RealtimeFinance\Internal\Native;
use RealtimeFinance\Internal\PaginatorHandle;

/**
 * Every element of a list, fetching one page at a time as iteration goes.
 *
 * Each foreach starts again from the first page. An exception thrown while
 * fetching a page leaves the cursor on that page, so resuming the same
 * iteration retries it.
 *
 * @template T of object
 * @implements \IteratorAggregate<int, T>
 */
final class AutoPagingIterator implements \IteratorAggregate
{
    /** The paginator created by the constructor, used by the first iteration. */
    private ?PaginatorHandle $firstPaginator;

    /**
     * @param array<string, mixed> $params
     * @param array<string, mixed> $options
     * @param \Closure(array<string, mixed>): T $hydrate
     * @throws Exception\RealTimeFinanceException for invalid parameters
     * @internal
     */
    public function __construct(
        private readonly ClientHandle $client,
        private readonly string $operation,
        private readonly array $params,
        private readonly array $options,
        private readonly \Closure $hydrate,
    ) {
        $this->firstPaginator = Native::newPaginator($client, $operation, $params, $options);
    }

    /**
     * @return \Generator<int, T>
     * @throws Exception\RealTimeFinanceException
     */
    public function getIterator(): \Generator
    {
        $paginator = $this->firstPaginator ?? Native::newPaginator($this->client, $this->operation, $this->params, $this->options);
        $this->firstPaginator = null;
        $index = 0;
        while (($page = Native::nextPage($paginator)) !== null) {
            foreach ($page as $item) {
                yield $index++ => ($this->hydrate)($item);
            }
        }
    }

    /** @return array<string, mixed> */
    public function __debugInfo(): array
    {
        return ['operation' => $this->operation, 'params' => $this->params];
    }
}
