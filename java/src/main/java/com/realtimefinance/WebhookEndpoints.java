package com.realtimefinance;

import com.realtimefinance.internal.AsyncBridge;
import com.realtimefinance.internal.Json;
import java.util.concurrent.CompletableFuture;

/**
 * The {@code /v1/webhook_endpoints} calls; get it from
 * {@link RealTimeFinanceClient#webhookEndpoints()}. Thread-safe.
 */
public final class WebhookEndpoints {
    private final RealTimeFinanceClient client;

    WebhookEndpoints(RealTimeFinanceClient client) {
        this.client = client;
    }

    /**
     * Registers a webhook endpoint. The result carries the signing secret,
     * which only this call returns. Sends an idempotency key like
     * {@link Payments#create(CreatePaymentParams, RequestOptions)}.
     *
     * @throws InvalidRequestException for a missing or invalid field, naming it
     */
    public WebhookEndpoint create(CreateWebhookEndpointParams params, RequestOptions options) {
        String json = Json.write(params.fields());
        return Errors.call(() -> WebhookEndpoint.fromNative(
                client.handle().createWebhookEndpoint(json, options.toNative())));
    }

    /** Like {@link #create(CreateWebhookEndpointParams, RequestOptions)} with default options. */
    public WebhookEndpoint create(CreateWebhookEndpointParams params) {
        return create(params, RequestOptions.NONE);
    }

    /** Like {@link #create(CreateWebhookEndpointParams, RequestOptions)}, without blocking the calling thread. */
    public CompletableFuture<WebhookEndpoint> createAsync(CreateWebhookEndpointParams params, RequestOptions options) {
        String json = Json.write(params.fields());
        return Errors.async(() -> AsyncBridge.createWebhookEndpoint(client.handle(), json, options.toNative()),
                WebhookEndpoint::fromNative);
    }

    /** Like {@link #create(CreateWebhookEndpointParams)}, without blocking the calling thread. */
    public CompletableFuture<WebhookEndpoint> createAsync(CreateWebhookEndpointParams params) {
        return createAsync(params, RequestOptions.NONE);
    }
}
