package com.realtimefinance;

import java.time.Duration;
import java.util.Optional;

/** HTTP 429: too many requests; {@link #getRetryAfter()} returns when to try again. */
public class RateLimitException extends RealTimeFinanceException {
    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    RateLimitException(ErrorDetails details) {
        super(details);
        this.retryAfter = details.retryAfter;
    }

    /** Returns the wait that the server's {@code Retry-After} header requested, if it sent one. */
    public Optional<Duration> getRetryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
