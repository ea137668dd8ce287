package com.realtimefinance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Webhook verification against payloads signed by an independent Standard
 * Webhooks signer written here with the JDK's HMAC-SHA256, not the Rust core.
 */
class WebhookTest {
    private static final String PAYLOAD = "{\"id\":\"evt_java_1\",\"object\":\"event\",\"type\":\"payment.succeeded\","
            + "\"created\":1764547200,\"data\":{\"object\":{\"id\":\"pay_java_1\",\"object\":\"payment\"}}}";

    private static String secret;

    @BeforeAll
    static void readSecret() {
        secret = Sandbox.shared().webhookSecret();
    }

    /** Signs {@code "{id}.{timestamp}.{payload}"} as Standard Webhooks specifies. */
    static String sign(String secret, String id, long timestamp, String payload) {
        try {
            byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal((id + "." + timestamp + "." + payload).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> headers(String secret, String id, long timestamp, String payload) {
        return Map.of("webhook-id", id, "webhook-timestamp", Long.toString(timestamp),
                "webhook-signature", sign(secret, id, timestamp, payload));
    }

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }

    @Test
    void verifyAcceptsIndependentSignature() {
        Event event = Webhook.verify(PAYLOAD.getBytes(StandardCharsets.UTF_8),
                headers(secret, "evt_java_1", now(), PAYLOAD), secret, Duration.ofMinutes(5));

        assertEquals("evt_java_1", event.getId());
        assertEquals("payment.succeeded", event.getType());
        assertEquals(1764547200L, event.getCreated());
        assertTrue(event.getDataObjectJson().contains("pay_java_1"), event.getDataObjectJson());
    }

    @Test
    void verifyAcceptsStringPayload() {
        Event event = Webhook.verify(PAYLOAD, headers(secret, "evt_java_1", now(), PAYLOAD), secret, null);

        assertEquals("evt_java_1", event.getId());
    }

    @Test
    void headerNamesAreCaseInsensitive() {
        long timestamp = now();
        Map<String, String> headers = Map.of("Webhook-Id", "evt_java_1",
                "Webhook-Timestamp", Long.toString(timestamp),
                "Webhook-Signature", sign(secret, "evt_java_1", timestamp, PAYLOAD));

        Event event = Webhook.verify(PAYLOAD.getBytes(StandardCharsets.UTF_8), headers, secret);

        assertEquals("evt_java_1", event.getId());
    }

    @Test
    void tamperedPayloadIsRejected() {
        Map<String, String> headers = headers(secret, "evt_java_1", now(), PAYLOAD);
        String tampered = PAYLOAD.replace("pay_java_1", "pay_java_2");

        WebhookSignatureException error = assertThrows(WebhookSignatureException.class,
                () -> Webhook.verify(tampered, headers, secret, null));

        assertEquals("webhook_signature", error.getKind());
        assertFalse(error.getMessage().contains(secret.substring("whsec_".length())), error.getMessage());
    }

    @Test
    void staleTimestampIsRejected() {
        long tenMinutesAgo = now() - 600;

        assertThrows(WebhookSignatureException.class, () -> Webhook.verify(PAYLOAD,
                headers(secret, "evt_java_1", tenMinutesAgo, PAYLOAD), secret, Duration.ofMinutes(5)));
    }

    @Test
    void wideToleranceAcceptsOldTimestamp() {
        long tenMinutesAgo = now() - 600;

        Event event = Webhook.verify(PAYLOAD, headers(secret, "evt_java_1", tenMinutesAgo, PAYLOAD), secret,
                Duration.ofMinutes(15));

        assertEquals("evt_java_1", event.getId());
    }

    @Test
    void missingSignatureHeaderIsRejected() {
        Map<String, String> headers = Map.of("webhook-id", "evt_java_1", "webhook-timestamp", Long.toString(now()));

        assertThrows(WebhookSignatureException.class, () -> Webhook.verify(PAYLOAD, headers, secret, null));
    }

    @Test
    void rotatedSecretListAcceptsEither() {
        String other = "whsec_" + Base64.getEncoder().encodeToString(new byte[32]);
        long timestamp = now();

        Event event = Webhook.verify(PAYLOAD.getBytes(StandardCharsets.UTF_8),
                headers(secret, "evt_java_1", timestamp, PAYLOAD), List.of(other, secret), null);

        assertEquals("evt_java_1", event.getId());
    }

    @Test
    void malformedSecretIsConfigurationError() {
        assertThrows(ConfigurationException.class, () -> Webhook.verify(PAYLOAD,
                headers(secret, "evt_java_1", now(), PAYLOAD), "not-a-secret", null));
    }
}
