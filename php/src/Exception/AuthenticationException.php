<?php

declare(strict_types=1);

namespace RealtimeFinance\Exception;

/** 401: the key or access token is missing, invalid, revoked or expired, or the OAuth server rejected the client credentials. */
class AuthenticationException extends RealTimeFinanceException
{
}
