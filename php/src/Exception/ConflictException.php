<?php

declare(strict_types=1);

namespace RealtimeFinance\Exception;

/** 409 and idempotency errors: a key reused with another body, a key still in use, or a state that forbids the operation. */
class ConflictException extends RealTimeFinanceException
{
}
