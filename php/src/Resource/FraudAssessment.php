<?php

declare(strict_types=1);

namespace RealtimeFinance\Resource;

/** The fraud engine's verdict on a prospective or existing payment. */
final class FraudAssessment
{
    /** The API's type name, the value of $object on every instance of this class. */
    public const OBJECT = 'fraud_assessment';

    /**
     * @param string $object the API's type name, from the "object" field of the response
     * @param int $riskScore 0 (no risk seen) to 100
     * @param 'approve'|'review'|'decline' $decision approve below 40, review
     *        from 40 to 74, decline from 75
     * @param list<FraudReason> $reasons
     * @param int $amount minor units of $currency
     * @param ?string $payment the pay_ id assessed, when one was given
     * @param int $created Unix time in seconds
     */
    public function __construct(
        public readonly string $object,
        public readonly string $id,
        public readonly int $riskScore,
        public readonly string $decision,
        public readonly array $reasons,
        public readonly int $amount,
        public readonly string $currency,
        public readonly string $sourceAccount,
        public readonly string $destinationAccount,
        public readonly ?string $payment,
        public readonly int $created,
    ) {
    }

    /**
     * @param array<string, mixed> $data an assessment as the API returns it
     * @internal
     */
    public static function fromArray(array $data): self
    {
        return new self(
            $data['object'],
            $data['id'],
            $data['risk_score'],
            $data['decision'],
            array_map(FraudReason::fromArray(...), $data['reasons']),
            $data['amount'],
            $data['currency'],
            $data['source_account'],
            $data['destination_account'],
            $data['payment'] ?? null,
            $data['created'],
        );
    }

    /**
     * Returns the object in the API's wire form: snake_case names and the "object" tag.
     *
     * @return array{object: 'fraud_assessment', id: string, risk_score: int, decision: string, reasons: list<array{code: string, message: string}>, amount: int, currency: string, source_account: string, destination_account: string, payment: ?string, created: int}
     */
    public function toArray(): array
    {
        return [
            'object' => $this->object,
            'id' => $this->id,
            'risk_score' => $this->riskScore,
            'decision' => $this->decision,
            'reasons' => array_map(static fn (FraudReason $reason): array => $reason->toArray(), $this->reasons),
            'amount' => $this->amount,
            'currency' => $this->currency,
            'source_account' => $this->sourceAccount,
            'destination_account' => $this->destinationAccount,
            'payment' => $this->payment,
            'created' => $this->created,
        ];
    }
}
