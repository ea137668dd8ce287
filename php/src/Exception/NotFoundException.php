<?php

declare(strict_types=1);

namespace RealtimeFinance\Exception;

/** 404: no such resource. */
class NotFoundException extends RealTimeFinanceException
{
}
