package com.realtimefinance;

/** The state of a transaction. */
public enum TransactionStatus {
    PENDING("pending"),
    POSTED("posted"),
    FAILED("failed"),
    REVERSED("reversed");

    private final String value;

    TransactionStatus(String value) {
        this.value = value;
    }

    /** Returns the API's name for this value, such as {@code "pending"}. */
    public String getValue() {
        return value;
    }
}
