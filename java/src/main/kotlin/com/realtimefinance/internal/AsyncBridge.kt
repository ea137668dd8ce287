package com.realtimefinance.internal

import com.realtimefinance.internal.ffi.EventPager
import com.realtimefinance.internal.ffi.FfiEvent
import com.realtimefinance.internal.ffi.FfiFraudAssessment
import com.realtimefinance.internal.ffi.FfiPayment
import com.realtimefinance.internal.ffi.FfiRequestOptions
import com.realtimefinance.internal.ffi.FfiTransaction
import com.realtimefinance.internal.ffi.FfiWebhookEndpoint
import com.realtimefinance.internal.ffi.NativeClient
import com.realtimefinance.internal.ffi.PaymentPager
import com.realtimefinance.internal.ffi.TransactionPager
import java.util.concurrent.CompletableFuture
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.SupervisorJob
import kotlinx.coroutines.future.future

/**
 * Turns the generated `suspend` functions, which Java cannot call, into
 * [CompletableFuture]s.
 *
 * The Rust future runs on the core's runtime. When it finishes, UniFFI's
 * continuation callback fires on a runtime thread and resumes the coroutine
 * on [Dispatchers.Default], so the future completes there. It never
 * completes on the caller's thread, nor on a runtime thread, where a blocking
 * SDK call made from a dependent stage would fail. Cancelling a returned future
 * cancels the coroutine and drops the Rust future; the request may still
 * reach the server.
 */
object AsyncBridge {
    // A failed call must not cancel the others, hence the supervisor.
    private val scope = CoroutineScope(SupervisorJob() + Dispatchers.Default)

    @JvmStatic
    fun retrieveTransaction(client: NativeClient, id: String, options: FfiRequestOptions): CompletableFuture<FfiTransaction> =
        scope.future { client.retrieveTransactionAsync(id, options) }

    @JvmStatic
    fun createPayment(client: NativeClient, paramsJson: String, options: FfiRequestOptions): CompletableFuture<FfiPayment> =
        scope.future { client.createPaymentAsync(paramsJson, options) }

    @JvmStatic
    fun retrievePayment(client: NativeClient, id: String, options: FfiRequestOptions): CompletableFuture<FfiPayment> =
        scope.future { client.retrievePaymentAsync(id, options) }

    @JvmStatic
    fun cancelPayment(client: NativeClient, id: String, options: FfiRequestOptions): CompletableFuture<FfiPayment> =
        scope.future { client.cancelPaymentAsync(id, options) }

    @JvmStatic
    fun assessFraud(client: NativeClient, paramsJson: String, options: FfiRequestOptions): CompletableFuture<FfiFraudAssessment> =
        scope.future { client.assessFraudAsync(paramsJson, options) }

    @JvmStatic
    fun createWebhookEndpoint(client: NativeClient, paramsJson: String, options: FfiRequestOptions): CompletableFuture<FfiWebhookEndpoint> =
        scope.future { client.createWebhookEndpointAsync(paramsJson, options) }

    @JvmStatic
    fun nextTransactionPage(pager: TransactionPager): CompletableFuture<List<FfiTransaction>?> =
        scope.future { pager.nextPageAsync() }

    @JvmStatic
    fun nextPaymentPage(pager: PaymentPager): CompletableFuture<List<FfiPayment>?> =
        scope.future { pager.nextPageAsync() }

    @JvmStatic
    fun nextEventPage(pager: EventPager): CompletableFuture<List<FfiEvent>?> =
        scope.future { pager.nextPageAsync() }
}
