package io.agrilink.training.notice;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agrilink.training.Notice;
import io.agrilink.training.config.TrainingConfig;
import io.smallrye.common.annotation.Identifier;

/**
 * POSTs each notice as JSON to an SMS or Zalo gateway at {@code agrilink.training.notices.webhook-url},
 * with {@code Idempotency-Key: notice-<id>} so a gateway that saw it before can ignore a repeat.
 * Any answer but a 2xx is thrown with its status, which the outbox judges by its one rule.
 */
@ApplicationScoped
@Identifier("webhook")
public class WebhookNoticeSender implements NoticeSender {

    /** The JSON the gateway receives. */
    public record Payload(long noticeId, String farmer, Notice.Kind kind, Long sessionId, Long enrolmentId,
            String message, Instant createdAt) {
    }

    @Inject
    TrainingConfig config;

    @Inject
    ObjectMapper json;

    private final HttpClient http = HttpClient.newHttpClient();

    @Override
    public void send(Notice notice) {
        var url = config.notices().webhookUrl()
                .orElseThrow(() -> new IllegalStateException("agrilink.training.notices.webhook-url is not set"));
        String body;
        try {
            body = json.writeValueAsString(new Payload(notice.id, notice.farmer, notice.kind, notice.sessionId,
                    notice.enrolmentId, notice.message, notice.createdAt));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(config.notices().webhookTimeout())
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "notice-" + notice.id)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Gateway unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while sending notice", e);
        }
        int status = response.statusCode();
        if (status / 100 != 2) {
            throw new WebApplicationException("Gateway answered " + status, status);
        }
    }
}
