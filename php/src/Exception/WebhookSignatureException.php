<?php

declare(strict_types=1);

namespace RealtimeFinance\Exception;

/** A webhook payload failed verification. */
class WebhookSignatureException extends RealTimeFinanceException
{
}
