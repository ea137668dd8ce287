<?php

declare(strict_types=1);

namespace RealtimeFinance\Resource;

/** A posted or pending movement of money on an account. */
final class Transaction
{
    /** The API's type name, the value of $object on every instance of this class. */
    public const OBJECT = 'transaction';

    /**
     * @param string $object the API's type name, from the "object" field of the response
     * @param int $amount minor units of $currency (cents for EUR), always
     *        positive; $direction gives the sign
     * @param 'pending'|'posted'|'failed'|'reversed' $status
     * @param 'credit'|'debit' $direction
     * @param int $created Unix time in seconds
     */
    public function __construct(
        public readonly string $object,
        public readonly string $id,
        public readonly int $amount,
        public readonly string $currency,
        public readonly string $status,
        public readonly string $direction,
        public readonly string $account,
        public readonly ?string $counterparty,
        public readonly ?string $description,
        public readonly int $created,
    ) {
    }

    /**
     * @param array<string, mixed> $data a transaction as the API returns it
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
            $data['direction'],
            $data['account'],
            $data['counterparty'] ?? null,
            $data['description'] ?? null,
            $data['created'],
        );
    }

    /**
     * Returns the object in the API's wire form: snake_case names and the "object" tag.
     *
     * @return array{object: 'transaction', id: string, amount: int, currency: string, status: string, direction: string, account: string, counterparty: ?string, description: ?string, created: int}
     */
    public function toArray(): array
    {
        return [
            'object' => $this->object,
            'id' => $this->id,
            'amount' => $this->amount,
            'currency' => $this->currency,
            'status' => $this->status,
            'direction' => $this->direction,
            'account' => $this->account,
            'counterparty' => $this->counterparty,
            'description' => $this->description,
            'created' => $this->created,
        ];
    }
}
