package com.realtimefinance;

/**
 * Filters and paging for {@code client.events().list(...)}. Immutable.
 */
public final class ListEventsParams extends Params {
    private ListEventsParams(Builder builder) {
        super(builder);
    }

    /** Starts a builder with no field set. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds a {@link ListEventsParams}. Setting a field twice keeps the last value, and
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

        /** Sets the event type to filter on, such as {@code "payment.succeeded"}. */
        public Builder type(String type) {
            return set("type", type);
        }

        /**
         * Returns the parameters. Required fields and value rules are checked by
         * the SDK core when the call is made, which throws
         * {@link InvalidRequestException} naming the field.
         */
        public ListEventsParams build() {
            return new ListEventsParams(this);
        }
    }
}
