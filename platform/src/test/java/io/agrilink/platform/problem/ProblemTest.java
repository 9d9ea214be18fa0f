package io.agrilink.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.agrilink.platform.testing.ProblemShape;

/** A problem body is a valid RFC 9457 problem, whatever extension members a service adds. */
class ProblemTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void anExtensionMayNotShadowAProblemMember() {
        for (String member : Problem.MEMBERS) {
            ProblemException conflict = ProblemException.conflict("Reservation r-1 is RELEASED");
            assertThrows(IllegalArgumentException.class, () -> conflict.with(member, "RELEASED"), member);
        }
        assertThrows(IllegalArgumentException.class, () -> new Problem(URI.create("https://agrilink.io/problems/conflict"),
                "Conflict", 409, "d", "/x", "id-1", List.of(), Map.of("status", "RELEASED")));
    }

    @Test
    void extensionsAreWrittenBesideTheMembersOnce() throws Exception {
        ProblemException released = ProblemException.conflict("Reservation r-1 is RELEASED")
                .with("reservationStatus", "RELEASED").with("lotId", 7L);
        String body = json.writeValueAsString(ProblemMappers.problemOf(released, "/stock/reservations/r-1/confirm"));
        ProblemShape.check(409, body);
        Map<?, ?> read = json.readValue(body, Map.class);
        assertEquals(409, read.get("status"));
        assertEquals("RELEASED", read.get("reservationStatus"));
        assertEquals(7, read.get("lotId"));
        assertEquals("https://agrilink.io/problems/conflict", read.get("type"));
    }

    @Test
    void shapeCheckRefusesATwiceNamedStatus() {
        String twice = "{\"type\":\"https://agrilink.io/problems/conflict\",\"title\":\"Conflict\",\"status\":409,"
                + "\"status\":\"RELEASED\"}";
        assertThrows(AssertionError.class, () -> ProblemShape.check(409, twice));
        assertThrows(AssertionError.class, () -> ProblemShape.check(409,
                "{\"type\":\"https://agrilink.io/problems/conflict\",\"title\":\"Conflict\",\"status\":\"409\"}"));
    }
}
