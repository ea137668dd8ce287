package com.realtimefinance;

import com.realtimefinance.internal.ffi.FfiEvent;

/**
 * Something that happened to a resource, from {@code client.events().list(...)} or a
 * verified webhook ({@link Webhook#verify}). Immutable.
 */
public final class Event extends ApiObject {
    private final String object;
    private final String id;
    private final String type;
    private final long created;
    private final String dataObjectJson;

    Event(String object, String id, String type, long created, String dataObjectJson) {
        this.object = object;
        this.id = id;
        this.type = type;
        this.created = created;
        this.dataObjectJson = dataObjectJson;
    }

    static Event fromNative(FfiEvent value) {
        return new Event(
                value.getObject(),
                value.getId(),
                value.getEventType(),
                value.getCreated(),
                value.getDataObjectJson());
    }

    /** Returns the API's type name, {@code "event"}, from the {@code object} field of the response. */
    public String getObject() {
        return object;
    }

    /** Returns the {@code evt_} id; also the {@code webhook-id} of its deliveries. */
    public String getId() {
        return id;
    }

    /** Returns the event type, such as {@code "payment.succeeded"}; kept as a string so that types added to the API later still arrive. */
    public String getType() {
        return type;
    }

    /** Returns the creation time in Unix seconds. */
    public long getCreated() {
        return created;
    }

    /** Returns the resource the event is about as JSON text, such as a payment; its {@code object} field names the type. */
    public String getDataObjectJson() {
        return dataObjectJson;
    }

    @Override
    Object[] fieldValues() {
        return new Object[] {object, id, type, created, dataObjectJson};
    }

    @Override
    public String toString() {
        return "Event{"
                + "id=" + quote(id)
                + ", object=" + quote(object)
                + ", type=" + quote(type)
                + ", created=" + created
                + ", dataObjectJson=" + quote(dataObjectJson)
                + "}";
    }
}
