package com.realtimefinance;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** No secret in any toString, exception message or log record. */
class RedactionTest {
    private static Sandbox sandbox;

    private final List<String> logLines = new ArrayList<>();
    private final Logger logger = Logger.getLogger("realtime_finance");
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (logLines) {
                logLines.add(new java.util.logging.SimpleFormatter().formatMessage(record));
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeAll
    static void startSandbox() {
        sandbox = Sandbox.shared();
    }

    @BeforeEach
    void captureLogs() {
        capture.setLevel(Level.ALL);
        logger.addHandler(capture);
    }

    @AfterEach
    void stopCapture() {
        logger.removeHandler(capture);
        sandbox.clearFaults();
    }

    private void assertNotLogged(String secret) {
        synchronized (logLines) {
            for (String line : logLines) {
                assertFalse(line.contains(secret), "secret in log line: " + line.replace(secret, "<SECRET>"));
            }
        }
    }

    @Test
    void builderToStringHidesKey() {
        RealTimeFinanceClient.Builder builder = sandbox.clientBuilder().apiKey(sandbox.secretKey());

        String text = builder.toString();

        assertFalse(text.contains(sandbox.secretKey()), text);
        assertTrue(text.contains("sk_test_[REDACTED]"), text);
    }

    @Test
    void builderToStringHidesClientSecret() {
        RealTimeFinanceClient.Builder builder = sandbox.clientBuilder()
                .oauthClientCredentials(sandbox.clientId(), sandbox.clientSecret());

        assertFalse(builder.toString().contains(sandbox.clientSecret()), builder.toString());
    }

    @Test
    void webhookEndpointToStringHidesSecret() {
        try (RealTimeFinanceClient client = sandbox.client()) {
            WebhookEndpoint endpoint = client.webhookEndpoints().create(CreateWebhookEndpointParams.builder()
                    .url("http://127.0.0.1:9/redaction").build());

            assertFalse(endpoint.toString().contains(endpoint.getSecret()), endpoint.toString());
            assertTrue(endpoint.toString().contains("whsec_[REDACTED]"), endpoint.toString());
        }
    }

    @Test
    void rejectedKeyNotInMessageOrLog() {
        String key = "sk_test_" + "Qx7".repeat(10);
        try (RealTimeFinanceClient client = sandbox.clientBuilder().apiKey(key).build()) {
            AuthenticationException error = assertThrows(AuthenticationException.class,
                    () -> client.transactions().list().iterator().next());

            assertFalse(error.getMessage().contains(key), error.getMessage());
            assertFalse(error.toString().contains(key), error.toString());
        }
        assertNotLogged(key);
    }

    /** Token fetches and retries are logged by the core; neither may carry the client secret or token. */
    @Test
    void oauthAndRetriesLogNoSecret() {
        JsonNode credentials = sandbox.createOauthClient(3600, "transactions:read");
        String clientSecret = credentials.get("client_secret").asText();
        sandbox.injectFault(java.util.Map.of("method", "GET", "path", "/v1/transactions", "count", 1,
                "status", 503, "action", "respond"));
        try (RealTimeFinanceClient client = sandbox.clientBuilder()
                .oauthClientCredentials(credentials.get("client_id").asText(), clientSecret)
                .build()) {
            client.transactions().list(ListTransactionsParams.builder().limit(1).build()).iterator().next();
        }

        synchronized (logLines) {
            assertFalse(logLines.isEmpty(), "the core logged nothing at debug level");
        }
        assertNotLogged(clientSecret);
        assertNotLogged(sandbox.secretKey());
    }
}
