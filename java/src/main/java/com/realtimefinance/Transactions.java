package com.realtimefinance;

import com.realtimefinance.internal.AsyncBridge;
import com.realtimefinance.internal.Json;
import com.realtimefinance.internal.ffi.FfiTransaction;
import com.realtimefinance.internal.ffi.TransactionPager;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * The {@code /v1/transactions} calls; get it from
 * {@link RealTimeFinanceClient#transactions()}. Thread-safe.
 */
public final class Transactions {
    private final RealTimeFinanceClient client;

    Transactions(RealTimeFinanceClient client) {
        this.client = client;
    }

    /**
     * Fetches one transaction by its {@code txn_} id.
     *
     * @throws InvalidRequestException for an empty or malformed id, before any request
     * @throws NotFoundException when no transaction has this id
     */
    public Transaction retrieve(String id) {
        return retrieve(id, RequestOptions.NONE);
    }

    /** Like {@link #retrieve(String)}, with per-call options. */
    public Transaction retrieve(String id, RequestOptions options) {
        Objects.requireNonNull(id, "id");
        return Errors.call(() -> Transaction.fromNative(client.handle().retrieveTransaction(id, options.toNative())));
    }

    /** Like {@link #retrieve(String)}, without blocking the calling thread. */
    public CompletableFuture<Transaction> retrieveAsync(String id) {
        return retrieveAsync(id, RequestOptions.NONE);
    }

    /** Like {@link #retrieve(String, RequestOptions)}, without blocking the calling thread. */
    public CompletableFuture<Transaction> retrieveAsync(String id, RequestOptions options) {
        Objects.requireNonNull(id, "id");
        return Errors.async(() -> AsyncBridge.retrieveTransaction(client.handle(), id, options.toNative()),
                Transaction::fromNative);
    }

    /** Lists every transaction, newest first, fetching pages as iteration needs them. */
    public AutoPagingIterable<Transaction> list() {
        return list(ListTransactionsParams.builder().build(), RequestOptions.NONE);
    }

    /**
     * Lists every matching transaction, newest first. The parameters are
     * validated here, before any request; pages are fetched as iteration
     * needs them.
     *
     * @throws InvalidRequestException for an invalid parameter, naming it
     */
    public AutoPagingIterable<Transaction> list(ListTransactionsParams params) {
        return list(params, RequestOptions.NONE);
    }

    /** Like {@link #list(ListTransactionsParams)}, with options for every page request. */
    public AutoPagingIterable<Transaction> list(ListTransactionsParams params, RequestOptions options) {
        String json = Json.write(params.fields());
        TransactionPager pager = Errors.call(() -> client.handle().listTransactions(json, options.toNative()));
        return new AutoPagingIterable<>(
                () -> Errors.call(() -> convert(pager.nextPage())),
                () -> Errors.async(() -> AsyncBridge.nextTransactionPage(pager), Transactions::convert));
    }

    private static List<Transaction> convert(List<FfiTransaction> page) {
        return page == null ? null : page.stream().map(Transaction::fromNative).collect(Collectors.toUnmodifiableList());
    }
}
