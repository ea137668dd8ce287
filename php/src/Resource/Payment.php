<?php

declare(strict_types=1);

namespace RealtimeFinance\Resource;

/** A transfer of money between two accounts. */
final class Payment
{
    /** The API's type name, the value of $object on every instance of this class. */
    public const OBJECT = 'payment';

    /**
     * @param string $object the API's type name, from the "object" field of the response
     * @param int $amount minor units of $currency
     * @param 'pending'|'succeeded'|'failed'|'canceled' $status
     * @param array<string, string> $metadata
     * @param ?string $failureCode why the payment failed, such as
     *        "insufficient_funds"; set only when $status is "failed"
     * @param int $created Unix time in seconds
     * @param ?int $canceledAt Unix time in seconds of the cancel
     */
    public function __construct(
        public readonly string $object,
        public readonly string $id,
        public readonly int $amount,
        public readonly string $currency,
        public readonly string $status,
        public readonly string $sourceAccount,
        public readonly string $destinationAccount,
        public readonly ?string $description,
        public readonly array $metadata,
        public readonly ?string $failureCode,
        public readonly int $created,
        public readonly ?int $canceledAt,
    ) {
    }

    /**
     * @param array<string, mixed> $data a payment as the API returns it
     * @internal
     */
    public static function fromArray(array $data): self
    {
        return new self(
            $data['object'],
            $data['id'],
            $data['amount'],
            $data['currency'],
            $data['status'],
            $data['source_account'],
            $data['destination_account'],
            $data['description'] ?? null,
            $data['metadata'] ?? [],
            $data['failure_code'] ?? null,
            $data['created'],
            $data['canceled_at'] ?? null,
        );
    }

    /**
     * Returns the object in the API's wire form: snake_case names and the "object" tag.
     *
     * @return array{object: 'payment', id: string, amount: int, currency: string, status: string, source_account: string, destination_account: string, description: ?string, metadata: array<string, string>, failure_code: ?string, created: int, canceled_at: ?int}
     */
    public function toArray(): array
    {
        return [
            'object' => $this->object,
            'id' => $this->id,
            'amount' => $this->amount,
            'currency' => $this->currency,
            'status' => $this->status,
            'source_account' => $this->sourceAccount,
            'destination_account' => $this->destinationAccount,
            'description' => $this->description,
            'metadata' => $this->metadata,
            'failure_code' => $this->failureCode,
            'created' => $this->created,
            'canceled_at' => $this->canceledAt,
        ];
    }
}
