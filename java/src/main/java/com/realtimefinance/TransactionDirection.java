package com.realtimefinance;

/** Whether money came in ({@code CREDIT}) or went out ({@code DEBIT}). */
public enum TransactionDirection {
    CREDIT("credit"),
    DEBIT("debit");

    private final String value;

    TransactionDirection(String value) {
        this.value = value;
    }

    /** Returns the API's name for this value, such as {@code "credit"}. */
    public String getValue() {
        return value;
    }
}
