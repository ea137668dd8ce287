package com.realtimefinance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The value semantics and builders shared by every params class. */
class ParamsTest {
    @Test
    void sameFieldsAreEqual() {
        ListEventsParams first = ListEventsParams.builder().limit(5).type("payment.created").build();
        ListEventsParams second = ListEventsParams.builder().limit(5).type("payment.created").build();

        assertEquals(first, second);
        assertEquals(first.hashCode(), second.hashCode());
    }

    @Test
    void otherValueIsNotEqual() {
        ListEventsParams first = ListEventsParams.builder().limit(5).build();
        ListEventsParams second = ListEventsParams.builder().limit(6).build();

        assertNotEquals(first, second);
    }

    @Test
    void otherClassIsNotEqual() {
        ListPaymentsParams payments = ListPaymentsParams.builder().limit(5).build();
        ListEventsParams events = ListEventsParams.builder().limit(5).build();

        assertEquals(payments.fields(), events.fields());
        assertNotEquals(payments, events);
        assertFalse(payments.equals(null));
    }

    @Test
    void toStringNamesClassAndFields() {
        ListEventsParams params = ListEventsParams.builder().limit(5).type("payment.created").build();

        assertEquals("ListEventsParams{limit=5, type=payment.created}", params.toString());
    }

    @Test
    void lastValueWins() {
        CreatePaymentParams params = CreatePaymentParams.builder().currency("USD").currency("EUR").build();

        assertEquals(Map.of("currency", "EUR"), params.fields());
    }

    @Test
    void nullClearsField() {
        CreatePaymentParams bySetter = CreatePaymentParams.builder()
                .description("rent")
                .amount(2500)
                .description(null)
                .build();
        CreatePaymentParams byExtraParam = CreatePaymentParams.builder()
                .description("rent")
                .putExtraParam("description", null)
                .amount(2500)
                .build();

        assertEquals(Map.of("amount", 2500L), bySetter.fields());
        assertEquals(Map.of("amount", 2500L), byExtraParam.fields());
    }

    @Test
    void extraParamKeepsOrderAndChains() {
        CreateWebhookEndpointParams params = CreateWebhookEndpointParams.builder()
                .url("https://127.0.0.1/hook")
                .putExtraParam("api_version", "2024-01-01")
                .enabledEvents(List.of("payment.created"))
                .build();

        assertEquals(List.of("url", "api_version", "enabled_events"), List.copyOf(params.fields().keySet()));
    }

    @Test
    void extraParamRejectsNullName() {
        ListTransactionsParams.Builder builder = ListTransactionsParams.builder();

        NullPointerException error = assertThrows(NullPointerException.class,
                () -> builder.putExtraParam(null, "value"));

        assertEquals("name", error.getMessage());
    }

    @Test
    void builtParamsIgnoreLaterSets() {
        ListTransactionsParams.Builder builder = ListTransactionsParams.builder().limit(5);
        ListTransactionsParams params = builder.build();

        builder.limit(6).createdGte(1_700_000_000L);

        assertEquals(Map.of("limit", 5), params.fields());
    }

    @Test
    void fieldsAreUnmodifiable() {
        CreateFraudAssessmentParams params = CreateFraudAssessmentParams.builder().amount(100).build();

        assertThrows(UnsupportedOperationException.class, () -> params.fields().put("amount", 1L));
    }

    @Test
    void extraParamNullReachesCoreAsMissing() {
        try (RealTimeFinanceClient client = Sandbox.shared().client()) {
            CreateFraudAssessmentParams params = CreateFraudAssessmentParams.builder()
                    .amount(2500)
                    .currency("EUR")
                    .sourceAccount("acct_java_params")
                    .destinationAccount("acct_bob")
                    .putExtraParam("currency", null)
                    .build();

            InvalidRequestException error = assertThrows(InvalidRequestException.class,
                    () -> client.fraud().assess(params));

            assertEquals("currency", error.getParam());
        }
    }
}
