package com.realtimefinance;

import com.realtimefinance.internal.ffi.FfiFraudReason;
import java.util.Objects;

/**
 * One rule that added to a fraud risk score. Immutable.
 */
public final class FraudReason {
    private final String code;
    private final String message;

    FraudReason(String code, String message) {
        this.code = code;
        this.message = message;
    }

    static FraudReason fromNative(FfiFraudReason value) {
        return new FraudReason(
                value.getCode(),
                value.getMessage());
    }

    /** Returns the machine-readable rule name, such as {@code "large_amount"}. */
    public String getCode() {
        return code;
    }

    /** Returns the rule's explanation for a person. */
    public String getMessage() {
        return message;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof FraudReason)) {
            return false;
        }
        FraudReason that = (FraudReason) other;
        return Objects.equals(code, that.code)
                && Objects.equals(message, that.message);
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, message);
    }

    @Override
    public String toString() {
        return "FraudReason{"
                + "code=" + quote(code)
                + ", message=" + quote(message)
                + "}";
    }

    private static String quote(String value) {
        return value == null ? "null" : "'" + value + "'";
    }
}
