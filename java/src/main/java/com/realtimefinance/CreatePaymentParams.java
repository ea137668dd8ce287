package com.realtimefinance;

import java.util.Map;

/**
 * The body of {@code client.payments().create(...)}. Immutable.
 */
public final class CreatePaymentParams extends Params {
    private CreatePaymentParams(Builder builder) {
        super(builder);
    }

    /** Starts a builder with no field set. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds a {@link CreatePaymentParams}. Setting a field twice keeps the last value, and
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

        /** Sets a description of at most 500 characters. */
        public Builder description(String description) {
            return set("description", description);
        }

        /** Sets at most 20 keys of up to 40 characters, with values of up to 500 characters. */
        public Builder metadata(Map<String, String> metadata) {
            return set("metadata", metadata == null ? null : Map.copyOf(metadata));
        }

        /**
         * Returns the parameters. Required fields and value rules are checked by
         * the SDK core when the call is made, which throws
         * {@link InvalidRequestException} naming the field.
         */
        public CreatePaymentParams build() {
            return new CreatePaymentParams(this);
        }
    }
}
