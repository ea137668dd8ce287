package com.realtimefinance;

import java.time.Duration;
import java.util.Optional;

/** HTTP 429: too many requests; {@link #getRetryAfter()} says when to try again. */
public class RateLimitException extends RealTimeFinanceException {
    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    RateLimitException(ErrorDetails details) {
        super(details);
        this.retryAfter = details.retryAfter;
    }

    /** Returns how long the server asked the caller to wait before trying again, if it said. */
    public Optional<Duration> getRetryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
