<?php

declare(strict_types=1);

namespace RealtimeFinance\Exception;

/** 400, 413 or 422, or a parameter rejected before sending; getParam() names the field. */
class InvalidRequestException extends RealTimeFinanceException
{
}
