package com.realtimefinance;

/**
 * Filters and paging for {@code client.transactions().list(...)}. Immutable.
 */
public final class ListTransactionsParams extends Params {
    private ListTransactionsParams(Builder builder) {
        super(builder);
    }

    /** Starts a builder with no field set. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds a {@link ListTransactionsParams}. Setting a field twice keeps the last value, and
     * setting it to null clears it.
     */
    public static final class Builder extends Params.Builder<Builder> {
        private Builder() {
            super(Builder.class);
        }

        /** Sets the page size, 1 to 100. */
        public Builder limit(int limit) {
            return set("limit", limit);
        }

        /** Sets the id to start after; the auto-paging iterator sets it for later pages. */
        public Builder startingAfter(String startingAfter) {
            return set("starting_after", startingAfter);
        }

        /** Sets the status to filter on. */
        public Builder status(TransactionStatus status) {
            return set("status", status == null ? null : status.getValue());
        }

        /** Sets the earliest creation time, in Unix seconds, inclusive. */
        public Builder createdGte(long createdGte) {
            return set("created_gte", createdGte);
        }

        /** Sets the latest creation time, in Unix seconds, inclusive. */
        public Builder createdLte(long createdLte) {
            return set("created_lte", createdLte);
        }

        /**
         * Returns the parameters. Required fields and value rules are checked by
         * the SDK core when the call is made, which throws
         * {@link InvalidRequestException} naming the field.
         */
        public ListTransactionsParams build() {
            return new ListTransactionsParams(this);
        }
    }
}
