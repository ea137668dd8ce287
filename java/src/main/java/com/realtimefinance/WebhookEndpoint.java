package com.realtimefinance;

import com.realtimefinance.internal.ffi.FfiWebhookEndpoint;
import java.util.List;

/**
 * A URL that receives signed event deliveries. Immutable.
 *
 * <p>{@link #toString()} shows only the secret's {@code whsec_} prefix.
 */
public final class WebhookEndpoint extends ApiObject {
    private final String object;
    private final String id;
    private final String url;
    private final List<String> enabledEvents;
    private final String description;
    private final String secret;
    private final String status;
    private final long created;

    WebhookEndpoint(String object, String id, String url, List<String> enabledEvents, String description, String secret, String status, long created) {
        this.object = object;
        this.id = id;
        this.url = url;
        this.enabledEvents = enabledEvents;
        this.description = description;
        this.secret = secret;
        this.status = status;
        this.created = created;
    }

    static WebhookEndpoint fromNative(FfiWebhookEndpoint value) {
        return new WebhookEndpoint(
                value.getObject(),
                value.getId(),
                value.getUrl(),
                List.copyOf(value.getEnabledEvents()),
                value.getDescription(),
                value.getSecret(),
                value.getStatus(),
                value.getCreated());
    }

    /** Returns the API's type name, {@code "webhook_endpoint"}, from the {@code object} field of the response. */
    public String getObject() {
        return object;
    }

    /** Returns the {@code we_} id. */
    public String getId() {
        return id;
    }

    /** Returns the delivery URL. */
    public String getUrl() {
        return url;
    }

    /** Returns the event types delivered, or {@code ["*"]} for all, as an unmodifiable list. */
    public List<String> getEnabledEvents() {
        return enabledEvents;
    }

    /** Returns the description, or {@code null}. */
    public String getDescription() {
        return description;
    }

    /** Returns the {@code whsec_} signing secret, returned only by the create call (otherwise {@code null}); pass it to {@link Webhook#verify}. Never log it. */
    public String getSecret() {
        return secret;
    }

    /** Returns {@code "enabled"} or {@code "disabled"}. */
    public String getStatus() {
        return status;
    }

    /** Returns the creation time in Unix seconds. */
    public long getCreated() {
        return created;
    }

    @Override
    Object[] fieldValues() {
        return new Object[] {object, id, url, enabledEvents, description, secret, status, created};
    }

    @Override
    public String toString() {
        return "WebhookEndpoint{"
                + "id=" + quote(id)
                + ", object=" + quote(object)
                + ", url=" + quote(url)
                + ", enabledEvents=" + enabledEvents
                + ", description=" + quote(description)
                + ", secret=" + (secret == null ? "null" : Redaction.redact(secret))
                + ", status=" + quote(status)
                + ", created=" + created
                + "}";
    }
}
