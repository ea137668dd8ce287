package com.realtimefinance;

import com.realtimefinance.internal.ffi.FfiErrorKind;
import com.realtimefinance.internal.ffi.FfiException;
import com.realtimefinance.internal.ffi.InternalException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/**
 * Runs native calls and turns their failures into the SDK's exceptions.
 * {@link #translate(Throwable)} is the one place where core error kinds
 * become exception classes.
 */
final class Errors {
    private Errors() {}

    /** A call into the generated bindings, which declare the checked {@code FfiException}. */
    @FunctionalInterface
    interface NativeCall<T> {
        T call() throws Exception;
    }

    /** Runs a synchronous native call, converting its failure. */
    static <T> T call(NativeCall<T> nativeCall) {
        try {
            return nativeCall.call();
        } catch (Exception e) {
            throw translate(e);
        }
    }

    /**
     * Returns a future that completes with {@code convert} applied to the
     * native future's result, or with the translated exception. Cancelling
     * the returned future cancels the native one.
     */
    static <T, R> CompletableFuture<R> async(NativeCall<CompletableFuture<T>> nativeCall, Function<T, R> convert) {
        CompletableFuture<T> source;
        try {
            source = nativeCall.call();
        } catch (Exception e) {
            return CompletableFuture.failedFuture(translate(e));
        }
        CompletableFuture<R> result = new CompletableFuture<>();
        source.whenComplete((value, failure) -> {
            if (failure != null) {
                result.completeExceptionally(translate(failure));
                return;
            }
            try {
                result.complete(convert.apply(value));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        result.whenComplete((value, failure) -> {
            if (result.isCancelled()) {
                source.cancel(true);
            }
        });
        return result;
    }

    /** Maps a failure of the native layer to the exception thrown to the caller. */
    static RuntimeException translate(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof FfiException.Failure) {
            return fromCore((FfiException.Failure) cause);
        }
        if (cause instanceof InternalException) {
            // UniFFI reports a Rust panic this way; the message carries no secret
            // because the core never formats one.
            return new ApiException(new ErrorDetails("api", "the SDK's native code failed unexpectedly: "
                    + cause.getMessage() + "; this is a bug in the SDK, please report it", null, null, null, null,
                    null));
        }
        if (cause instanceof RuntimeException) {
            return (RuntimeException) cause;
        }
        if (cause instanceof Error) {
            throw (Error) cause;
        }
        return new CompletionException(cause);
    }

    private static RealTimeFinanceException fromCore(FfiException.Failure failure) {
        FfiErrorKind kind = failure.getKind();
        ErrorDetails details = new ErrorDetails(kindName(kind), failure.getDetail(), failure.getHttpStatus(),
                failure.getCode(), failure.getRequestId(), failure.getParam(), failure.getRetryAfter());
        switch (kind) {
            case CONFIGURATION:
                return new ConfigurationException(details);
            case AUTHENTICATION:
                return new AuthenticationException(details);
            case PERMISSION:
                return new PermissionException(details);
            case INVALID_REQUEST:
                return new InvalidRequestException(details);
            case NOT_FOUND:
                return new NotFoundException(details);
            case CONFLICT:
                return new ConflictException(details);
            case RATE_LIMIT:
                return new RateLimitException(details);
            case API:
                return new ApiException(details);
            case CONNECTION:
                return new ConnectionException(details);
            case TIMEOUT:
                return new TimeoutException(details);
            case WEBHOOK_SIGNATURE:
                return new WebhookSignatureException(details);
            default:
                return new RealTimeFinanceException(details);
        }
    }

    /** Returns the core's snake_case name of a kind, such as {@code "rate_limit"}. */
    private static String kindName(FfiErrorKind kind) {
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
