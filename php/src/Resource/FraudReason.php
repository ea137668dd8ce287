<?php

declare(strict_types=1);

namespace RealtimeFinance\Resource;

/** One rule that added to a fraud risk score. */
final class FraudReason
{
    /** @param string $code machine-readable rule name, such as "large_amount" */
    public function __construct(
        public readonly string $code,
        public readonly string $message,
    ) {
    }

    /**
     * @param array<string, mixed> $data
     * @internal
     */
    public static function fromArray(array $data): self
    {
        return new self($data['code'], $data['message']);
    }

    /** @return array{code: string, message: string} */
    public function toArray(): array
    {
        return ['code' => $this->code, 'message' => $this->message];
    }
}
