package com.realtimefinance;

/**
 * The base of every exception the SDK throws for a failed call: one
 * subclass per error kind of the Rust core. Unchecked.
 *
 * <p>The message is the core's sentence for a developer: what failed, on
 * which value and what to do. Neither the message nor {@link #toString()}
 * ever contains a secret.
 */
public class RealTimeFinanceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String kind;
    private final Integer statusCode;
    private final String code;
    private final String requestId;

    RealTimeFinanceException(ErrorDetails details) {
        super(details.message);
        this.kind = details.kind;
        this.statusCode = details.statusCode;
        this.code = details.code;
        this.requestId = details.requestId;
    }

    /**
     * Returns the core's name of the error kind, the same string in every SDK
     * language, such as {@code "rate_limit"}.
     */
    public String getKind() {
        return kind;
    }

    /** Returns the HTTP status of the response, or {@code null} when there was none. */
    public Integer getStatusCode() {
        return statusCode;
    }

    /**
     * Returns the API's machine-readable error code, such as
     * {@code "insufficient_scope"}, the OAuth error code for token endpoint
     * failures, or {@code null}.
     */
    public String getCode() {
        return code;
    }

    /** Returns the {@code Request-Id} of the failed response, or {@code null}; quote it to support. */
    public String getRequestId() {
        return requestId;
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(getClass().getName()).append(": ").append(getMessage());
        if (statusCode != null) {
            out.append(" [status ").append(statusCode).append(']');
        }
        if (code != null) {
            out.append(" [code ").append(code).append(']');
        }
        if (requestId != null) {
            out.append(" [request id ").append(requestId).append(']');
        }
        return out.toString();
    }
}
