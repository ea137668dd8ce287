package com.realtimefinance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PaymentsTest {
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

    static CreatePaymentParams.Builder payment(String destination) {
        return CreatePaymentParams.builder()
                .amount(2500)
                .currency("EUR")
                .sourceAccount("acct_alice")
                .destinationAccount(destination);
    }

    @Test
    void createReturnsPendingPayment() {
        Payment created = client.payments().create(payment("acct_bob")
                .description("Invoice 42")
                .metadata(Map.of("order", "42"))
                .build());

        assertTrue(created.getId().startsWith("pay_"), created.getId());
        assertEquals("payment", created.getObject());
        assertEquals(2500, created.getAmount());
        assertEquals(PaymentStatus.PENDING, created.getStatus());
        assertEquals("Invoice 42", created.getDescription());
        assertEquals(Map.of("order", "42"), created.getMetadata());
        assertNull(created.getCanceledAt());
    }

    @Test
    void retrieveMatchesCreated() {
        Payment created = client.payments().create(payment("acct_stays_pending").build());

        Payment fetched = client.payments().retrieve(created.getId());

        assertEquals(created, fetched);
    }

    @Test
    void insufficientFundsFails() {
        Payment created = client.payments().create(CreatePaymentParams.builder()
                .amount(100)
                .currency("EUR")
                .sourceAccount("acct_insufficient_funds")
                .destinationAccount("acct_bob")
                .build());

        assertEquals(PaymentStatus.FAILED, created.getStatus());
        assertEquals("insufficient_funds", created.getFailureCode());
    }

    @Test
    void cancelPendingPayment() {
        Payment created = client.payments().create(payment("acct_stays_pending").build());

        Payment canceled = client.payments().cancel(created.getId());

        assertEquals(PaymentStatus.CANCELED, canceled.getStatus());
        assertNotNull(canceled.getCanceledAt());
    }

    @Test
    void cancelTwiceIsConflict() {
        Payment created = client.payments().create(payment("acct_stays_pending").build());
        client.payments().cancel(created.getId());

        ConflictException error = assertThrows(ConflictException.class,
                () -> client.payments().cancel(created.getId()));

        assertEquals(409, error.getStatusCode());
        assertEquals("payment_not_cancelable", error.getCode());
    }

    @Test
    void asyncTwinsComplete() throws Exception {
        Payment created = client.payments().createAsync(payment("acct_stays_pending").build())
                .get(30, TimeUnit.SECONDS);

        Payment fetched = client.payments().retrieveAsync(created.getId()).get(30, TimeUnit.SECONDS);
        Payment canceled = client.payments().cancelAsync(created.getId()).get(30, TimeUnit.SECONDS);

        assertEquals(created, fetched);
        assertEquals(PaymentStatus.CANCELED, canceled.getStatus());
    }

    @Test
    void sameIdempotencyKeyReplays() {
        String key = "java-replay-" + UUID.randomUUID();
        CreatePaymentParams params = payment("acct_bob").build();
        long replaysBefore = sandbox.stats().get("idempotent_replays").asLong();

        Payment first = client.payments().create(params, RequestOptions.idempotencyKey(key));
        Payment second = client.payments().create(params, RequestOptions.idempotencyKey(key));

        assertEquals(first.getId(), second.getId());
        assertEquals(replaysBefore + 1, sandbox.stats().get("idempotent_replays").asLong());
    }

    @Test
    void reusedKeyWithOtherBodyIsConflict() {
        String key = "java-reuse-" + UUID.randomUUID();
        client.payments().create(payment("acct_bob").build(), RequestOptions.idempotencyKey(key));

        ConflictException error = assertThrows(ConflictException.class, () -> client.payments()
                .create(payment("acct_bob").amount(2600).build(), RequestOptions.idempotencyKey(key)));

        assertEquals("idempotency_key_reused", error.getCode());
        assertEquals("conflict", error.getKind());
    }

    @Test
    void negativeAmountNamesParam() {
        InvalidRequestException error = assertThrows(InvalidRequestException.class,
                () -> client.payments().create(payment("acct_bob").amount(-5).build()));

        assertEquals("amount", error.getParam());
    }

    @Test
    void missingCurrencyNamesParam() {
        InvalidRequestException error = assertThrows(InvalidRequestException.class,
                () -> client.payments().create(CreatePaymentParams.builder()
                        .amount(100)
                        .sourceAccount("acct_alice")
                        .destinationAccount("acct_bob")
                        .build()));

        assertEquals("currency", error.getParam());
    }

    @Test
    void listFiltersByStatus() {
        client.payments().create(payment("acct_stays_pending").build());

        var items = client.payments()
                .list(ListPaymentsParams.builder().status(PaymentStatus.PENDING).limit(5).build())
                .stream()
                .limit(12)
                .collect(Collectors.toList());

        assertTrue(items.size() >= 1, "items: " + items.size());
        for (Payment item : items) {
            assertEquals(PaymentStatus.PENDING, item.getStatus(), item.getId());
        }
    }
}
