package com.realtimefinance;

import com.realtimefinance.internal.AsyncBridge;
import com.realtimefinance.internal.Json;
import java.util.concurrent.CompletableFuture;

/**
 * The {@code /v1/fraud} calls; get it from {@link RealTimeFinanceClient#fraud()}.
 * Thread-safe.
 */
public final class Fraud {
    private final RealTimeFinanceClient client;

    Fraud(RealTimeFinanceClient client) {
        this.client = client;
    }

    /**
     * Scores a payment for fraud risk. Sends an idempotency key like
     * {@link Payments#create(CreatePaymentParams, RequestOptions)}.
     *
     * @throws InvalidRequestException for a missing or invalid field, naming it
     */
    public FraudAssessment assess(CreateFraudAssessmentParams params, RequestOptions options) {
        String json = Json.write(params.fields());
        return Errors.call(() -> FraudAssessment.fromNative(client.handle().assessFraud(json, options.toNative())));
    }

    /** Like {@link #assess(CreateFraudAssessmentParams, RequestOptions)} with default options. */
    public FraudAssessment assess(CreateFraudAssessmentParams params) {
        return assess(params, RequestOptions.NONE);
    }

    /** Like {@link #assess(CreateFraudAssessmentParams, RequestOptions)}, without blocking the calling thread. */
    public CompletableFuture<FraudAssessment> assessAsync(CreateFraudAssessmentParams params, RequestOptions options) {
        String json = Json.write(params.fields());
        return Errors.async(() -> AsyncBridge.assessFraud(client.handle(), json, options.toNative()),
                FraudAssessment::fromNative);
    }

    /** Like {@link #assess(CreateFraudAssessmentParams)}, without blocking the calling thread. */
    public CompletableFuture<FraudAssessment> assessAsync(CreateFraudAssessmentParams params) {
        return assessAsync(params, RequestOptions.NONE);
    }
}
