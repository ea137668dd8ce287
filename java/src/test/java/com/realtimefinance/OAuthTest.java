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
     * request for all of them. The core refreshes a token a tenth of its
     * lifetime (at least 1 s) plus 1 s before it expires, but at most half
     * its lifetime before: 2 s early for a 10 s token. So the first token
     * is due after 8 s, and the burst then has 8 s until the new token is
     * due too. A shorter lifetime would shorten both waits, and a burst on
     * a loaded 2-core machine can outlast a 2 s window.
     */
    @Test
    void burstAtExpiryMakesOneTokenRequest() throws Exception {
        JsonNode credentials = sandbox.createOauthClient(10, "transactions:read");
        String clientId = credentials.get("client_id").asText();
        ExecutorService threads = Executors.newFixedThreadPool(64);
        try (RealTimeFinanceClient client = oauthClient(credentials)) {
            client.transactions().retrieve(transactionId);
            Thread.sleep(8200);
            long before = tokenRequests(clientId);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Transaction>> blocking = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                blocking.add(threads.submit(() -> {
                    start.await();
                    return client.transactions().retrieve(transactionId);
                }));
            }

            long burstStart = System.nanoTime();
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
            long burstMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - burstStart);

            assertEquals(before + 1, tokenRequests(clientId),
                    "token requests during a burst of " + burstMillis + " ms (the new token is due after 8000 ms)");
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
