package com.realtimefinance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Equality of result objects, which compares the arrays that {@code fieldValues()} returns. */
class ApiObjectTest {
    private static Payment payment(String description) {
        return new Payment("payment", "pay_1", 2500, "EUR", PaymentStatus.FAILED, "acct_alice", "acct_bob",
                description, Map.of("order", "42"), "insufficient_funds", 1_700_000_000L, 1_700_000_100L);
    }

    /** Returns one object of every result class, with each field set to a value that no other field has. */
    private static List<ApiObject> samples() {
        return List.of(
                payment("rent"),
                new Transaction("transaction", "txn_1", 2500, "EUR", TransactionStatus.POSTED,
                        TransactionDirection.DEBIT, "acct_alice", "acct_bob", "rent", 1_700_000_000L),
                new FraudAssessment("fraud_assessment", "fa_1", 80, FraudDecision.DECLINE,
                        List.of(new FraudReason("large_amount", "Amount is large")), 2500, "EUR", "acct_alice",
                        "acct_bob", "pay_1", 1_700_000_000L),
                new FraudReason("large_amount", "Amount is large"),
                new WebhookEndpoint("webhook_endpoint", "we_1", "https://127.0.0.1/hook", List.of("*"), "hook",
                        "whsec_test", "enabled", 1_700_000_000L),
                new Event("event", "evt_1", "payment.created", 1_700_000_000L, "{\"object\":\"payment\"}"));
    }

    private static List<Object> declaredFieldValues(Object value) throws IllegalAccessException {
        List<Object> values = new ArrayList<>();
        for (Field field : value.getClass().getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            field.setAccessible(true);
            values.add(field.get(value));
        }
        return values;
    }

    @Test
    void fieldValuesListEveryField() throws IllegalAccessException {
        for (ApiObject sample : samples()) {
            assertEquals(declaredFieldValues(sample), Arrays.asList(sample.fieldValues()),
                    sample.getClass().getSimpleName());
        }
    }

    @Test
    void equalFieldsAreEqual() {
        List<ApiObject> samples = samples();
        List<ApiObject> copies = samples();

        for (int i = 0; i < samples.size(); i++) {
            String name = samples.get(i).getClass().getSimpleName();
            assertNotSame(samples.get(i), copies.get(i), name);
            assertEquals(samples.get(i), copies.get(i), name);
            assertEquals(samples.get(i).hashCode(), copies.get(i).hashCode(), name);
        }
    }

    @Test
    void otherClassIsNotEqual() {
        FraudReason reason = new FraudReason("large_amount", "Amount is large");
        ApiObject lookalike = new ApiObject() {
            @Override
            Object[] fieldValues() {
                return new Object[] {"large_amount", "Amount is large"};
            }
        };

        assertNotEquals(reason, lookalike);
        assertNotEquals(lookalike, reason);
        assertNotEquals(reason, null);
    }

    @Test
    void oneFieldDiffersNotEqual() {
        Payment payment = payment("rent");

        assertNotEquals(payment, payment("deposit"));
        assertNotEquals(payment, payment(null));
    }

    @Test
    void nullFieldsAreEqual() {
        assertEquals(payment(null), payment(null));
    }
}
