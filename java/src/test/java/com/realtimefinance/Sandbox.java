package com.realtimefinance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * A local {@code rtf sandbox} process started for the tests, with its
 * credentials from the JSON line it prints first, and a client for its
 * admin API under {@code /_sandbox/}. Loopback only.
 */
final class Sandbox implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    private static Sandbox shared;

    private final Process process;
    private final JsonNode info;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Sandbox(Process process, JsonNode info) {
        this.process = process;
        this.info = info;
    }

    /** Returns the sandbox shared by the test classes of this JVM, started on first use. */
    static synchronized Sandbox shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    /** Starts {@code rtf sandbox --port 0} with extra arguments and reads its start line. */
    static Sandbox start(String... extraArguments) {
        List<String> command = new ArrayList<>(List.of(rtfBinary().toString(), "sandbox", "--port", "0"));
        command.addAll(List.of(extraArguments));
        try {
            Process process = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            ExecutorService reader = Executors.newSingleThreadExecutor();
            try {
                Future<String> firstLine = reader.submit(out::readLine);
                String line = firstLine.get(30, TimeUnit.SECONDS);
                if (line == null) {
                    throw new IllegalStateException("rtf sandbox exited before printing its start line: " + command);
                }
                // Keep draining stdout so the sandbox never blocks on a full pipe.
                reader.submit(() -> {
                    while (out.readLine() != null) {
                        // discard
                    }
                    return null;
                });
                return new Sandbox(process, JSON.readTree(line));
            } finally {
                reader.shutdown();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("failed to start " + command, e);
        } catch (Exception e) {
            throw new IllegalStateException("failed to read the start line of " + command, e);
        }
    }

    /** Finds {@code rtf}: {@code RTF_BIN}, else {@code <workspace>/target/debug/rtf}. */
    static Path rtfBinary() {
        String fromEnvironment = System.getenv("RTF_BIN");
        Path binary = fromEnvironment != null && !fromEnvironment.isEmpty()
                ? Path.of(fromEnvironment)
                : Path.of(System.getProperty("rtf.workspace.dir", ".."), "target", "debug", "rtf");
        if (!Files.isExecutable(binary)) {
            throw new IllegalStateException("the sandbox binary " + binary + " is missing; build it with "
                    + "`cargo build -p realtime-finance-cli` or set RTF_BIN");
        }
        return binary;
    }

    String baseUrl() {
        return info.get("base_url").asText();
    }

    String secretKey() {
        return info.get("secret_key").asText();
    }

    String publishableKey() {
        return info.get("publishable_key").asText();
    }

    String clientId() {
        return info.get("client_id").asText();
    }

    String clientSecret() {
        return info.get("client_secret").asText();
    }

    /** Returns the path of the CA certificate of a sandbox started with {@code --tls}. */
    String caCertificatePath() {
        return info.get("ca_cert").asText();
    }

    String webhookSecret() {
        return info.get("webhook_secret").asText();
    }

    /** Returns a builder with the sandbox's base URL that ignores environment variables. */
    RealTimeFinanceClient.Builder clientBuilder() {
        return RealTimeFinanceClient.builder().baseUrl(baseUrl()).ignoreEnvironmentVariables();
    }

    /** Returns a client authenticated with the sandbox's secret key. */
    RealTimeFinanceClient client() {
        return clientBuilder().apiKey(secretKey()).build();
    }

    /** Creates an API key limited to {@code scopes} and returns its secret. */
    String createKey(String... scopes) {
        return admin("POST", "/_sandbox/keys", Map.of("scopes", List.of(scopes))).get("secret_key").asText();
    }

    /** Creates an OAuth client whose tokens live {@code tokenTtlSeconds}; returns its id and secret. */
    JsonNode createOauthClient(int tokenTtlSeconds, String... scopes) {
        return admin("POST", "/_sandbox/oauth_clients",
                Map.of("scopes", List.of(scopes), "token_ttl_seconds", tokenTtlSeconds));
    }

    /** Injects a fault; see the sandbox's admin API for the fields. */
    void injectFault(Map<String, Object> fault) {
        admin("POST", "/_sandbox/faults", fault);
    }

    void clearFaults() {
        admin("DELETE", "/_sandbox/faults", null);
    }

    JsonNode stats() {
        return admin("GET", "/_sandbox/stats", null);
    }

    /** Sends an admin API request and returns the JSON response; fails on a non-2xx status. */
    JsonNode admin(String method, String path, Object body) {
        try {
            HttpRequest.BodyPublisher publisher = body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                    .timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + info.get("admin_token").asText())
                    .header("Content-Type", "application/json")
                    .method(method, publisher)
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(method + " " + path + " failed with " + response.statusCode() + ": "
                        + response.body());
            }
            String text = response.body();
            return text.isEmpty() ? JSON.nullNode() : JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
