package com.realtimefinance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Retries with injected faults; the idempotency key keeps them from creating a second payment. */
class RetriesTest {
    private static Sandbox sandbox;
    private static RealTimeFinanceClient client;

    @BeforeAll
    static void startClient() {
        sandbox = Sandbox.shared();
        client = sandbox.client();
    }

    @AfterAll
    static void closeClient() {
        client.close();
    }

    @AfterEach
    void clearFaults() {
        sandbox.clearFaults();
    }

    private static long paymentPosts(JsonNode stats) {
        return stats.get("requests").path("POST /v1/payments").asLong(0);
    }

    @Test
    void retriesPastTwo503s() {
        sandbox.injectFault(Map.of("method", "POST", "path", "/v1/payments", "count", 2, "status", 503,
                "retry_after", 1, "action", "respond"));
        JsonNode before = sandbox.stats();

        Payment payment = client.payments().create(PaymentsTest.payment("acct_bob").build());

        JsonNode after = sandbox.stats();
        assertTrue(payment.getId().startsWith("pay_"), payment.getId());
        assertEquals(3, paymentPosts(after) - paymentPosts(before));
        assertEquals(1, after.get("payments_created").asLong() - before.get("payments_created").asLong());
    }

    @Test
    void droppedResponseCreatesOnePayment() {
        sandbox.injectFault(Map.of("method", "POST", "path", "/v1/payments", "count", 1,
                "action", "drop_after_processing"));
        JsonNode before = sandbox.stats();

        Payment payment = client.payments().create(PaymentsTest.payment("acct_bob").build(),
                RequestOptions.idempotencyKey("java-drop-" + UUID.randomUUID()));

        JsonNode after = sandbox.stats();
        assertTrue(payment.getId().startsWith("pay_"), payment.getId());
        assertEquals(1, after.get("payments_created").asLong() - before.get("payments_created").asLong());
        assertEquals(1, after.get("idempotent_replays").asLong() - before.get("idempotent_replays").asLong());
    }

    @Test
    void generatedKeyAlsoPreventsDuplicate() {
        sandbox.injectFault(Map.of("method", "POST", "path", "/v1/payments", "count", 1,
                "action", "drop_after_processing"));
        JsonNode before = sandbox.stats();

        client.payments().create(PaymentsTest.payment("acct_bob").build());

        JsonNode after = sandbox.stats();
        assertEquals(1, after.get("payments_created").asLong() - before.get("payments_created").asLong());
    }

    @Test
    void maxRetriesZeroSurfacesFault() {
        sandbox.injectFault(Map.of("method", "POST", "path", "/v1/payments", "count", 1, "status", 503,
                "action", "respond"));
        JsonNode before = sandbox.stats();

        ApiException error = org.junit.jupiter.api.Assertions.assertThrows(ApiException.class, () -> client.payments()
                .create(PaymentsTest.payment("acct_bob").build(), RequestOptions.builder().maxRetries(0).build()));

        JsonNode after = sandbox.stats();
        assertEquals(503, error.getStatusCode());
        assertEquals(1, paymentPosts(after) - paymentPosts(before));
        assertEquals(0, after.get("payments_created").asLong() - before.get("payments_created").asLong());
    }
}
