<?php

declare(strict_types=1);

namespace RealtimeFinance\Service;

use RealtimeFinance\AutoPagingIterator;
use RealtimeFinance\Resource\Event;

/**
 * The /v1/events calls, as $client->events.
 *
 * @phpstan-import-type RequestOptions from AbstractService
 */
final class EventService extends AbstractService
{
    /**
     * Returns an iterator over every matching event, newest first.
     *
     * @param array{limit?: int, type?: string, starting_after?: string} $params
     * @param RequestOptions $options
     * @return AutoPagingIterator<Event>
     * @throws \RealtimeFinance\Exception\RealTimeFinanceException
     */
    public function list(array $params = [], array $options = []): AutoPagingIterator
    {
        return new AutoPagingIterator($this->client, 'events.list', $params, $options, Event::fromArray(...));
    }
}
