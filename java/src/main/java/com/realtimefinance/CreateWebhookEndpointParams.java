package com.realtimefinance;

import java.util.List;

/**
 * The body of {@code client.webhookEndpoints().create(...)}. Immutable.
 */
public final class CreateWebhookEndpointParams extends Params {
    private CreateWebhookEndpointParams(Builder builder) {
        super(builder);
    }

    /** Starts a builder with no field set. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds a {@link CreateWebhookEndpointParams}. Setting a field twice keeps the last value, and
     * setting it to null clears it.
     */
    public static final class Builder extends Params.Builder<Builder> {
        private Builder() {
            super(Builder.class);
        }

        /** Sets where to deliver events (required): {@code https}, or {@code http} on a loopback host. */
        public Builder url(String url) {
            return set("url", url);
        }

        /** Sets the event types to deliver, or {@code ["*"]} (the API's default) for all. */
        public Builder enabledEvents(List<String> enabledEvents) {
            return set("enabled_events", enabledEvents == null ? null : List.copyOf(enabledEvents));
        }

        /** Sets a description. */
        public Builder description(String description) {
            return set("description", description);
        }

        /**
         * Returns the parameters. Required fields and value rules are checked by
         * the SDK core when the call is made, which throws
         * {@link InvalidRequestException} naming the field.
         */
        public CreateWebhookEndpointParams build() {
            return new CreateWebhookEndpointParams(this);
        }
    }
}
