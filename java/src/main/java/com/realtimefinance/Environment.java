package com.realtimefinance;

/** A hosted Real Time Finance environment, checked against the API key's prefix. */
public enum Environment {
    /** Test mode: accepts only {@code sk_test_} keys and moves no real money. */
    SANDBOX,
    /** Production: accepts only {@code sk_live_} keys. */
    LIVE
}
