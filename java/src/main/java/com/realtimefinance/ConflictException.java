package com.realtimefinance;

import java.time.Duration;
import java.util.Optional;

/** HTTP 409 and idempotency errors: a key reused with another body, a key still in use, or a state that forbids the operation. */
public class ConflictException extends RealTimeFinanceException {
    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    ConflictException(ErrorDetails details) {
        super(details);
        this.retryAfter = details.retryAfter;
    }

    /** Returns the wait that the server's {@code Retry-After} header requested, if it sent one. */
    public Optional<Duration> getRetryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
