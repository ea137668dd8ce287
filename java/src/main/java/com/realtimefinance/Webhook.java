package com.realtimefinance;

import com.realtimefinance.internal.NativeFunctions;
import com.realtimefinance.internal.NativeLibrary;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Verifies webhook deliveries (Standard Webhooks scheme: {@code webhook-id},
 * {@code webhook-timestamp} and {@code webhook-signature} headers) in the
 * SDK core, before anything in the payload is parsed. Thread-safe.
 */
public final class Webhook {
    private Webhook() {}

    /**
     * Verifies a delivery and returns its event.
     *
     * @param payload the raw request body, exactly as received
     * @param headers the request headers; names are matched case-insensitively
     * @param secret the endpoint's {@code whsec_} signing secret
     * @param tolerance how far the delivery's timestamp may be from the local
     *     clock, in either direction; {@code null} keeps the core's default of 5 minutes
     * @throws WebhookSignatureException for a missing or malformed header, a
     *     timestamp outside the tolerance, or no matching signature
     * @throws ConfigurationException for a secret that is not {@code whsec_} followed by base64
     */
    public static Event verify(byte[] payload, Map<String, String> headers, String secret, Duration tolerance) {
        return verify(payload, headers, List.of(Objects.requireNonNull(secret, "secret")), tolerance);
    }

    /** Like {@link #verify(byte[], Map, String, Duration)} for a body held as a string, encoded as UTF-8. */
    public static Event verify(String payload, Map<String, String> headers, String secret, Duration tolerance) {
        return verify(payload.getBytes(StandardCharsets.UTF_8), headers, secret, tolerance);
    }

    /** Like {@link #verify(byte[], Map, String, Duration)} with the default tolerance. */
    public static Event verify(byte[] payload, Map<String, String> headers, String secret) {
        return verify(payload, headers, secret, null);
    }

    /**
     * Like {@link #verify(byte[], Map, String, Duration)}, accepting a
     * signature made with any of {@code secrets}, as during a secret rotation.
     */
    public static Event verify(byte[] payload, Map<String, String> headers, List<String> secrets, Duration tolerance) {
        Objects.requireNonNull(payload, "payload");
        Map<String, String> headersCopy = Map.copyOf(headers);
        List<String> secretsCopy = List.copyOf(secrets);
        NativeLibrary.ensureLoaded();
        return Errors.call(() -> Event.fromNative(
                NativeFunctions.verifyWebhook(payload, headersCopy, secretsCopy, tolerance)));
    }
}
