<?php

declare(strict_types=1);

namespace RealtimeFinance\Exception;

/** 403: the credential lacks the scope the call needs. */
class PermissionException extends RealTimeFinanceException
{
}
