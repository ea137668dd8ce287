package com.realtimefinance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** OAuth client credentials with short-lived tokens from the sandbox. */
class OAuthTest {
    private static Sandbox sandbox;
    private static String transactionId;

    @BeforeAll
    static void findTransaction() {
        sandbox = Sandbox.shared();
        try (RealTimeFinanceClient client = sandbox.client()) {
            transactionId = client.transactions().list(ListTransactionsParams.builder().limit(1).build())
                    .iterator().next().getId();
        }
    }

    @AfterAll
    static void clearFaults() {
        sandbox.clearFaults();
    }

    private static long tokenRequests(String clientId) {
        return sandbox.stats().get("token_requests_by_client").path(clientId).asLong(0);
    }

    private static RealTimeFinanceClient oauthClient(JsonNode credentials) {
        return sandbox.clientBuilder()
                .oauthClientCredentials(credentials.get("client_id").asText(),
                        credentials.get("client_secret").asText(), "transactions:read")
                .build();
    }

    @Test
    void tokenIsCachedBetweenCalls() {
        JsonNode credentials = sandbox.createOauthClient(3600, "transactions:read");
        try (RealTimeFinanceClient client = oauthClient(credentials)) {
            for (int i = 0; i < 5; i++) {
                client.transactions().retrieve(transactionId);
            }
        }

        assertEquals(1, tokenRequests(credentials.get("client_id").asText()));
    }

    @Test
    void expiredTokenIsRefreshed() throws InterruptedException {
        JsonNode credentials = sandbox.createOauthClient(2, "transactions:read");
        String clientId = credentials.get("client_id").asText();
        try (RealTimeFinanceClient client = oauthClient(credentials)) {
            client.transactions().retrieve(transactionId);
            Thread.sleep(2500);

            Transaction fetched = client.transactions().retrieve(transactionId);

            assertEquals(transactionId, fetched.getId());
        }
        assertEquals(2, tokenRequests(clientId));
    }

    /**
     * 64 blocking threads and 200 futures all call right after the cached
     * token reaches its refresh time, and the core must send one token
     * request for all of them. The core refreshes a 4 s token 2 s before it
     * expires, so the burst has about 2 s before a second refresh is due.
     */
    @Test
    void burstAtExpiryMakesOneTokenRequest() throws Exception {
        JsonNode credentials = sandbox.createOauthClient(4, "transactions:read");
        String clientId = credentials.get("client_id").asText();
        ExecutorService threads = Executors.newFixedThreadPool(64);
        try (RealTimeFinanceClient client = oauthClient(credentials)) {
            client.transactions().retrieve(transactionId);
            Thread.sleep(2200);
            long before = tokenRequests(clientId);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Transaction>> blocking = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                blocking.add(threads.submit(() -> {
                    start.await();
                    return client.transactions().retrieve(transactionId);
                }));
            }

            start.countDown();
            List<CompletableFuture<Transaction>> futures = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                futures.add(client.transactions().retrieveAsync(transactionId));
            }
            for (Future<Transaction> result : blocking) {
                assertEquals(transactionId, result.get(60, TimeUnit.SECONDS).getId());
            }
            for (CompletableFuture<Transaction> result : futures) {
                assertEquals(transactionId, result.get(60, TimeUnit.SECONDS).getId());
            }

            assertEquals(before + 1, tokenRequests(clientId));
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void wrongSecretIsAuthenticationError() {
        try (RealTimeFinanceClient client = sandbox.clientBuilder()
                .oauthClientCredentials(sandbox.clientId(), "wrong-secret")
                .build()) {
            AuthenticationException error = assertThrows(AuthenticationException.class,
                    () -> client.transactions().retrieve(transactionId));

            assertEquals("invalid_client", error.getCode());
            assertTrue(!error.getMessage().contains("wrong-secret"), error.getMessage());
        }
    }

    @Test
    void clientSecretPostWorks() {
        JsonNode credentials = sandbox.createOauthClient(3600, "transactions:read");
        try (RealTimeFinanceClient client = sandbox.clientBuilder()
                .oauthClientCredentials(credentials.get("client_id").asText(),
                        credentials.get("client_secret").asText())
                .clientAuthMethod(ClientAuthMethod.CLIENT_SECRET_POST)
                .build()) {
            assertEquals(transactionId, client.transactions().retrieve(transactionId).getId());
        }
    }
}
