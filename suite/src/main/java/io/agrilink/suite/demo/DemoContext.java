package io.agrilink.suite.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * What a {@link DemoData} loader works with: the services' public APIs, tokens for any role, and
 * facts that earlier loaders leave for later ones (a lot id the order demo needs).
 */
public final class DemoContext {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> baseUrls;
    private final BiFunction<String, String, String> tokens;

    /** Ids and values one loader leaves for the next, e.g. {@code "lot.lychee-grade-1" -> 17}. */
    public final Map<String, Object> facts = new HashMap<>();

    /**
     * @param baseUrls service name ("catalog", "order", "training", "logistics") to its base URL
     * @param tokens   (role, subject) to a signed token
     */
    public DemoContext(Map<String, String> baseUrls, BiFunction<String, String, String> tokens) {
        this.baseUrls = Map.copyOf(baseUrls);
        this.tokens = tokens;
    }

    /** The base URL of {@code service} ("catalog", "order", "training", "logistics") in this run. */
    public String baseUrl(String service) {
        String base = baseUrls.get(service);
        if (base == null) {
            throw new IllegalArgumentException("No service named " + service);
        }
        return base;
    }

    /** A signed token for {@code subject} with {@code role}. */
    public String token(String role, String subject) {
        return tokens.apply(role, subject);
    }

    public JsonNode get(String service, String path, String token) throws IOException, InterruptedException {
        return send(service, "GET", path, token, null);
    }

    public JsonNode post(String service, String path, String token, Object body)
            throws IOException, InterruptedException {
        return send(service, "POST", path, token, body);
    }

    public JsonNode put(String service, String path, String token, Object body)
            throws IOException, InterruptedException {
        return send(service, "PUT", path, token, body);
    }

    public JsonNode patch(String service, String path, String token, Object body)
            throws IOException, InterruptedException {
        return send(service, "PATCH", path, token, body);
    }

    /**
     * Sends a request and returns the JSON answer (an empty object for no content). A POST
     * carries a fresh {@code Idempotency-Key}. Any status other than 2xx fails with the problem
     * the service returned.
     */
    public JsonNode send(String service, String method, String path, String token, Object body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl(service) + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            String json = body instanceof String s ? s : JSON.writeValueAsString(body);
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        if ("POST".equals(method)) {
            request.header("Idempotency-Key", UUID.randomUUID().toString());
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException(method + " " + service + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    /** The shared JSON mapper, for building bodies. */
    public static ObjectMapper json() {
        return JSON;
    }
}
