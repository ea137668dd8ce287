package com.realtimefinance;

/**
 * Filters and paging for {@code client.payments().list(...)}. Immutable.
 */
public final class ListPaymentsParams extends Params {
    private ListPaymentsParams(Builder builder) {
        super(builder);
    }

    /** Starts a builder with no field set. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds a {@link ListPaymentsParams}. Setting a field twice keeps the last value, and
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
        public Builder status(PaymentStatus status) {
            return set("status", status == null ? null : status.getValue());
        }

        /**
         * Returns the parameters. Required fields and value rules are checked by
         * the SDK core when the call is made, which throws
         * {@link InvalidRequestException} naming the field.
         */
        public ListPaymentsParams build() {
            return new ListPaymentsParams(this);
        }
    }
}
