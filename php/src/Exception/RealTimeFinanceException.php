<?php

declare(strict_types=1);

namespace RealtimeFinance\Exception;

/**
 * Base class of every error the SDK throws.
 *
 * Thrown as is, rather than as a subclass, only for a misuse of the native
 * library or a panic caught inside it, which are bugs to report. Messages
 * never contain a secret.
 */
class RealTimeFinanceException extends \RuntimeException
{
    public function __construct(
        string $message,
        private readonly ?int $httpStatus = null,
        private readonly ?string $errorCode = null,
        private readonly ?string $requestId = null,
        private readonly ?string $param = null,
        private readonly ?float $retryAfter = null,
        ?\Throwable $previous = null,
    ) {
        parent::__construct($message, 0, $previous);
    }

    /** Returns the HTTP status of the failed response, or null when there was no response. */
    public function getHttpStatus(): ?int
    {
        return $this->httpStatus;
    }

    /** Returns the API's machine-readable error code, such as "insufficient_scope", or the OAuth error code. */
    public function getErrorCode(): ?string
    {
        return $this->errorCode;
    }

    /** Returns the Request-Id of the failed response, to quote to support. */
    public function getRequestId(): ?string
    {
        return $this->requestId;
    }

    /** Returns the request parameter at fault, mostly for InvalidRequestException. */
    public function getParam(): ?string
    {
        return $this->param;
    }

    /** Returns the seconds the server asked the caller to wait, mostly for RateLimitException. */
    public function getRetryAfter(): ?float
    {
        return $this->retryAfter;
    }
}
