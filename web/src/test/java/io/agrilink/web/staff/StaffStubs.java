package io.agrilink.web.staff;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.agrilink.web.client.Campaign;
import io.agrilink.web.client.Page;
import io.agrilink.web.payment.OrderPayments;
import io.agrilink.web.payment.Payment;
import io.agrilink.web.payment.Refund;
import io.agrilink.web.staff.client.Dashboard;
import io.agrilink.web.staff.client.StaffOrder;
import io.agrilink.web.staff.client.StaffProducer;

/**
 * catalog-service and order-service as the staff pages' tests need them, served by the test app at
 * {@code /stub/catalog/staff} and {@code /stub/order/staff} (the staff clients' test URLs): over
 * real HTTP, with each service's problem bodies, remembering what they were sent and with which token.
 */
public class StaffStubs {

    static final Map<Long, StaffProducer> PRODUCERS = new ConcurrentHashMap<>();
    static final Map<Long, Campaign> CAMPAIGNS = new ConcurrentHashMap<>();
    static final Map<Long, StaffOrder> ORDERS = new ConcurrentHashMap<>();
    static final Map<Long, List<StaffOrder.HistoryEntry>> HISTORIES = new ConcurrentHashMap<>();
    static final List<String> RECEIVED = new CopyOnWriteArrayList<>();
    static final Map<String, JsonNode> LAST_BODY = new ConcurrentHashMap<>();
    static final Map<Long, Payment> PAYMENTS = new ConcurrentHashMap<>();
    static final Map<Long, Refund> REFUNDS = new ConcurrentHashMap<>();
    static volatile Dashboard dashboard = Dashboard.empty(1);
    static volatile boolean orderServiceDown;

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** The test app serves no JSON of its own (the web app only reads it), so the stand-ins write their own. */
    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static void reset() {
        PRODUCERS.clear();
        CAMPAIGNS.clear();
        ORDERS.clear();
        HISTORIES.clear();
        PAYMENTS.clear();
        REFUNDS.clear();
        RECEIVED.clear();
        LAST_BODY.clear();
        dashboard = Dashboard.empty(1);
        orderServiceDown = false;
    }

    static Response problem(int status, String detail, String violations, String extensions) {
        return Response.status(status).type("application/problem+json").entity("{\"type\":\"about:blank\",\"title\":\"Refused\",\"status\":"
                + status + ",\"detail\":\"" + detail + "\",\"violations\":[" + violations + "]" + extensions + "}").build();
    }

    private static void received(String what, String authorization) {
        RECEIVED.add(what + " " + authorization);
    }

    @Path("/stub/catalog/staff")
    @Produces(MediaType.APPLICATION_JSON)
    public static class Catalog {

        @GET
        @Path("producers")
        public String producers(@QueryParam("page") int page, @QueryParam("size") int size,
                @HeaderParam("Authorization") String token) {
            received("GET /producers", token);
            List<StaffProducer> all = PRODUCERS.values().stream().sorted((a, b) -> Long.compare(a.id(), b.id())).toList();
            return write(new Page<>(all, page, size, all.size()));
        }

        @GET
        @Path("producers/{id}")
        public Response producer(@PathParam("id") long id) {
            StaffProducer found = PRODUCERS.get(id);
            return found == null ? problem(404, "Producer " + id + " does not exist", "", "") : Response.ok(write(found)).build();
        }

        @PUT
        @Path("producers/{id}")
        public Response replace(@PathParam("id") long id, String json, @HeaderParam("Authorization") String token) {
            JsonNode body = read(json);
            received("PUT /producers/" + id, token);
            LAST_BODY.put("PUT /producers", body);
            StaffProducer current = PRODUCERS.get(id);
            List<StaffProducer.Certification> certifications = new ArrayList<>();
            JsonNode all = body.path("certifications");
            for (int i = 0; i < all.size(); i++) {
                JsonNode c = all.get(i);
                if (c.path("issuedOn").isNull() || c.path("issuedOn").isMissingNode()) {
                    return problem(400, "certifications[" + i + "].issuedOn: must not be null",
                            "{\"field\":\"certifications[" + i + "].issuedOn\",\"message\":\"must not be null\"}", "");
                }
                LocalDate issued = LocalDate.parse(c.path("issuedOn").asText());
                LocalDate expires = LocalDate.parse(c.path("expiresOn").asText());
                if (!expires.isAfter(issued)) {
                    return problem(400, "certifications[" + i + "].expiresOn: must be after issuedOn",
                            "{\"field\":\"certifications[" + i + "].expiresOn\",\"message\":\"must be after issuedOn\"}", "");
                }
                certifications.add(new StaffProducer.Certification(c.path("scheme").asText(), c.path("code").asText(null),
                        issued, expires, !expires.isBefore(LocalDate.now())));
            }
            StaffProducer replaced = new StaffProducer(id, body.path("name").asText(), body.path("kind").asText(),
                    body.path("province").asText(), body.path("commune").asText(), body.path("phone").asText(),
                    current.growingAreaCode(), certifications, current.ocop(), current.livestreamReady(), current.owners());
            PRODUCERS.put(id, replaced);
            return Response.ok(write(replaced)).build();
        }

        @POST
        @Path("accounts")
        public Response register(String json, @HeaderParam("Authorization") String token) {
            JsonNode body = read(json);
            received("POST /accounts", token);
            LAST_BODY.put("POST /accounts", body);
            if (body.path("username").asText().equals("0912345678")) {
                return problem(409, "username: an account with this username already exists",
                        "{\"field\":\"username\",\"message\":\"is taken\"}", "");
            }
            return Response.status(201).entity(write(Map.of("username", body.path("username").asText(), "role", "farmer",
                    "temporaryPassword", "kq7m-x4pd-z9ht"))).build();
        }

        @GET
        @Path("campaigns")
        public String campaigns(@QueryParam("page") int page, @QueryParam("size") int size) {
            List<Campaign> all = CAMPAIGNS.values().stream().sorted((a, b) -> b.startsAt().compareTo(a.startsAt())).toList();
            return write(new Page<>(all, page, size, all.size()));
        }

        @GET
        @Path("campaigns/{id}")
        public Response campaign(@PathParam("id") long id) {
            Campaign found = CAMPAIGNS.get(id);
            return found == null ? problem(404, "Campaign " + id + " does not exist", "", "") : Response.ok(write(found)).build();
        }

        @POST
        @Path("campaigns")
        public Response create(String json, @HeaderParam("Authorization") String token) {
            JsonNode body = read(json);
            received("POST /campaigns", token);
            LAST_BODY.put("POST /campaigns", body);
            JsonNode lots = body.path("lots");
            for (int i = 0; i < lots.size(); i++) {
                if (lots.get(i).path("lotId").asLong() == 999) {
                    return problem(404, "Lot 999 does not exist", "", ",\"field\":\"lots[" + i + "].lotId\"");
                }
            }
            if (!Instant.parse(body.path("endsAt").asText()).isAfter(Instant.parse(body.path("startsAt").asText()))) {
                return problem(400, "endsAt: must be after startsAt", "{\"field\":\"endsAt\",\"message\":\"must be after startsAt\"}",
                        "");
            }
            Campaign created = new Campaign(77, body.path("name").asText(), body.path("host").asText(), null,
                    Instant.parse(body.path("startsAt").asText()), Instant.parse(body.path("endsAt").asText()), false,
                    body.path("perBuyerLimitGrams").asLong(), body.path("targetGrams").asLong(), 0, List.of());
            CAMPAIGNS.put(77L, created);
            return Response.status(201).entity(write(created)).build();
        }
    }

    @Path("/stub/order/staff")
    @Produces(MediaType.APPLICATION_JSON)
    public static class Orders {

        private static Response down() {
            return problem(503, "The database is not reachable; try again shortly", "", "");
        }

        @GET
        @Path("dashboard/campaigns/{id}")
        public Response dashboard(@PathParam("id") long id, @HeaderParam("Authorization") String token) {
            received("GET /dashboard/campaigns/" + id, token);
            return orderServiceDown ? down() : Response.ok(write(dashboard)).build();
        }

        @GET
        @Path("orders")
        public Response orders(@QueryParam("status") String status, @QueryParam("buyer") String buyer,
                @QueryParam("page") int page, @QueryParam("size") int size, @HeaderParam("Authorization") String token) {
            received("GET /orders?status=" + status + "&buyer=" + buyer, token);
            if (orderServiceDown) {
                return down();
            }
            List<StaffOrder> found = ORDERS.values().stream()
                    .filter(o -> status == null || o.status().equals(status))
                    .filter(o -> buyer == null || o.buyer().equals(buyer))
                    .sorted((a, b) -> Long.compare(b.id(), a.id())).toList();
            return Response.ok(write(new Page<>(found, page, size, found.size()))).build();
        }

        @GET
        @Path("orders/{id}")
        public Response order(@PathParam("id") long id) {
            StaffOrder found = ORDERS.get(id);
            return found == null ? problem(404, "Order " + id + " does not exist", "", "") : Response.ok(write(found)).build();
        }

        @GET
        @Path("orders/{id}/history")
        public Response history(@PathParam("id") long id) {
            return Response.ok(write(HISTORIES.getOrDefault(id, List.of()))).build();
        }

        @POST
        @Path("orders/{id}/payment")
        public Response pay(@PathParam("id") long id, String json, @HeaderParam("Authorization") String token) {
            JsonNode body = read(json);
            received("POST /orders/" + id + "/payment", token);
            LAST_BODY.put("POST /orders/payment", body);
            StaffOrder order = ORDERS.get(id);
            if (order == null) {
                return problem(404, "Order " + id + " does not exist", "", "");
            }
            if (!order.awaitingPayment() || order.paymentDueAt().isBefore(Instant.now())) {
                return problem(409, "The payment window of order " + id + " closed", "", ",\"orderStatus\":\"" + order.status() + "\"");
            }
            StaffOrder paid = new StaffOrder(order.id(), order.orderRef(), order.buyer(), "CONFIRMED", order.payment(),
                    order.totalGrams(), order.totalAmount(), order.placedAt(), order.paymentDueAt(), Instant.now(), null,
                    null, order.delivery(), order.lines());
            ORDERS.put(id, paid);
            return Response.ok(write(paid)).build();
        }

        @GET
        @Path("orders/{id}/payments")
        public Response orderPayments(@PathParam("id") long id, @HeaderParam("Authorization") String token) {
            received("GET /orders/" + id + "/payments", token);
            StaffOrder order = ORDERS.get(id);
            if (order == null) {
                return problem(404, "Order " + id + " does not exist", "", "");
            }
            return Response.ok(write(new OrderPayments(id, order.status(), order.payment(), order.totalAmount(),
                    order.paymentDueAt(), PAYMENTS.values().stream().filter(p -> p.orderId() == id).toList(),
                    REFUNDS.values().stream().filter(r -> r.orderId() == id).toList()))).build();
        }

        @GET
        @Path("payments")
        public Response payments(@QueryParam("status") String status, @QueryParam("method") String method,
                @QueryParam("mismatch") Boolean mismatch, @QueryParam("page") int page, @QueryParam("size") int size,
                @HeaderParam("Authorization") String token) {
            received("GET /payments?status=" + status + "&mismatch=" + mismatch, token);
            if (orderServiceDown) {
                return down();
            }
            List<Payment> found = PAYMENTS.values().stream().filter(p -> status == null || p.status().equals(status))
                    .filter(p -> method == null || p.method().equals(method))
                    .filter(p -> mismatch == null || p.mismatch() == mismatch)
                    .sorted((a, b) -> Long.compare(b.id(), a.id())).toList();
            return Response.ok(write(new Page<>(found, page, size, found.size()))).build();
        }

        @GET
        @Path("refunds")
        public Response refunds(@QueryParam("status") String status, @QueryParam("method") String method,
                @QueryParam("page") int page, @QueryParam("size") int size, @HeaderParam("Authorization") String token) {
            received("GET /refunds?status=" + status, token);
            if (orderServiceDown) {
                return down();
            }
            List<Refund> found = REFUNDS.values().stream().filter(r -> status == null || r.status().equals(status))
                    .filter(r -> method == null || r.method().equals(method))
                    .sorted((a, b) -> Long.compare(b.id(), a.id())).toList();
            return Response.ok(write(new Page<>(found, page, size, found.size()))).build();
        }

        /** As order-service: a REQUESTED bank-transfer refund becomes DONE with the reference, anything else is 409. */
        @POST
        @Path("refunds/{id}/complete")
        public Response completeRefund(@PathParam("id") long id, String json, @HeaderParam("Authorization") String token) {
            JsonNode body = read(json);
            received("POST /refunds/" + id + "/complete", token);
            LAST_BODY.put("POST /refunds/complete", body);
            Refund refund = REFUNDS.get(id);
            if (refund == null) {
                return problem(404, "Refund " + id + " does not exist", "", "");
            }
            if (!refund.requested() || !refund.method().equals("BANK_TRANSFER")) {
                return problem(409, "Refund " + id + " is " + refund.status(), "", ",\"refundStatus\":\"" + refund.status() + "\"");
            }
            Refund done = new Refund(id, refund.paymentId(), refund.orderId(), refund.method(), "DONE", refund.amount(),
                    refund.reason(), body.path("reference").asText(), refund.requestedAt(), refund.requestedBy(),
                    Instant.parse("2026-06-10T04:00:00Z"), "staff-hoa", null);
            REFUNDS.put(id, done);
            return Response.ok(write(done)).build();
        }

        @POST
        @Path("orders/{id}/cancel")
        public Response cancel(@PathParam("id") long id, String json, @HeaderParam("Authorization") String token) {
            JsonNode body = read(json);
            received("POST /orders/" + id + "/cancel", token);
            LAST_BODY.put("POST /orders/cancel", body);
            return problem(409, "Order " + id + " is with the carrier", "", ",\"orderStatus\":\"HANDED_OVER\"");
        }
    }
}
