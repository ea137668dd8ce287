<?php

declare(strict_types=1);

namespace RealtimeFinance\Exception;

/** A connect timeout, attempt timeout or the call's total time budget ran out. */
class TimeoutException extends RealTimeFinanceException
{
}
