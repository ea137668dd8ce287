package com.realtimefinance;

import com.realtimefinance.internal.ffi.FfiFraudAssessment;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The fraud engine's verdict on a prospective or existing payment. Immutable.
 */
public final class FraudAssessment extends ApiObject {
    private final String object;
    private final String id;
    private final int riskScore;
    private final FraudDecision decision;
    private final List<FraudReason> reasons;
    private final long amount;
    private final String currency;
    private final String sourceAccount;
    private final String destinationAccount;
    private final String payment;
    private final long created;

    FraudAssessment(String object, String id, int riskScore, FraudDecision decision, List<FraudReason> reasons, long amount, String currency, String sourceAccount, String destinationAccount, String payment, long created) {
        this.object = object;
        this.id = id;
        this.riskScore = riskScore;
        this.decision = decision;
        this.reasons = reasons;
        this.amount = amount;
        this.currency = currency;
        this.sourceAccount = sourceAccount;
        this.destinationAccount = destinationAccount;
        this.payment = payment;
        this.created = created;
    }

    static FraudAssessment fromNative(FfiFraudAssessment value) {
        return new FraudAssessment(
                value.getObject(),
                value.getId(),
                value.getRiskScore(),
                FraudDecision.valueOf(value.getDecision().name()),
                value.getReasons().stream().map(FraudReason::fromNative).collect(Collectors.toUnmodifiableList()),
                value.getAmount(),
                value.getCurrency(),
                value.getSourceAccount(),
                value.getDestinationAccount(),
                value.getPayment(),
                value.getCreated());
    }

    /** Returns the API's type name, {@code "fraud_assessment"}, from the {@code object} field of the response. */
    public String getObject() {
        return object;
    }

    /** Returns the {@code fa_} id. */
    public String getId() {
        return id;
    }

    /** Returns the risk score, 0 (no risk seen) to 100. */
    public int getRiskScore() {
        return riskScore;
    }

    /** Returns the decision: {@code APPROVE} below 40, {@code REVIEW} 40 to 74, {@code DECLINE} 75 and above. */
    public FraudDecision getDecision() {
        return decision;
    }

    /** Returns each rule that added to the score, as an unmodifiable list. */
    public List<FraudReason> getReasons() {
        return reasons;
    }

    /** Returns the assessed amount in minor units. */
    public long getAmount() {
        return amount;
    }

    /** Returns the ISO 4217 currency code in upper case. */
    public String getCurrency() {
        return currency;
    }

    /** Returns the {@code acct_} id the money would come from. */
    public String getSourceAccount() {
        return sourceAccount;
    }

    /** Returns the {@code acct_} id the money would go to. */
    public String getDestinationAccount() {
        return destinationAccount;
    }

    /** Returns the assessed {@code pay_} id, or {@code null}. */
    public String getPayment() {
        return payment;
    }

    /** Returns the creation time in Unix seconds. */
    public long getCreated() {
        return created;
    }

    @Override
    Object[] fieldValues() {
        return new Object[] {object, id, riskScore, decision, reasons, amount, currency,
                sourceAccount, destinationAccount, payment, created};
    }

    @Override
    public String toString() {
        return "FraudAssessment{"
                + "id=" + quote(id)
                + ", object=" + quote(object)
                + ", riskScore=" + riskScore
                + ", decision=" + decision
                + ", reasons=" + reasons
                + ", amount=" + amount
                + ", currency=" + quote(currency)
                + ", sourceAccount=" + quote(sourceAccount)
                + ", destinationAccount=" + quote(destinationAccount)
                + ", payment=" + quote(payment)
                + ", created=" + created
                + "}";
    }
}
