package com.realtimefinance;

/** The recommended action for an assessed payment: {@code APPROVE} below a risk score of 40, {@code REVIEW} from 40 to 74, {@code DECLINE} from 75. */
public enum FraudDecision {
    APPROVE("approve"),
    REVIEW("review"),
    DECLINE("decline");

    private final String value;

    FraudDecision(String value) {
        this.value = value;
    }

    /** Returns the API's name for this value, such as {@code "approve"}. */
    public String getValue() {
        return value;
    }
}
