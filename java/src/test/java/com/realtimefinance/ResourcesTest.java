package com.realtimefinance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Fraud assessments, events and webhook endpoints. */
class ResourcesTest {
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

    private static CreateFraudAssessmentParams.Builder assessment(String source) {
        return CreateFraudAssessmentParams.builder()
                .amount(2500)
                .currency("EUR")
                .sourceAccount(source)
                .destinationAccount("acct_bob");
    }

    @Test
    void fraudApprovesOrdinaryPayment() {
        FraudAssessment result = client.fraud().assess(assessment("acct_java_fraud_ok").build());

        assertTrue(result.getId().startsWith("fa_"), result.getId());
        assertEquals("fraud_assessment", result.getObject());
        assertEquals(FraudDecision.APPROVE, result.getDecision());
        assertTrue(result.getRiskScore() < 40, "risk score " + result.getRiskScore());
    }

    @Test
    void fraudDeclinesTestAccount() throws Exception {
        FraudAssessment result = client.fraud().assessAsync(assessment("acct_fraud_decline").build())
                .get(30, TimeUnit.SECONDS);

        assertEquals(FraudDecision.DECLINE, result.getDecision());
        assertTrue(result.getRiskScore() >= 75, "risk score " + result.getRiskScore());
        assertFalse(result.getReasons().isEmpty());
    }

    @Test
    void fraudMissingCurrencyNamesParam() {
        InvalidRequestException error = assertThrows(InvalidRequestException.class,
                () -> client.fraud().assess(CreateFraudAssessmentParams.builder()
                        .amount(10)
                        .sourceAccount("acct_alice")
                        .destinationAccount("acct_bob")
                        .build()));

        assertEquals("currency", error.getParam());
    }

    @Test
    void eventsIncludeCreatedPayment() {
        Payment payment = client.payments().create(PaymentsTest.payment("acct_stays_pending").build());

        List<Event> events = client.events()
                .list(ListEventsParams.builder().type("payment.created").limit(20).build())
                .stream()
                .limit(40)
                .collect(Collectors.toList());

        assertTrue(events.stream().allMatch(event -> event.getType().equals("payment.created")));
        assertTrue(events.stream().allMatch(event -> event.getObject().equals("event")));
        assertTrue(events.stream().anyMatch(event -> event.getDataObjectJson().contains(payment.getId())),
                "no payment.created event for " + payment.getId());
    }

    @Test
    void webhookEndpointReturnsSecret() {
        WebhookEndpoint endpoint = client.webhookEndpoints().create(CreateWebhookEndpointParams.builder()
                .url("http://127.0.0.1:9/hooks")
                .enabledEvents(List.of("payment.succeeded"))
                .description("java test")
                .build());

        assertTrue(endpoint.getId().startsWith("we_"), endpoint.getId());
        assertEquals("webhook_endpoint", endpoint.getObject());
        assertTrue(endpoint.getSecret().startsWith("whsec_"));
        assertEquals(List.of("payment.succeeded"), endpoint.getEnabledEvents());
        assertEquals("enabled", endpoint.getStatus());
    }

    @Test
    void webhookEndpointAsyncRejectsRemoteUrl() {
        var future = client.webhookEndpoints().createAsync(CreateWebhookEndpointParams.builder()
                .url("http://hooks.invalid/hooks")
                .build());

        var error = assertThrows(java.util.concurrent.ExecutionException.class, () -> future.get(30, TimeUnit.SECONDS));

        assertTrue(error.getCause() instanceof InvalidRequestException, String.valueOf(error.getCause()));
        assertEquals("url", ((InvalidRequestException) error.getCause()).getParam());
    }
}
