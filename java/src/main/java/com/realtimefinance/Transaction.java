package com.realtimefinance;

import com.realtimefinance.internal.ffi.FfiTransaction;

/**
 * A posted or pending movement of money on an account. Immutable.
 */
public final class Transaction extends ApiObject {
    private final String object;
    private final String id;
    private final long amount;
    private final String currency;
    private final TransactionStatus status;
    private final TransactionDirection direction;
    private final String account;
    private final String counterparty;
    private final String description;
    private final long created;

    Transaction(String object, String id, long amount, String currency, TransactionStatus status, TransactionDirection direction, String account, String counterparty, String description, long created) {
        this.object = object;
        this.id = id;
        this.amount = amount;
        this.currency = currency;
        this.status = status;
        this.direction = direction;
        this.account = account;
        this.counterparty = counterparty;
        this.description = description;
        this.created = created;
    }

    static Transaction fromNative(FfiTransaction value) {
        return new Transaction(
                value.getObject(),
                value.getId(),
                value.getAmount(),
                value.getCurrency(),
                TransactionStatus.valueOf(value.getStatus().name()),
                TransactionDirection.valueOf(value.getDirection().name()),
                value.getAccount(),
                value.getCounterparty(),
                value.getDescription(),
                value.getCreated());
    }

    /** Returns the API's type name, {@code "transaction"}, from the {@code object} field of the response. */
    public String getObject() {
        return object;
    }

    /** Returns the {@code txn_} id. */
    public String getId() {
        return id;
    }

    /** Returns the amount in minor units of the currency (cents for EUR); always positive, {@link #getDirection()} gives the sign. */
    public long getAmount() {
        return amount;
    }

    /** Returns the ISO 4217 currency code in upper case. */
    public String getCurrency() {
        return currency;
    }

    /** Returns where the transaction is in its life. */
    public TransactionStatus getStatus() {
        return status;
    }

    /** Returns whether money came in ({@code CREDIT}) or went out ({@code DEBIT}). */
    public TransactionDirection getDirection() {
        return direction;
    }

    /** Returns the {@code acct_} id the transaction belongs to. */
    public String getAccount() {
        return account;
    }

    /** Returns the other party's {@code acct_} id, or {@code null}. */
    public String getCounterparty() {
        return counterparty;
    }

    /** Returns the description, or {@code null}. */
    public String getDescription() {
        return description;
    }

    /** Returns the creation time in Unix seconds. */
    public long getCreated() {
        return created;
    }

    @Override
    Object[] fieldValues() {
        return new Object[] {object, id, amount, currency, status, direction, account, counterparty,
                description, created};
    }

    @Override
    public String toString() {
        return "Transaction{"
                + "id=" + quote(id)
                + ", object=" + quote(object)
                + ", amount=" + amount
                + ", currency=" + quote(currency)
                + ", status=" + status
                + ", direction=" + direction
                + ", account=" + quote(account)
                + ", counterparty=" + quote(counterparty)
                + ", description=" + quote(description)
                + ", created=" + created
                + "}";
    }
}
