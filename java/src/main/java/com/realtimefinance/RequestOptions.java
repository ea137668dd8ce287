package com.realtimefinance;

import com.realtimefinance.internal.ffi.FfiRequestOptions;
import java.time.Duration;
import java.util.Objects;

/**
 * Options for one call, overriding the client's settings. Immutable.
 *
 * <pre>{@code
 * client.payments().create(params, RequestOptions.idempotencyKey("order-1002-java"));
 * }</pre>
 */
public final class RequestOptions {
    /** Options that change nothing. */
    public static final RequestOptions NONE = builder().build();

    private final String idempotencyKey;
    private final Integer maxRetries;
    private final Duration timeout;

    private RequestOptions(Builder builder) {
        this.idempotencyKey = builder.idempotencyKey;
        this.maxRetries = builder.maxRetries;
        this.timeout = builder.timeout;
    }

    /**
     * Returns options carrying only an {@code Idempotency-Key}, sent unchanged
     * on every retry of the call.
     */
    public static RequestOptions idempotencyKey(String key) {
        return builder().idempotencyKey(key).build();
    }

    /** Starts a builder with nothing set. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the {@code Idempotency-Key}, or {@code null}: create calls then
     * send a key that the core generates once per call.
     */
    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    /** Returns the retries after the first attempt, or {@code null} for the client's setting. */
    public Integer getMaxRetries() {
        return maxRetries;
    }

    /** Returns the total time budget of the call, or {@code null} for the client's setting. */
    public Duration getTimeout() {
        return timeout;
    }

    /**
     * Converts to the native record. The values pass unchecked, so the core
     * rejects a negative timeout or retry count with the same
     * {@link InvalidRequestException} as in every other language.
     */
    FfiRequestOptions toNative() {
        Long retries = maxRetries == null ? null : maxRetries.longValue();
        Double timeoutSeconds = timeout == null ? null : timeout.getSeconds() + timeout.getNano() / 1e9;
        return new FfiRequestOptions(idempotencyKey, retries, timeoutSeconds);
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof RequestOptions)) {
            return false;
        }
        RequestOptions that = (RequestOptions) other;
        return Objects.equals(idempotencyKey, that.idempotencyKey)
                && Objects.equals(maxRetries, that.maxRetries)
                && Objects.equals(timeout, that.timeout);
    }

    @Override
    public int hashCode() {
        return Objects.hash(idempotencyKey, maxRetries, timeout);
    }

    @Override
    public String toString() {
        return "RequestOptions{idempotencyKey=" + idempotencyKey + ", maxRetries=" + maxRetries + ", timeout="
                + timeout + "}";
    }

    /** Builds {@link RequestOptions}; every setting is optional. */
    public static final class Builder {
        private String idempotencyKey;
        private Integer maxRetries;
        private Duration timeout;

        private Builder() {}

        /** Sets the {@code Idempotency-Key}: 1 to 255 printable ASCII characters. */
        public Builder idempotencyKey(String idempotencyKey) {
            this.idempotencyKey = idempotencyKey;
            return this;
        }

        /** Sets the retries after the first attempt for this call. */
        public Builder maxRetries(int maxRetries) {
            this.maxRetries = maxRetries;
            return this;
        }

        /** Sets the total time budget of this call across attempts and backoff. */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        public RequestOptions build() {
            return new RequestOptions(this);
        }
    }
}
