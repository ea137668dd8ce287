package com.realtimefinance;

import java.time.Duration;

/** The fields of a core error, passed to the exception constructors. */
final class ErrorDetails {
    final String kind;
    final String message;
    final Integer statusCode;
    final String code;
    final String requestId;
    final String param;
    final Duration retryAfter;

    ErrorDetails(String kind, String message, Integer statusCode, String code, String requestId, String param,
            Duration retryAfter) {
        this.kind = kind;
        this.message = message;
        this.statusCode = statusCode;
        this.code = code;
        this.requestId = requestId;
        this.param = param;
        this.retryAfter = retryAfter;
    }
}
