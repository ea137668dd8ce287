<?php

declare(strict_types=1);

namespace RealtimeFinance\Exception;

/** 429: too many requests; getRetryAfter() gives the seconds to wait. */
class RateLimitException extends RealTimeFinanceException
{
}
