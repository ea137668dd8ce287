package com.realtimefinance;

import java.time.Duration;
import java.util.Optional;

/** HTTP 5xx, or a response the SDK cannot parse. */
public class ApiException extends RealTimeFinanceException {
    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    ApiException(ErrorDetails details) {
        super(details);
        this.retryAfter = details.retryAfter;
    }

    /** Returns the wait that the server's {@code Retry-After} header requested, if it sent one. */
    public Optional<Duration> getRetryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
