package com.realtimefinance;

import com.realtimefinance.internal.NativeLibrary;
import com.realtimefinance.internal.ffi.FfiClientConfig;
import com.realtimefinance.internal.ffi.NativeClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A Real Time Finance API client over the shared Rust core, which does
 * authentication, OAuth token refresh, retries, idempotency and the calls.
 *
 * <pre>{@code
 * try (RealTimeFinanceClient client = RealTimeFinanceClient.builder()
 *         .apiKey(System.getenv("REALTIME_FINANCE_SECRET_KEY"))
 *         .build()) {
 *     for (Transaction transaction : client.transactions().list(ListTransactionsParams.builder().limit(10).build())) {
 *         System.out.println(transaction.getId());
 *     }
 * }
 * }</pre>
 *
 * <p>Thread-safe: share one client across the application. Every network
 * call has a blocking form, which runs on the calling thread, and an
 * {@code ...Async} form returning a {@link java.util.concurrent.CompletableFuture}
 * that completes on a shared background pool. {@link #close()} releases the
 * native client once calls in flight have finished; calls made after it
 * throw {@link IllegalStateException}.
 */
public final class RealTimeFinanceClient implements AutoCloseable {
    private final NativeClient nativeClient;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Transactions transactions = new Transactions(this);
    private final Payments payments = new Payments(this);
    private final Fraud fraud = new Fraud(this);
    private final Events events = new Events(this);
    private final WebhookEndpoints webhookEndpoints = new WebhookEndpoints(this);

    private RealTimeFinanceClient(NativeClient nativeClient) {
        this.nativeClient = nativeClient;
    }

    /** Starts a builder. Settings not set on it come from the {@code REALTIME_FINANCE_*} environment variables, then from the core's defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds a client from the {@code REALTIME_FINANCE_SECRET_KEY} (or
     * {@code REALTIME_FINANCE_CLIENT_ID} and {@code REALTIME_FINANCE_CLIENT_SECRET})
     * and {@code REALTIME_FINANCE_BASE_URL} environment variables.
     *
     * @throws ConfigurationException when they hold no usable credentials
     */
    public static RealTimeFinanceClient fromEnvironment() {
        return builder().fromEnvironment().build();
    }

    public Transactions transactions() {
        return transactions;
    }

    public Payments payments() {
        return payments;
    }

    public Fraud fraud() {
        return fraud;
    }

    public Events events() {
        return events;
    }

    public WebhookEndpoints webhookEndpoints() {
        return webhookEndpoints;
    }

    /** Returns the base URL requests go to, without a trailing slash. */
    public String getBaseUrl() {
        return Errors.call(() -> handle().baseUrl());
    }

    /**
     * Replaces the API key on this client, for key rotation without a
     * restart. Calls already in flight finish with the old key.
     *
     * @throws ConfigurationException for a publishable key or a key for the
     *     wrong environment
     */
    public void setApiKey(String apiKey) {
        Objects.requireNonNull(apiKey, "apiKey is null; pass the new secret API key");
        Errors.call(() -> {
            handle().setApiKey(apiKey);
            return null;
        });
    }

    /** Releases the native client after the calls in flight finish. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            nativeClient.destroy();
        }
    }

    NativeClient handle() {
        if (closed.get()) {
            throw new IllegalStateException("this RealTimeFinanceClient is closed; build a new client");
        }
        return nativeClient;
    }

    @Override
    public String toString() {
        return closed.get() ? "RealTimeFinanceClient{closed}" : "RealTimeFinanceClient{baseUrl=" + getBaseUrl() + "}";
    }

    /**
     * Builds a {@link RealTimeFinanceClient}. Explicit settings win over
     * environment variables, which win over the core's defaults (60 s
     * timeout, 10 s connect timeout, 2 retries). A {@code null} argument to a
     * setter leaves that setting unset. Not thread-safe.
     */
    public static final class Builder {
        private String apiKey;
        private String clientId;
        private String clientSecret;
        private List<String> scopes;
        private String tokenUrl;
        private ClientAuthMethod clientAuthMethod;
        private Environment environment;
        private String baseUrl;
        private Duration timeout;
        private Duration connectTimeout;
        private Integer maxRetries;
        private Path caCertificate;
        private byte[] caCertificatePem;
        private boolean readEnvironment = true;

        private Builder() {}

        /**
         * Authenticates with a secret API key ({@code sk_test_...} or {@code sk_live_...}). {@link #build()}
         * rejects an API key together with any OAuth setting.
         *
         * @param apiKey the key, or {@code null} to leave it unset, so that
         *     {@code System.getenv("REALTIME_FINANCE_SECRET_KEY")} can be passed
         *     as is and an unset variable falls back to the environment
         */
        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        /**
         * Authenticates with OAuth 2.0 client credentials (RFC 6749 section
         * 4.4). The core fetches, caches and refreshes access tokens, with
         * one token request at a time per client. {@link #build()} rejects
         * these together with an API key.
         *
         * <p>A {@code null} client id or secret is unset: {@link #build()}
         * takes it from {@code REALTIME_FINANCE_CLIENT_ID} or
         * {@code REALTIME_FINANCE_CLIENT_SECRET}, and throws
         * {@link ConfigurationException} when that is unset too.
         *
         * @param scopes the scopes to request; empty or {@code null} requests the client's default set
         */
        public Builder oauthClientCredentials(String clientId, String clientSecret, Collection<String> scopes) {
            this.clientId = clientId;
            this.clientSecret = clientSecret;
            this.scopes = scopes == null ? null : List.copyOf(scopes);
            return this;
        }

        /** Like {@link #oauthClientCredentials(String, String, Collection)} with scopes as arguments. */
        public Builder oauthClientCredentials(String clientId, String clientSecret, String... scopes) {
            return oauthClientCredentials(clientId, clientSecret, Arrays.asList(scopes));
        }

        /** Sets the OAuth token endpoint; the default is {@code {baseUrl}/v1/oauth/token}. */
        public Builder tokenUrl(String tokenUrl) {
            this.tokenUrl = tokenUrl;
            return this;
        }

        /** Sets how the client secret reaches the token endpoint. */
        public Builder clientAuthMethod(ClientAuthMethod clientAuthMethod) {
            this.clientAuthMethod = clientAuthMethod;
            return this;
        }

        /**
         * Reads the {@code REALTIME_FINANCE_*} environment variables for every
         * setting not set on this builder. This is the default; the method
         * undoes {@link #ignoreEnvironmentVariables()}.
         */
        public Builder fromEnvironment() {
            this.readEnvironment = true;
            return this;
        }

        /** Ignores the {@code REALTIME_FINANCE_*} environment variables. */
        public Builder ignoreEnvironmentVariables() {
            this.readEnvironment = false;
            return this;
        }

        /** Chooses a hosted environment, which the core checks against the key's prefix. */
        public Builder environment(Environment environment) {
            this.environment = environment;
            return this;
        }

        /** Sends requests to this base URL, such as a local sandbox's; {@code https} is required except on loopback hosts. */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        /**
         * Sets the total time budget of one call across all attempts and
         * backoff; {@code null} leaves the default. {@link #build()} throws
         * {@link ConfigurationException} unless it is greater than zero.
         */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /**
         * Sets the time allowed to open a connection; {@code null} leaves the
         * default. {@link #build()} throws {@link ConfigurationException}
         * unless it is greater than zero.
         */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        /** Sets the retries after the first attempt. */
        public Builder maxRetries(int maxRetries) {
            this.maxRetries = maxRetries;
            return this;
        }

        /** Trusts the PEM certificate (or bundle) in this file, in addition to the system roots. The core reads it in {@link #build()}. */
        public Builder caCertificate(Path caCertificate) {
            this.caCertificate = caCertificate;
            this.caCertificatePem = null;
            return this;
        }

        /** Trusts this PEM certificate (or bundle), in addition to the system roots; {@code null} trusts no extra one. */
        public Builder caCertificatePem(String pem) {
            this.caCertificatePem = pem == null ? null : pem.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            this.caCertificate = null;
            return this;
        }

        /**
         * Validates the settings and builds the client; sends no request.
         * Loads the native library on first use.
         *
         * @throws ConfigurationException for missing credentials, an API key
         *     together with OAuth settings, a publishable key, an {@code http}
         *     URL on a non-loopback host, a key for the wrong environment, a
         *     timeout that is not greater than zero, a negative retry count,
         *     or an unreadable or invalid CA certificate
         * @throws UnsatisfiedLinkError when the jar has no native library for
         *     this platform
         */
        public RealTimeFinanceClient build() {
            // The generated bindings reject a negative Duration with an
            // IllegalArgumentException that names no option, so check here.
            checkNotNegative("timeout", timeout);
            checkNotNegative("connectTimeout", connectTimeout);
            NativeLibrary.ensureLoaded();
            // The core takes the API's names, such as "client_secret_post",
            // which are the enum constants' names in lower case.
            FfiClientConfig config = new FfiClientConfig(
                    clientId,
                    scopes,
                    tokenUrl,
                    clientAuthMethod == null ? null : clientAuthMethod.name().toLowerCase(Locale.ROOT),
                    environment == null ? null : environment.name().toLowerCase(Locale.ROOT),
                    baseUrl,
                    timeout,
                    connectTimeout,
                    maxRetries == null ? null : maxRetries.longValue(),
                    caCertificate == null ? null : caCertificate.toString(),
                    caCertificatePem,
                    readEnvironment,
                    System.getProperty("java.version"));
            NativeClient nativeClient = Errors.call(() -> new NativeClient(config, apiKey, clientSecret));
            return new RealTimeFinanceClient(nativeClient);
        }

        private static void checkNotNegative(String option, Duration value) {
            if (value != null && value.isNegative()) {
                throw new ConfigurationException(new ErrorDetails("configuration", "invalid " + option + " " + value
                        + " because it is negative; pass a duration greater than zero, such as Duration.ofSeconds(30)",
                        null, null, null, null, null));
            }
        }

        @Override
        public String toString() {
            return "RealTimeFinanceClient.Builder{apiKey=" + (apiKey == null ? "null" : Redaction.redact(apiKey))
                    + ", clientId=" + clientId
                    + ", clientSecret=" + (clientSecret == null ? "null" : "[REDACTED]")
                    + ", scopes=" + scopes + ", baseUrl=" + baseUrl + ", environment=" + environment
                    + ", timeout=" + timeout + ", connectTimeout=" + connectTimeout + ", maxRetries=" + maxRetries
                    + ", readEnvironment=" + readEnvironment + "}";
        }
    }
}
