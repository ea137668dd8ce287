package com.realtimefinance;

import com.realtimefinance.internal.AsyncBridge;
import com.realtimefinance.internal.Json;
import com.realtimefinance.internal.ffi.FfiPayment;
import com.realtimefinance.internal.ffi.PaymentPager;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * The {@code /v1/payments} calls; get it from
 * {@link RealTimeFinanceClient#payments()}. Thread-safe.
 */
public final class Payments {
    private final RealTimeFinanceClient client;

    Payments(RealTimeFinanceClient client) {
        this.client = client;
    }

    /**
     * Creates a payment. The call sends {@code options}' idempotency key, or
     * one generated for this call, and sends the same key on every retry, so
     * a retried request never creates a second payment.
     *
     * @throws InvalidRequestException for a missing or invalid field, naming it
     * @throws ConflictException when the idempotency key was used with another
     *     body or a request with it is still in progress
     */
    public Payment create(CreatePaymentParams params, RequestOptions options) {
        String json = Json.write(params.fields());
        return Errors.call(() -> Payment.fromNative(client.handle().createPayment(json, options.toNative())));
    }

    /** Like {@link #create(CreatePaymentParams, RequestOptions)} with a generated idempotency key. */
    public Payment create(CreatePaymentParams params) {
        return create(params, RequestOptions.NONE);
    }

    /** Like {@link #create(CreatePaymentParams, RequestOptions)}, without blocking the calling thread. */
    public CompletableFuture<Payment> createAsync(CreatePaymentParams params, RequestOptions options) {
        String json = Json.write(params.fields());
        return Errors.async(() -> AsyncBridge.createPayment(client.handle(), json, options.toNative()),
                Payment::fromNative);
    }

    /** Like {@link #create(CreatePaymentParams)}, without blocking the calling thread. */
    public CompletableFuture<Payment> createAsync(CreatePaymentParams params) {
        return createAsync(params, RequestOptions.NONE);
    }

    /**
     * Fetches one payment by its {@code pay_} id.
     *
     * @throws NotFoundException when no payment has this id
     */
    public Payment retrieve(String id) {
        return retrieve(id, RequestOptions.NONE);
    }

    /** Like {@link #retrieve(String)}, with per-call options. */
    public Payment retrieve(String id, RequestOptions options) {
        Objects.requireNonNull(id, "id");
        return Errors.call(() -> Payment.fromNative(client.handle().retrievePayment(id, options.toNative())));
    }

    /** Like {@link #retrieve(String)}, without blocking the calling thread. */
    public CompletableFuture<Payment> retrieveAsync(String id) {
        return retrieveAsync(id, RequestOptions.NONE);
    }

    /** Like {@link #retrieve(String, RequestOptions)}, without blocking the calling thread. */
    public CompletableFuture<Payment> retrieveAsync(String id, RequestOptions options) {
        Objects.requireNonNull(id, "id");
        return Errors.async(() -> AsyncBridge.retrievePayment(client.handle(), id, options.toNative()),
                Payment::fromNative);
    }

    /**
     * Cancels a pending payment.
     *
     * @throws ConflictException with code {@code payment_not_cancelable} when
     *     the payment is no longer pending
     */
    public Payment cancel(String id) {
        return cancel(id, RequestOptions.NONE);
    }

    /** Like {@link #cancel(String)}, with per-call options. */
    public Payment cancel(String id, RequestOptions options) {
        Objects.requireNonNull(id, "id");
        return Errors.call(() -> Payment.fromNative(client.handle().cancelPayment(id, options.toNative())));
    }

    /** Like {@link #cancel(String)}, without blocking the calling thread. */
    public CompletableFuture<Payment> cancelAsync(String id) {
        return cancelAsync(id, RequestOptions.NONE);
    }

    /** Like {@link #cancel(String, RequestOptions)}, without blocking the calling thread. */
    public CompletableFuture<Payment> cancelAsync(String id, RequestOptions options) {
        Objects.requireNonNull(id, "id");
        return Errors.async(() -> AsyncBridge.cancelPayment(client.handle(), id, options.toNative()),
                Payment::fromNative);
    }

    /** Lists every payment, newest first, fetching pages as iteration needs them. */
    public AutoPagingIterable<Payment> list() {
        return list(ListPaymentsParams.builder().build(), RequestOptions.NONE);
    }

    /**
     * Lists every matching payment, newest first; see
     * {@link Transactions#list(ListTransactionsParams)} for when requests are sent.
     */
    public AutoPagingIterable<Payment> list(ListPaymentsParams params) {
        return list(params, RequestOptions.NONE);
    }

    /** Like {@link #list(ListPaymentsParams)}, with options for every page request. */
    public AutoPagingIterable<Payment> list(ListPaymentsParams params, RequestOptions options) {
        String json = Json.write(params.fields());
        PaymentPager pager = Errors.call(() -> client.handle().listPayments(json, options.toNative()));
        return new AutoPagingIterable<>(
                () -> Errors.call(() -> convert(pager.nextPage())),
                () -> Errors.async(() -> AsyncBridge.nextPaymentPage(pager), Payments::convert));
    }

    private static List<Payment> convert(List<FfiPayment> page) {
        return page == null ? null : page.stream().map(Payment::fromNative).collect(Collectors.toUnmodifiableList());
    }
}
