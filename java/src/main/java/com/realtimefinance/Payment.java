package com.realtimefinance;

import com.realtimefinance.internal.ffi.FfiPayment;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A transfer of money between two accounts. Immutable.
 */
public final class Payment extends ApiObject {
    private final String object;
    private final String id;
    private final long amount;
    private final String currency;
    private final PaymentStatus status;
    private final String sourceAccount;
    private final String destinationAccount;
    private final String description;
    private final Map<String, String> metadata;
    private final String failureCode;
    private final long created;
    private final Long canceledAt;

    Payment(String object, String id, long amount, String currency, PaymentStatus status, String sourceAccount, String destinationAccount, String description, Map<String, String> metadata, String failureCode, long created, Long canceledAt) {
        this.object = object;
        this.id = id;
        this.amount = amount;
        this.currency = currency;
        this.status = status;
        this.sourceAccount = sourceAccount;
        this.destinationAccount = destinationAccount;
        this.description = description;
        this.metadata = metadata;
        this.failureCode = failureCode;
        this.created = created;
        this.canceledAt = canceledAt;
    }

    static Payment fromNative(FfiPayment value) {
        return new Payment(
                value.getObject(),
                value.getId(),
                value.getAmount(),
                value.getCurrency(),
                PaymentStatus.valueOf(value.getStatus().name()),
                value.getSourceAccount(),
                value.getDestinationAccount(),
                value.getDescription(),
                Collections.unmodifiableMap(new TreeMap<>(value.getMetadata())),
                value.getFailureCode(),
                value.getCreated(),
                value.getCanceledAt());
    }

    /** Returns the API's type name, {@code "payment"}, from the {@code object} field of the response. */
    public String getObject() {
        return object;
    }

    /** Returns the {@code pay_} id. */
    public String getId() {
        return id;
    }

    /** Returns the amount in minor units of the currency. */
    public long getAmount() {
        return amount;
    }

    /** Returns the ISO 4217 currency code in upper case. */
    public String getCurrency() {
        return currency;
    }

    /** Returns the status: {@code PENDING}, then one of the others. */
    public PaymentStatus getStatus() {
        return status;
    }

    /** Returns the {@code acct_} id the money comes from. */
    public String getSourceAccount() {
        return sourceAccount;
    }

    /** Returns the {@code acct_} id the money goes to. */
    public String getDestinationAccount() {
        return destinationAccount;
    }

    /** Returns the description, or {@code null}. */
    public String getDescription() {
        return description;
    }

    /** Returns the metadata as an unmodifiable map sorted by key, empty when none was set. */
    public Map<String, String> getMetadata() {
        return metadata;
    }

    /** Returns why the payment failed ({@code "insufficient_funds"}, {@code "fraud_declined"}), or {@code null} unless the status is {@code FAILED}. */
    public String getFailureCode() {
        return failureCode;
    }

    /** Returns the creation time in Unix seconds. */
    public long getCreated() {
        return created;
    }

    /** Returns the cancel time in Unix seconds, or {@code null} unless the status is {@code CANCELED}. */
    public Long getCanceledAt() {
        return canceledAt;
    }

    @Override
    Object[] fieldValues() {
        return new Object[] {object, id, amount, currency, status, sourceAccount,
                destinationAccount, description, metadata, failureCode, created, canceledAt};
    }

    @Override
    public String toString() {
        return "Payment{"
                + "id=" + quote(id)
                + ", object=" + quote(object)
                + ", amount=" + amount
                + ", currency=" + quote(currency)
                + ", status=" + status
                + ", sourceAccount=" + quote(sourceAccount)
                + ", destinationAccount=" + quote(destinationAccount)
                + ", description=" + quote(description)
                + ", metadata=" + metadata
                + ", failureCode=" + quote(failureCode)
                + ", created=" + created
                + ", canceledAt=" + canceledAt
                + "}";
    }
}
