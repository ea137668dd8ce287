package com.realtimefinance;

import com.realtimefinance.internal.ffi.FfiFraudReason;

/**
 * One rule that added to a fraud risk score. Immutable.
 */
public final class FraudReason extends ApiObject {
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
    Object[] fieldValues() {
        return new Object[] {code, message};
    }

    @Override
    public String toString() {
        return "FraudReason{"
                + "code=" + quote(code)
                + ", message=" + quote(message)
                + "}";
    }
}
