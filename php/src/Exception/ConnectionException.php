<?php

declare(strict_types=1);

namespace RealtimeFinance\Exception;

/** The connection failed or dropped before a complete response. */
class ConnectionException extends RealTimeFinanceException
{
}
