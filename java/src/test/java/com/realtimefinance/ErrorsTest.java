package com.realtimefinance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One test per error kind that the other suites do not already raise. */
class ErrorsTest {
    private static final RequestOptions NO_RETRIES = RequestOptions.builder().maxRetries(0).build();

    private static Sandbox sandbox;
    private static RealTimeFinanceClient client;
    private static String transactionId;

    @BeforeAll
    static void startClient() {
        sandbox = Sandbox.shared();
        client = sandbox.client();
        transactionId = client.transactions().list(ListTransactionsParams.builder().limit(1).build())
                .iterator().next().getId();
    }

    @AfterAll
    static void closeClient() {
        client.close();
    }

    @AfterEach
    void clearFaults() {
        sandbox.clearFaults();
    }

    @Test
    void publishableKeyIsConfigurationError() {
        RealTimeFinanceException error = assertThrows(RealTimeFinanceException.class, () -> {
            try (RealTimeFinanceClient publishable = sandbox.clientBuilder().apiKey(sandbox.publishableKey()).build()) {
                publishable.transactions().retrieve(transactionId);
            }
        });

        assertTrue(error instanceof ConfigurationException, error.toString());
        assertEquals("configuration", error.getKind());
    }

    @Test
    void missingCredentialsIsConfigurationError() {
        assertThrows(ConfigurationException.class, () -> sandbox.clientBuilder().build());
    }

    @Test
    void apiKeyWithOauthIsConfigurationError() {
        ConfigurationException error = assertThrows(ConfigurationException.class, () -> sandbox.clientBuilder()
                .apiKey(sandbox.secretKey())
                .oauthClientCredentials(sandbox.clientId(), sandbox.clientSecret())
                .build());

        assertTrue(error.getMessage().contains("client_id"), error.getMessage());
    }

    @Test
    void negativeMaxRetriesIsConfigurationError() {
        ConfigurationException error = assertThrows(ConfigurationException.class,
                () -> sandbox.clientBuilder().apiKey(sandbox.secretKey()).maxRetries(-1).build());

        assertTrue(error.getMessage().contains("-1"), error.getMessage());
    }

    @Test
    void nullApiKeyIsUnset() {
        ConfigurationException error = assertThrows(ConfigurationException.class,
                () -> sandbox.clientBuilder().apiKey(null).build());

        assertTrue(error.getMessage().contains("no credentials"), error.getMessage());
        assertTrue(error.getMessage().contains("REALTIME_FINANCE_SECRET_KEY"), error.getMessage());
    }

    @Test
    void nullSettingsAreUnset() {
        // Each null must leave its setting unset, so the client reaches the
        // sandbox with the sandbox's base URL and the core's defaults.
        try (RealTimeFinanceClient nulls = sandbox.clientBuilder()
                .apiKey(sandbox.secretKey())
                .environment(null)
                .tokenUrl(null)
                .clientAuthMethod(null)
                .timeout(null)
                .connectTimeout(null)
                .caCertificate(null)
                .caCertificatePem(null)
                .build()) {
            assertEquals(transactionId, nulls.transactions().retrieve(transactionId).getId());
        }
    }

    @Test
    void nullOauthSecretIsUnset() {
        ConfigurationException error = assertThrows(ConfigurationException.class, () -> sandbox.clientBuilder()
                .oauthClientCredentials(sandbox.clientId(), null, (java.util.Collection<String>) null)
                .build());

        assertTrue(error.getMessage().contains("REALTIME_FINANCE_CLIENT_SECRET"), error.getMessage());
    }

    @Test
    void negativeTimeoutIsConfigurationError() {
        ConfigurationException error = assertThrows(ConfigurationException.class, () -> sandbox.clientBuilder()
                .apiKey(sandbox.secretKey())
                .timeout(Duration.ofSeconds(-1))
                .build());

        assertTrue(error.getMessage().contains("timeout PT-1S"), error.getMessage());
        assertEquals("configuration", error.getKind());
    }

    @Test
    void negativeConnectTimeoutIsConfigurationError() {
        ConfigurationException error = assertThrows(ConfigurationException.class, () -> sandbox.clientBuilder()
                .apiKey(sandbox.secretKey())
                .connectTimeout(Duration.ofMillis(-5))
                .build());

        assertTrue(error.getMessage().contains("connectTimeout PT-0.005S"), error.getMessage());
    }

    @Test
    void callNegativeTimeoutIsInvalidRequest() {
        RequestOptions options = RequestOptions.builder().timeout(Duration.ofMillis(-5)).build();

        InvalidRequestException error = assertThrows(InvalidRequestException.class,
                () -> client.transactions().retrieve(transactionId, options));

        assertEquals("timeout", error.getParam());
        assertTrue(error.getMessage().contains("got -0.005"), error.getMessage());
    }

    @Test
    void callNegativeMaxRetriesIsInvalidRequest() {
        RequestOptions options = RequestOptions.builder().maxRetries(-1).build();

        InvalidRequestException error = assertThrows(InvalidRequestException.class,
                () -> client.transactions().retrieve(transactionId, options));

        assertEquals("max_retries", error.getParam());
    }

    @Test
    void unreadableCaFileIsConfigurationError() {
        ConfigurationException error = assertThrows(ConfigurationException.class, () -> sandbox.clientBuilder()
                .apiKey(sandbox.secretKey())
                .caCertificate(java.nio.file.Path.of("/nonexistent/ca.pem"))
                .build());

        assertTrue(error.getMessage().contains("/nonexistent/ca.pem"), error.getMessage());
    }

    @Test
    void unknownKeyIsAuthenticationError() {
        try (RealTimeFinanceClient unknown = sandbox.clientBuilder()
                .apiKey("sk_test_" + "Zz9".repeat(10))
                .build()) {
            AuthenticationException error = assertThrows(AuthenticationException.class,
                    () -> unknown.transactions().retrieve(transactionId));

            assertEquals(401, error.getStatusCode());
            assertEquals("api_key_invalid", error.getCode());
        }
    }

    @Test
    void missingScopeIsPermissionError() {
        try (RealTimeFinanceClient readOnly = sandbox.clientBuilder()
                .apiKey(sandbox.createKey("transactions:read"))
                .build()) {
            PermissionException error = assertThrows(PermissionException.class,
                    () -> readOnly.payments().create(PaymentsTest.payment("acct_bob").build()));

            assertEquals(403, error.getStatusCode());
            assertEquals("insufficient_scope", error.getCode());
            assertTrue(error.getMessage().contains("payments:write"), error.getMessage());
        }
    }

    @Test
    void status429IsRateLimitError() {
        sandbox.injectFault(Map.of("method", "GET", "path", "/v1/transactions/*", "count", 1, "status", 429,
                "retry_after", 1, "action", "respond"));

        RateLimitException error = assertThrows(RateLimitException.class,
                () -> client.transactions().retrieve(transactionId, NO_RETRIES));

        assertEquals(429, error.getStatusCode());
        assertEquals(Duration.ofSeconds(1), error.getRetryAfter().orElseThrow());
    }

    @Test
    void status503IsApiError() {
        sandbox.injectFault(Map.of("method", "GET", "path", "/v1/transactions/*", "count", 1, "status", 503,
                "action", "respond"));

        ApiException error = assertThrows(ApiException.class,
                () -> client.transactions().retrieve(transactionId, NO_RETRIES));

        assertEquals(503, error.getStatusCode());
        assertEquals("api", error.getKind());
    }

    @Test
    void closedPortIsConnectionError() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        try (RealTimeFinanceClient nowhere = RealTimeFinanceClient.builder()
                .ignoreEnvironmentVariables()
                .apiKey(sandbox.secretKey())
                .baseUrl("http://127.0.0.1:" + port)
                .build()) {
            ConnectionException error = assertThrows(ConnectionException.class,
                    () -> nowhere.transactions().retrieve(transactionId, NO_RETRIES));

            assertEquals(null, error.getStatusCode());
        }
    }

    @Test
    void slowResponseIsTimeoutError() {
        sandbox.injectFault(Map.of("method", "GET", "path", "/v1/transactions/*", "count", 1, "delay_ms", 3000,
                "action", "delay"));
        RequestOptions shortBudget = RequestOptions.builder().maxRetries(0).timeout(Duration.ofMillis(300)).build();
        long start = System.nanoTime();

        assertThrows(TimeoutException.class, () -> client.transactions().retrieve(transactionId, shortBudget));

        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(elapsedMillis < 2500, "took " + elapsedMillis + " ms");
    }

    @Test
    void setApiKeyRotatesCredential() {
        try (RealTimeFinanceClient rotating = sandbox.clientBuilder()
                .apiKey("sk_test_" + "Rr5".repeat(10))
                .build()) {
            assertThrows(AuthenticationException.class, () -> rotating.transactions().retrieve(transactionId));

            rotating.setApiKey(sandbox.secretKey());

            assertEquals(transactionId, rotating.transactions().retrieve(transactionId).getId());
        }
    }

    @Test
    void setApiKeyRejectsPublishableKey() {
        try (RealTimeFinanceClient rotating = sandbox.client()) {
            assertThrows(ConfigurationException.class, () -> rotating.setApiKey(sandbox.publishableKey()));
        }
    }

    @Test
    void closedClientRejectsCalls() {
        RealTimeFinanceClient closed = sandbox.client();
        closed.close();

        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> closed.transactions().retrieve(transactionId));

        assertTrue(error.getMessage().contains("closed"), error.getMessage());
        assertFalse(closed.toString().contains("sk_test_"));
    }
}
