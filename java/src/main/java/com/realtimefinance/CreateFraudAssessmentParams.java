package com.realtimefinance;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The body of {@code client.fraud().assess(...)}. Immutable.
 */
public final class CreateFraudAssessmentParams {
    private final Map<String, Object> fields;

    private CreateFraudAssessmentParams(Map<String, Object> fields) {
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** Starts a builder with no field set. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the fields that were set, keyed by their API names, as sent to the core. */
    Map<String, Object> fields() {
        return fields;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CreateFraudAssessmentParams && fields.equals(((CreateFraudAssessmentParams) other).fields);
    }

    @Override
    public int hashCode() {
        return fields.hashCode();
    }

    @Override
    public String toString() {
        return "CreateFraudAssessmentParams" + fields;
    }

    /**
     * Builds a {@link CreateFraudAssessmentParams}. Setting a field twice keeps the last value, and
     * setting it to null clears it.
     */
    public static final class Builder {
        private final Map<String, Object> fields = new LinkedHashMap<>();

        private Builder() {}

        /** Sets a field, or clears it when {@code value} is null. */
        private void set(String key, Object value) {
            if (value == null) {
                fields.remove(key);
            } else {
                fields.put(key, value);
            }
        }

        /** Sets the amount in minor units (required), 1 to 100 000 000 000. */
        public Builder amount(long amount) {
            fields.put("amount", amount);
            return this;
        }

        /** Sets the ISO 4217 currency code in upper case, such as {@code "EUR"} (required). */
        public Builder currency(String currency) {
            set("currency", currency);
            return this;
        }

        /** Sets the {@code acct_} id the money comes from (required). */
        public Builder sourceAccount(String sourceAccount) {
            set("source_account", sourceAccount);
            return this;
        }

        /** Sets the {@code acct_} id the money goes to, different from the source (required). */
        public Builder destinationAccount(String destinationAccount) {
            set("destination_account", destinationAccount);
            return this;
        }

        /** Sets the {@code pay_} id to attach the assessment to. */
        public Builder payment(String payment) {
            set("payment", payment);
            return this;
        }

        /**
         * Sets a field by its API name, such as one that this SDK version has
         * no setter for, or clears it when {@code value} is null. The value may
         * be a String, an integer, a Boolean, a List or a Map. The core rejects
         * a name that the API does not know with an
         * {@link InvalidRequestException} naming it.
         */
        public Builder putExtraParam(String name, Object value) {
            set(java.util.Objects.requireNonNull(name, "name"), value);
            return this;
        }

        /**
         * Returns the parameters. Required fields and value rules are checked by
         * the SDK core when the call is made, which throws
         * {@link InvalidRequestException} naming the field.
         */
        public CreateFraudAssessmentParams build() {
            return new CreateFraudAssessmentParams(fields);
        }
    }
}
