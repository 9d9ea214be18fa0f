package io.agrilink.training;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Test-only SMS/Zalo gateway behind the webhook notice sender: can be switched to answer 503 (an
 * outage), to refuse a farmer's notices with 422 (a refusal retrying cannot fix), or to hold a
 * farmer's notices without answering for longer than the sender waits (a gateway that hangs).
 */
@Path("/test-double/notices")
public class NoticeGatewayDouble {

    /** How long a held notice waits before the gateway answers (503): longer than the sender's test timeout. */
    public static final long HOLD_MILLIS = 3500;

    public static final AtomicBoolean DOWN = new AtomicBoolean();
    /** Farmers whose notices are answered 422. */
    public static final Set<String> REFUSING = ConcurrentHashMap.newKeySet();
    /** Farmers whose notices are held {@link #HOLD_MILLIS} without an answer. */
    public static final Set<String> HOLDING = ConcurrentHashMap.newKeySet();
    /** Notice id → how many times it was accepted. */
    public static final Map<Long, Integer> ACCEPTED = new ConcurrentHashMap<>();
    /** Notice id → how many times it was refused with 503. */
    public static final Map<Long, Integer> REFUSED = new ConcurrentHashMap<>();
    /** Notice id → how many times it was refused with 422. */
    public static final Map<Long, Integer> UNPROCESSABLE = new ConcurrentHashMap<>();
    /** Notice id → how many times it was held. */
    public static final Map<Long, Integer> HELD = new ConcurrentHashMap<>();

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    public Response receive(JsonNode notice) throws InterruptedException {
        long id = notice.get("noticeId").asLong();
        String farmer = notice.get("farmer").asText();
        if (HOLDING.contains(farmer)) {
            HELD.merge(id, 1, Integer::sum);
            Thread.sleep(HOLD_MILLIS);
            return Response.status(503).build();
        }
        if (REFUSING.contains(farmer)) {
            UNPROCESSABLE.merge(id, 1, Integer::sum);
            return Response.status(422).build();
        }
        if (DOWN.get()) {
            REFUSED.merge(id, 1, Integer::sum);
            return Response.status(503).build();
        }
        ACCEPTED.merge(id, 1, Integer::sum);
        return Response.accepted().build();
    }
}
