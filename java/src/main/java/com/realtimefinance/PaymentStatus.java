package com.realtimefinance;

/** The state of a payment: {@code PENDING}, then one of the others. */
public enum PaymentStatus {
    PENDING("pending"),
    SUCCEEDED("succeeded"),
    FAILED("failed"),
    CANCELED("canceled");

    private final String value;

    PaymentStatus(String value) {
        this.value = value;
    }

    /** Returns the API's name for this value, such as {@code "pending"}. */
    public String getValue() {
        return value;
    }
}
