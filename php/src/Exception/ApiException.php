<?php

declare(strict_types=1);

namespace RealtimeFinance\Exception;

/** 5xx, or a response the SDK cannot parse. */
class ApiException extends RealTimeFinanceException
{
}
