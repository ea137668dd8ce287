<?php

declare(strict_types=1);

namespace RealtimeFinance\Resource;

/** Something that happened to a resource, from the events list or a verified webhook. */
final class Event
{
    /** The API's type name, the value of $objectType on every instance of this class. */
    public const OBJECT = 'event';

    /**
     * @param string $objectType the API's type name, from the event's own
     *        "object" field. It has a name of its own because $object is
     *        the resource the event is about.
     * @param string $id evt_ id, also the webhook-id of its deliveries
     * @param string $type such as "payment.succeeded"; kept as a string so
     *        that event types added later still arrive
     * @param int $created Unix time in seconds
     * @param array<string, mixed> $object the resource the event is about, as
     *        the API returns it; its "object" field names the type
     */
    public function __construct(
        public readonly string $objectType,
        public readonly string $id,
        public readonly string $type,
        public readonly int $created,
        public readonly array $object,
    ) {
    }

    /**
     * @param array<string, mixed> $data an event as the API returns it
     * @internal
     */
    public static function fromArray(array $data): self
    {
        return new self($data['object'], $data['id'], $data['type'], $data['created'], $data['data']['object']);
    }

    /**
     * Returns the object in the API's wire form, with the resource under data.object.
     *
     * @return array{object: 'event', id: string, type: string, created: int, data: array{object: array<string, mixed>}}
     */
    public function toArray(): array
    {
        return [
            'object' => $this->objectType,
            'id' => $this->id,
            'type' => $this->type,
            'created' => $this->created,
            'data' => ['object' => $this->object],
        ];
    }
}
