<?php

declare(strict_types=1);

namespace RealtimeFinance\Resource;

/** A URL that receives signed event deliveries. */
final class WebhookEndpoint
{
    /** The API's type name, the value of $object on every instance of this class. */
    public const OBJECT = 'webhook_endpoint';

    /**
     * @param string $object the API's type name, from the "object" field of the response
     * @param list<string> $enabledEvents event types delivered, or ["*"] for all
     * @param ?string $secret the whsec_ signing secret, returned only by
     *        create; pass it to Webhook::verify(). var_dump() and print_r()
     *        show it redacted.
     * @param 'enabled'|'disabled' $status
     * @param int $created Unix time in seconds
     */
    public function __construct(
        public readonly string $object,
        public readonly string $id,
        public readonly string $url,
        public readonly array $enabledEvents,
        public readonly ?string $description,
        #[\SensitiveParameter] public readonly ?string $secret,
        public readonly string $status,
        public readonly int $created,
    ) {
    }

    /**
     * @param array<string, mixed> $data an endpoint as the API returns it
     * @internal
     */
    public static function fromArray(#[\SensitiveParameter] array $data): self
    {
        return new self(
            $data['object'],
            $data['id'],
            $data['url'],
            $data['enabled_events'],
            $data['description'] ?? null,
            $data['secret'] ?? null,
            $data['status'],
            $data['created'],
        );
    }

    /**
     * Returns the object in the API's wire form: snake_case names and the "object" tag, secret included.
     *
     * @return array{object: 'webhook_endpoint', id: string, url: string, enabled_events: list<string>, description: ?string, secret: ?string, status: string, created: int}
     */
    public function toArray(): array
    {
        return [
            'object' => $this->object,
            'id' => $this->id,
            'url' => $this->url,
            'enabled_events' => $this->enabledEvents,
            'description' => $this->description,
            'secret' => $this->secret,
            'status' => $this->status,
            'created' => $this->created,
        ];
    }

    /** @return array<string, mixed> */
    public function __debugInfo(): array
    {
        $fields = $this->toArray();
        $fields['secret'] = $this->secret === null ? null : 'whsec_[REDACTED]';
        return $fields;
    }
}
