package io.agrilink.web.client;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A service's RFC 9457 answer to a call that failed (4xx): its status, detail, the fields it names
 * ({@code violations}) and its extension members ({@code gramsLeft}, …). A body that is not a
 * problem still gives the status.
 */
public record ServiceProblem(int status, String title, String detail, List<Violation> violations,
        Map<String, JsonNode> extensions) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public record Violation(String field, String message) {
    }

    public static ServiceProblem of(WebApplicationException failed) {
        Response response = failed.getResponse();
        int status = response.getStatus();
        JsonNode body;
        try {
            body = JSON.readTree(response.readEntity(String.class));
        } catch (RuntimeException | java.io.IOException notJson) {
            body = null;
        }
        if (body == null || !body.isObject()) {
            return new ServiceProblem(status, null, null, List.of(), Map.of());
        }
        List<Violation> violations = new java.util.ArrayList<>();
        for (JsonNode v : body.path("violations")) {
            violations.add(new Violation(v.path("field").asText(""), v.path("message").asText("")));
        }
        Map<String, JsonNode> extensions = new LinkedHashMap<>();
        body.fields().forEachRemaining(member -> {
            if (!List.of("type", "title", "status", "detail", "instance", "requestId", "violations")
                    .contains(member.getKey())) {
                extensions.put(member.getKey(), member.getValue());
            }
        });
        return new ServiceProblem(status, text(body, "title"), text(body, "detail"), List.copyOf(violations),
                extensions);
    }

    private static String text(JsonNode body, String member) {
        JsonNode value = body.get(member);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** An extension member as a number, or -1 when the problem has none. */
    public long number(String member) {
        JsonNode value = extensions.get(member);
        return value != null && value.canConvertToLong() ? value.asLong() : -1;
    }
}
