package com.realtimefinance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the cross-language scenarios of {@code tests/conformance/scenarios.json}
 * through the Java SDK's public API. The file's README describes the format.
 */
class ConformanceTest {
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]+)}");
    private static final Map<String, Class<? extends RealTimeFinanceException>> ERROR_CLASSES = Map.ofEntries(
            Map.entry("configuration", ConfigurationException.class),
            Map.entry("authentication", AuthenticationException.class),
            Map.entry("permission", PermissionException.class),
            Map.entry("invalid_request", InvalidRequestException.class),
            Map.entry("not_found", NotFoundException.class),
            Map.entry("conflict", ConflictException.class),
            Map.entry("rate_limit", RateLimitException.class),
            Map.entry("api", ApiException.class),
            Map.entry("connection", ConnectionException.class),
            Map.entry("timeout", TimeoutException.class),
            Map.entry("webhook_signature", WebhookSignatureException.class));

    private static Sandbox sandbox;
    private static final String RUN_ID = UUID.randomUUID().toString();

    @BeforeAll
    static void startSandbox() {
        sandbox = Sandbox.shared();
    }

    @TestFactory
    Stream<DynamicTest> scenarios() throws IOException {
        Path file = Path.of(System.getProperty("rtf.workspace.dir", ".."), "tests", "conformance", "scenarios.json");
        JsonNode scenarios = Sandbox.JSON.readTree(file.toFile()).get("scenarios");
        return StreamSupport.stream(scenarios.spliterator(), false)
                .map(scenario -> DynamicTest.dynamicTest(scenario.get("name").asText(), () -> run(scenario)));
    }

    private static void run(JsonNode scenario) {
        Map<String, JsonNode> saved = new HashMap<>();
        JsonNode statsBefore = scenario.has("expect_stats_delta") ? sandbox.stats() : null;
        RealTimeFinanceClient client = null;
        RealTimeFinanceException buildError = null;
        try {
            client = buildClient(scenario.get("credential"));
        } catch (RealTimeFinanceException e) {
            buildError = e;
        }
        try {
            for (JsonNode fault : scenario.path("faults")) {
                sandbox.admin("POST", "/_sandbox/faults", fault);
            }
            for (JsonNode step : scenario.get("steps")) {
                if (buildError != null) {
                    // The client could not be built: the first step's expected
                    // error must describe that failure, and no step can run.
                    checkError(step, buildError);
                    break;
                }
                runStep(client, step, saved);
            }
        } finally {
            sandbox.clearFaults();
            if (client != null) {
                client.close();
            }
        }
        if (statsBefore != null) {
            checkStatsDelta(scenario.get("expect_stats_delta"), statsBefore, sandbox.stats());
        }
    }

    private static RealTimeFinanceClient buildClient(JsonNode credential) {
        RealTimeFinanceClient.Builder builder = sandbox.clientBuilder();
        if (credential.isObject()) {
            List<String> scopes = new ArrayList<>();
            credential.get("scopes").forEach(scope -> scopes.add(scope.asText()));
            return builder.apiKey(sandbox.createKey(scopes.toArray(new String[0]))).build();
        }
        switch (credential.asText()) {
            case "secret_key":
                return builder.apiKey(sandbox.secretKey()).build();
            case "publishable_key":
                return builder.apiKey(sandbox.publishableKey()).build();
            case "oauth":
                return builder.oauthClientCredentials(sandbox.clientId(), sandbox.clientSecret()).build();
            case "oauth_wrong_secret":
                return builder.oauthClientCredentials(sandbox.clientId(), "wrong-secret").build();
            default:
                throw new IllegalArgumentException("unknown credential in scenarios.json: " + credential);
        }
    }

    private static void runStep(RealTimeFinanceClient client, JsonNode step, Map<String, JsonNode> saved) {
        String call = step.get("call").asText();
        JsonNode args = substitute(step.get("args"), saved);
        Object result = null;
        RealTimeFinanceException error = null;
        try {
            result = call(client, call, args);
        } catch (RealTimeFinanceException e) {
            error = e;
        }

        if (step.has("expect_error")) {
            checkError(step, error);
            return;
        }
        assertNull(error, () -> call + " failed: " + step);
        JsonNode resultNode = Sandbox.JSON.valueToTree(result);
        checkResult(call, substitute(step, saved), resultNode);
        if (step.has("save_as")) {
            saved.put(step.get("save_as").asText(), resultNode);
        }
    }

    private static Object call(RealTimeFinanceClient client, String call, JsonNode args) {
        RequestOptions.Builder options = RequestOptions.builder();
        if (args.has("max_retries")) {
            options.maxRetries(args.get("max_retries").asInt());
        }
        if (args.has("idempotency_key")) {
            options.idempotencyKey(args.get("idempotency_key").asText());
        }
        RequestOptions requestOptions = options.build();
        JsonNode params = args.path("params");
        int maxItems = args.path("max_items").asInt(Integer.MAX_VALUE);
        switch (call) {
            case "transactions.retrieve":
                return Wire.of(client.transactions().retrieve(args.get("id").asText(), requestOptions));
            case "transactions.list": {
                ListTransactionsParams.Builder builder = ListTransactionsParams.builder();
                fields(params).forEach(builder::putExtraParam);
                return take(client.transactions().list(builder.build(), requestOptions).iterator(), maxItems, Wire::of);
            }
            case "payments.create": {
                CreatePaymentParams.Builder builder = CreatePaymentParams.builder();
                fields(params).forEach(builder::putExtraParam);
                return Wire.of(client.payments().create(builder.build(), requestOptions));
            }
            case "payments.retrieve":
                return Wire.of(client.payments().retrieve(args.get("id").asText(), requestOptions));
            case "payments.cancel":
                return Wire.of(client.payments().cancel(args.get("id").asText(), requestOptions));
            case "payments.list": {
                ListPaymentsParams.Builder builder = ListPaymentsParams.builder();
                fields(params).forEach(builder::putExtraParam);
                return take(client.payments().list(builder.build(), requestOptions).iterator(), maxItems, Wire::of);
            }
            case "fraud.assess": {
                CreateFraudAssessmentParams.Builder builder = CreateFraudAssessmentParams.builder();
                fields(params).forEach(builder::putExtraParam);
                return Wire.of(client.fraud().assess(builder.build(), requestOptions));
            }
            case "events.list": {
                ListEventsParams.Builder builder = ListEventsParams.builder();
                fields(params).forEach(builder::putExtraParam);
                return take(client.events().list(builder.build(), requestOptions).iterator(), maxItems, Wire::of);
            }
            case "webhook_endpoints.create": {
                CreateWebhookEndpointParams.Builder builder = CreateWebhookEndpointParams.builder();
                fields(params).forEach(builder::putExtraParam);
                return Wire.of(client.webhookEndpoints().create(builder.build(), requestOptions));
            }
            case "webhook.verify":
                return verifyWebhook(args);
            default:
                throw new IllegalArgumentException("unknown call in scenarios.json: " + call);
        }
    }

    private static Map<String, Object> verifyWebhook(JsonNode args) {
        String payload = args.get("payload").asText();
        List<String> secrets = new ArrayList<>();
        args.get("secrets").forEach(secret -> secrets.add(secret.asText()));
        Duration tolerance = args.has("tolerance")
                ? Duration.ofMillis(Math.round(args.get("tolerance").asDouble() * 1000))
                : null;
        Map<String, String> headers = new LinkedHashMap<>();
        if (args.has("sign")) {
            JsonNode sign = args.get("sign");
            long timestamp = System.currentTimeMillis() / 1000 + sign.path("timestamp_offset").asLong(0);
            String signedPayload = sign.has("payload") ? sign.get("payload").asText() : payload;
            headers.putAll(WebhookTest.headers(sign.get("secret").asText(), sign.get("id").asText(), timestamp,
                    signedPayload));
        } else {
            args.get("headers").fields().forEachRemaining(entry -> headers.put(entry.getKey(), entry.getValue().asText()));
        }
        return Wire.of(Webhook.verify(payload.getBytes(StandardCharsets.UTF_8), headers, secrets, tolerance));
    }

    private static Map<String, Object> fields(JsonNode params) {
        Map<String, Object> fields = new LinkedHashMap<>();
        params.fields().forEachRemaining(entry ->
                fields.put(entry.getKey(), Sandbox.JSON.convertValue(entry.getValue(), Object.class)));
        return fields;
    }

    private static <T> List<Map<String, Object>> take(Iterator<T> items, int maxItems,
            java.util.function.Function<T, Map<String, Object>> wire) {
        List<Map<String, Object>> elements = new ArrayList<>();
        while (elements.size() < maxItems && items.hasNext()) {
            elements.add(wire.apply(items.next()));
        }
        return elements;
    }

    private static void checkError(JsonNode step, RealTimeFinanceException error) {
        JsonNode expected = step.get("expect_error");
        if (expected == null) {
            fail(step.get("call").asText() + " failed without an expected error: " + error);
        }
        assertNotNull(error, () -> step.get("call").asText() + " succeeded but expected " + expected);
        String kind = expected.get("kind").asText();
        assertEquals(ERROR_CLASSES.get(kind), error.getClass(), error.toString());
        assertEquals(kind, error.getKind());
        if (expected.has("http_status")) {
            assertEquals(expected.get("http_status").asInt(), error.getStatusCode(), error.toString());
        }
        if (expected.has("code")) {
            assertEquals(expected.get("code").asText(), error.getCode(), error.toString());
        }
        if (expected.has("param")) {
            String param = error instanceof InvalidRequestException
                    ? ((InvalidRequestException) error).getParam()
                    : error instanceof NotFoundException ? ((NotFoundException) error).getParam() : null;
            assertEquals(expected.get("param").asText(), param, error.toString());
        }
    }

    private static void checkResult(String call, JsonNode step, JsonNode result) {
        step.path("expect").fields().forEachRemaining(entry ->
                assertSameValue(entry.getValue(), result.get(entry.getKey()), call + " field " + entry.getKey()));
        step.path("expect_prefix").fields().forEachRemaining(entry -> {
            JsonNode actual = result.get(entry.getKey());
            assertNotNull(actual, call + " field " + entry.getKey() + " is missing");
            assertTrue(actual.asText().startsWith(entry.getValue().asText()),
                    call + " field " + entry.getKey() + " should start with " + entry.getValue());
        });
        if (step.has("expect_count")) {
            assertEquals(step.get("expect_count").asInt(), result.size(), call + " element count");
        }
        if (step.has("expect_min_count")) {
            assertTrue(result.size() >= step.get("expect_min_count").asInt(), call + " returned " + result.size());
        }
        if (step.has("expect_all")) {
            for (JsonNode element : result) {
                step.get("expect_all").fields().forEachRemaining(entry -> assertSameValue(entry.getValue(),
                        element.get(entry.getKey()), call + " element " + element.get("id") + " field " + entry.getKey()));
            }
        }
        if (step.has("expect_unique")) {
            String field = step.get("expect_unique").asText();
            Set<String> seen = new HashSet<>();
            for (JsonNode element : result) {
                assertTrue(seen.add(element.get(field).asText()), call + " repeated " + field + " " + element.get(field));
            }
        }
    }

    private static void checkStatsDelta(JsonNode expected, JsonNode before, JsonNode after) {
        for (String counter : List.of("payments_created", "idempotent_replays")) {
            if (expected.has(counter)) {
                assertEquals(expected.get(counter).asLong(), after.get(counter).asLong() - before.get(counter).asLong(),
                        counter + " delta");
            }
        }
        expected.path("requests").fields().forEachRemaining(entry -> {
            String route = entry.getKey();
            long delta = after.get("requests").path(route).asLong(0) - before.get("requests").path(route).asLong(0);
            assertEquals(entry.getValue().asLong(), delta, "requests to " + route);
        });
    }

    /** Numbers compare by value, so 2500 as int and as long are the same. */
    private static void assertSameValue(JsonNode expected, JsonNode actual, String description) {
        assertNotNull(actual, description + " is missing");
        if (expected.isNumber() && actual.isNumber()) {
            assertEquals(0, expected.decimalValue().compareTo(actual.decimalValue()), description + ": " + actual);
        } else {
            assertEquals(expected, actual, description);
        }
    }

    /** Replaces {@code ${name.path}} references with saved values and {@code ${run_id}}. */
    private static JsonNode substitute(JsonNode node, Map<String, JsonNode> saved) {
        if (node == null) {
            return Sandbox.JSON.createObjectNode();
        }
        if (node.isTextual()) {
            String text = node.asText();
            Matcher whole = REFERENCE.matcher(text);
            if (whole.matches()) {
                return resolve(whole.group(1), saved);
            }
            Matcher matcher = REFERENCE.matcher(text);
            StringBuilder out = new StringBuilder();
            while (matcher.find()) {
                matcher.appendReplacement(out, Matcher.quoteReplacement(resolve(matcher.group(1), saved).asText()));
            }
            matcher.appendTail(out);
            return TextNode.valueOf(out.toString());
        }
        if (node.isObject()) {
            ObjectNode copy = Sandbox.JSON.createObjectNode();
            node.fields().forEachRemaining(entry -> copy.set(entry.getKey(), substitute(entry.getValue(), saved)));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = Sandbox.JSON.createArrayNode();
            node.forEach(element -> copy.add(substitute(element, saved)));
            return copy;
        }
        return node;
    }

    private static JsonNode resolve(String reference, Map<String, JsonNode> saved) {
        if (reference.equals("run_id")) {
            return TextNode.valueOf(RUN_ID);
        }
        String[] parts = reference.split("\\.");
        JsonNode value = saved.get(parts[0]);
        assertNotNull(value, "no saved value named " + parts[0]);
        for (int i = 1; i < parts.length; i++) {
            value = value.isArray() ? value.get(Integer.parseInt(parts[i])) : value.get(parts[i]);
            assertNotNull(value, "saved value has no " + reference);
        }
        return value;
    }
}
