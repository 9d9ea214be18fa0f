package io.agrilink.training;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;

/** Test-only SMS/Zalo gateway behind the webhook notice sender; can be switched to answer 503. */
@Path("/test-double/notices")
public class NoticeGatewayDouble {

    public static final AtomicBoolean DOWN = new AtomicBoolean();
    /** Notice id → how many times it was accepted. */
    public static final Map<Long, Integer> ACCEPTED = new ConcurrentHashMap<>();
    /** Notice id → how many times it was refused with 503. */
    public static final Map<Long, Integer> REFUSED = new ConcurrentHashMap<>();

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    public Response receive(JsonNode notice) {
        long id = notice.get("noticeId").asLong();
        if (DOWN.get()) {
            REFUSED.merge(id, 1, Integer::sum);
            return Response.status(503).build();
        }
        ACCEPTED.merge(id, 1, Integer::sum);
        return Response.accepted().build();
    }
}
