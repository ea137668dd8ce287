package com.realtimefinance;

/**
 * The body of {@code client.fraud().assess(...)}. Immutable.
 */
public final class CreateFraudAssessmentParams extends Params {
    private CreateFraudAssessmentParams(Builder builder) {
        super(builder);
    }

    /** Starts a builder with no field set. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds a {@link CreateFraudAssessmentParams}. Setting a field twice keeps the last value, and
     * setting it to null clears it.
     */
    public static final class Builder extends Params.Builder<Builder> {
        private Builder() {
            super(Builder.class);
        }

        /** Sets the amount in minor units (required), 1 to 100 000 000 000. */
        public Builder amount(long amount) {
            return set("amount", amount);
        }

        /** Sets the ISO 4217 currency code in upper case, such as {@code "EUR"} (required). */
        public Builder currency(String currency) {
            return set("currency", currency);
        }

        /** Sets the {@code acct_} id the money comes from (required). */
        public Builder sourceAccount(String sourceAccount) {
            return set("source_account", sourceAccount);
        }

        /** Sets the {@code acct_} id the money goes to, different from the source (required). */
        public Builder destinationAccount(String destinationAccount) {
            return set("destination_account", destinationAccount);
        }

        /** Sets the {@code pay_} id to attach the assessment to. */
        public Builder payment(String payment) {
            return set("payment", payment);
        }

        /**
         * Returns the parameters. Required fields and value rules are checked by
         * the SDK core when the call is made, which throws
         * {@link InvalidRequestException} naming the field.
         */
        public CreateFraudAssessmentParams build() {
            return new CreateFraudAssessmentParams(this);
        }
    }
}
