package com.realtimefinance;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code client.webhookEndpoints().create(...)}. Immutable.
 */
public final class CreateWebhookEndpointParams {
    private final Map<String, Object> fields;

    private CreateWebhookEndpointParams(Map<String, Object> fields) {
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
        return other instanceof CreateWebhookEndpointParams && fields.equals(((CreateWebhookEndpointParams) other).fields);
    }

    @Override
    public int hashCode() {
        return fields.hashCode();
    }

    @Override
    public String toString() {
        return "CreateWebhookEndpointParams" + fields;
    }

    /**
     * Builds a {@link CreateWebhookEndpointParams}. Setting a field twice keeps the last value, and
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

        /** Sets where to deliver events (required): {@code https}, or {@code http} on a loopback host. */
        public Builder url(String url) {
            set("url", url);
            return this;
        }

        /** Sets the event types to deliver, or {@code ["*"]} (the API's default) for all. */
        public Builder enabledEvents(List<String> enabledEvents) {
            set("enabled_events", enabledEvents == null ? null : List.copyOf(enabledEvents));
            return this;
        }

        /** Sets a description. */
        public Builder description(String description) {
            set("description", description);
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
        public CreateWebhookEndpointParams build() {
            return new CreateWebhookEndpointParams(fields);
        }
    }
}
