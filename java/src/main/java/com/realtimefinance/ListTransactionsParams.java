package com.realtimefinance;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Filters and paging for {@code client.transactions().list(...)}. Immutable.
 */
public final class ListTransactionsParams {
    private final Map<String, Object> fields;

    private ListTransactionsParams(Map<String, Object> fields) {
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
        return other instanceof ListTransactionsParams && fields.equals(((ListTransactionsParams) other).fields);
    }

    @Override
    public int hashCode() {
        return fields.hashCode();
    }

    @Override
    public String toString() {
        return "ListTransactionsParams" + fields;
    }

    /**
     * Builds a {@link ListTransactionsParams}. Setting a field twice keeps the last value, and
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

        /** Sets the page size, 1 to 100. */
        public Builder limit(int limit) {
            fields.put("limit", limit);
            return this;
        }

        /** Sets the id to start after; the auto-paging iterator sets it for later pages. */
        public Builder startingAfter(String startingAfter) {
            set("starting_after", startingAfter);
            return this;
        }

        /** Sets the status to filter on. */
        public Builder status(TransactionStatus status) {
            set("status", status == null ? null : status.getValue());
            return this;
        }

        /** Sets the earliest creation time, in Unix seconds, inclusive. */
        public Builder createdGte(long createdGte) {
            fields.put("created_gte", createdGte);
            return this;
        }

        /** Sets the latest creation time, in Unix seconds, inclusive. */
        public Builder createdLte(long createdLte) {
            fields.put("created_lte", createdLte);
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
        public ListTransactionsParams build() {
            return new ListTransactionsParams(fields);
        }
    }
}
