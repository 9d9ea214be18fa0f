package io.agrilink.order.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agrilink.order.CustomerOrder;
import io.agrilink.order.IdempotencyRecord;
import io.agrilink.order.OrderEvent;
import io.agrilink.order.OrderLine;
import io.agrilink.order.client.CatalogRestClient;
import io.agrilink.order.config.OrderConfig;
import io.agrilink.order.outbox.OutboxKinds;
import io.agrilink.order.rest.OrderView;
import io.agrilink.platform.jdbc.FreshPlans;
import io.agrilink.platform.outbox.Outbox;
import io.agrilink.platform.outbox.OutboxConfig;
import io.agrilink.platform.outbox.OutboxMessage;
import io.agroal.api.AgroalDataSource;

/**
 * Writes accepted placements: for a whole batch in one transaction (orders, lines, audit rows,
 * idempotency records and outbox rows each go to PostgreSQL as one multi-row insert), or for one
 * placement at a time when the batch could not be written together. After the commit, the
 * reservations of cash-on-delivery orders are confirmed at once ({@link Outbox#deliverSoon}).
 */
@ApplicationScoped
public class PlacementStore {

    /** A placement whose stock catalog-service reserved. */
    public record Accepted(Placement placement, CatalogRestClient.Reservation reservation) {
    }

    @Inject
    OrderConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Outbox outbox;

    @Inject
    OutboxConfig outboxConfig;

    @Inject
    LiveStreams liveStreams;

    private final IdBlocks idBlocks = new IdBlocks();

    /**
     * The idempotency records already stored for these placements' keys, by {@link Placement#scope()}.
     * Once per batch on the flash-sale path, so one plain query on a pooled connection, without a
     * transaction or a persistence context around it.
     */
    public Map<String, IdempotencyRecord> recorded(Collection<Placement> placements) {
        Map<String, IdempotencyRecord> found = new HashMap<>();
        try (Connection db = dataSource.getConnection();
                PreparedStatement select = FreshPlans.prepare(db, """
                        select r.id, r.caller, r.idempotency_key, r.fingerprint, r.response_status, r.response_body,
                               r.order_id, r.created_at
                        from idempotency_record r
                        join unnest(?::text[], ?::text[]) as k(caller, idempotency_key)
                          on r.caller = k.caller and r.idempotency_key = k.idempotency_key""")) {
            select.setArray(1, db.createArrayOf("text", placements.stream().map(Placement::caller).toArray()));
            select.setArray(2, db.createArrayOf("text", placements.stream().map(Placement::key).toArray()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    IdempotencyRecord record = new IdempotencyRecord();
                    record.id = rs.getLong(1);
                    record.caller = rs.getString(2);
                    record.key = rs.getString(3);
                    record.fingerprint = rs.getString(4);
                    record.responseStatus = rs.getInt(5);
                    record.responseBody = rs.getString(6);
                    record.orderId = rs.getLong(7);
                    record.createdAt = rs.getObject(8, OffsetDateTime.class).toInstant();
                    found.put(Placement.scope(record.caller, record.key), record);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Idempotency records could not be read: " + e.getMessage(), e);
        }
        return found;
    }

    /** Writes the whole batch in one transaction; if any of it fails, none of it is written. */
    public List<Placement.Answer> saveAll(List<Accepted> accepted) {
        return inTransaction(accepted);
    }

    /** Writes one placement in its own transaction (after its batch could not be written together). */
    public Placement.Answer saveOne(Accepted accepted) {
        return inTransaction(List.of(accepted)).get(0);
    }

    /** Queues releases of reservations whose orders were never saved (after an uncertain catalog failure). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void scheduleReleases(Collection<String> orderRefs) {
        for (String orderRef : orderRefs) {
            outbox.add(OutboxKinds.RELEASE_RESERVATION, null, orderRef);
        }
    }

    /*
     * Plain JDBC on a pooled connection, not Hibernate: a flash sale writes thousands of rows a
     * second, and each table's rows of a batch go to PostgreSQL as one statement (see RowInserts).
     * Only this class inserts orders, lines and idempotency records; reading and changing them
     * later goes through the entities as everywhere else.
     */
    private List<Placement.Answer> inTransaction(List<Accepted> accepted) {
        try (Connection db = dataSource.getConnection()) {
            db.setAutoCommit(false);
            try {
                Written written = write(db, accepted);
                db.commit();
                outbox.deliverSoon(written.confirmations());
                return written.answers();
            } catch (SQLException | RuntimeException e) {
                try {
                    db.rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            } finally {
                restoreAutoCommit(db);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Orders could not be saved: " + e.getMessage(), e);
        }
    }

    private static void restoreAutoCommit(Connection db) {
        try {
            db.setAutoCommit(true);
        } catch (SQLException e) {
            // a broken connection: the pool validates it and drops it
        }
    }

    /** What a batch wrote: each caller's answer, and the reservation confirmations to send now. */
    private record Written(List<Placement.Answer> answers, List<OutboxMessage> confirmations) {
    }

    private Written write(Connection db, List<Accepted> accepted) throws SQLException {
        Instant now = Instant.now();
        List<CustomerOrder> orders = new ArrayList<>(accepted.size());
        int lineCount = 0;
        int confirmedCount = 0;
        for (Accepted a : accepted) {
            CustomerOrder order = order(a, now);
            orders.add(order);
            lineCount += order.lines.size();
            confirmedCount += order.status == CustomerOrder.Status.CONFIRMED ? 1 : 0;
        }
        IdBlocks.Taken ids = idBlocks.take(db, Map.of(
                "customer_order_seq", orders.size(),
                "order_line_seq", lineCount,
                "order_event_seq", orders.size() + confirmedCount,
                "outbox_message_seq", confirmedCount,
                "idempotency_record_seq", orders.size()));

        RowInserts orderRows = new RowInserts("customer_order", "id int8", "order_ref text", "buyer text",
                "status text", "payment text", "recipient text", "phone text", "country text", "province text",
                "commune text", "street text", "postal_code text", "total_grams int8", "total_amount int8",
                "placed_at timestamptz", "payment_due_at timestamptz", "confirmed_at timestamptz", "livestream_id int8",
                "livestream_code text", "livestream_note text");
        RowInserts lineRows = new RowInserts("order_line", "id int8", "order_id int8", "lot_id int8", "grams int8",
                "product_id int8", "product_name text", "producer_id int8", "producer_name text", "farmers text",
                "pickup_province text", "pickup_commune text", "pickup_phone text", "unit_price_per_kg int8",
                "amount int8", "campaign_id int8", "cold_chain bool", "min_celsius int4", "max_celsius int4",
                "harvest_date date", "best_before date");
        RowInserts eventRows = new RowInserts("order_event", "id int8", "order_id int8", "at timestamptz",
                "actor text", "action text", "from_status text", "to_status text", "detail text");
        RowInserts outboxRows = new RowInserts("outbox_message", "id int8", "kind text", "subject text",
                "payload text", "next_attempt_at timestamptz", "created_at timestamptz");
        RowInserts recordRows = new RowInserts("idempotency_record", "id int8", "caller text",
                "idempotency_key text", "fingerprint text", "response_status int4", "response_body text",
                "order_id int8", "created_at timestamptz");

        // sent right after the commit (Outbox#deliverSoon); the relay takes over only after the
        // lease, if that attempt did not get through
        Instant relayFrom = now.plus(outboxConfig.lease());
        List<OutboxMessage> confirmations = new ArrayList<>(confirmedCount);
        List<Placement.Answer> answers = new ArrayList<>(orders.size());
        for (int i = 0; i < orders.size(); i++) {
            CustomerOrder order = orders.get(i);
            Placement placement = accepted.get(i).placement();
            order.id = ids.next("customer_order_seq");
            orderRows.row(order.id, order.orderRef, order.buyer, order.status.name(), order.payment.name(),
                    order.recipient, order.phone, order.country, order.province, order.commune, order.street,
                    order.postalCode, order.totalGrams, order.totalAmount, order.placedAt, order.paymentDueAt,
                    order.confirmedAt, order.livestreamId, order.livestreamCode, order.livestreamNote);
            for (OrderLine line : order.lines) {
                line.id = ids.next("order_line_seq");
                lineRows.row(line.id, order.id, line.lotId, line.grams, line.productId, line.productName,
                        line.producerId, line.producerName, line.farmers, line.pickupProvince, line.pickupCommune,
                        line.pickupPhone, line.unitPricePerKg, line.amount, line.campaignId, line.coldChain,
                        line.minCelsius, line.maxCelsius, line.harvestDate, line.bestBefore);
            }
            event(eventRows, ids, OrderEvent.of(order, now, order.buyer, "PLACED", null, CustomerOrder.Status.PLACED,
                    order.payment.online()
                            ? "awaiting payment (" + order.payment + ") until " + order.paymentDueAt
                            : "cash on delivery"));
            if (order.status == CustomerOrder.Status.CONFIRMED) {
                event(eventRows, ids, OrderEvent.of(order, now, order.buyer, "CONFIRMED", CustomerOrder.Status.PLACED,
                        CustomerOrder.Status.CONFIRMED, "cash on delivery: confirmed at placement"));
                OutboxMessage confirm = new OutboxMessage(ids.next("outbox_message_seq"),
                        OutboxKinds.CONFIRM_RESERVATION, order.id.toString(), order.orderRef, 0, now);
                outboxRows.row(confirm.id(), confirm.kind(), confirm.subject(), confirm.payload(), relayFrom,
                        confirm.createdAt());
                confirmations.add(confirm);
            }
            String body = toJson(OrderView.of(order));
            recordRows.row(ids.next("idempotency_record_seq"), placement.caller(), placement.key(),
                    placement.fingerprint(), 201, body, order.id, now);
            answers.add(new Placement.Answer(201, body, order.id, false));
        }
        // parents before children, as the foreign keys want
        orderRows.insert(db);
        lineRows.insert(db);
        eventRows.insert(db);
        outboxRows.insert(db);
        recordRows.insert(db);
        return new Written(answers, confirmations);
    }

    private static void event(RowInserts rows, IdBlocks.Taken ids, OrderEvent event) {
        rows.row(ids.next("order_event_seq"), event.orderId, event.at, event.actor, event.action,
                event.fromStatus == null ? null : event.fromStatus.name(), event.toStatus.name(), event.detail);
    }

    private CustomerOrder order(Accepted accepted, Instant now) {
        Placement placement = accepted.placement();
        NewOrder request = placement.order();
        CustomerOrder order = new CustomerOrder();
        order.orderRef = placement.orderRef();
        order.buyer = placement.caller();
        order.payment = request.payment();
        NewOrder.Delivery delivery = request.delivery();
        order.recipient = delivery.recipient();
        order.phone = delivery.phone();
        order.country = delivery.country();
        order.province = delivery.province();
        order.commune = delivery.commune();
        order.street = delivery.street();
        order.postalCode = delivery.postalCode();
        order.placedAt = now;
        if (order.payment == CustomerOrder.Payment.CASH_ON_DELIVERY) {
            order.status = CustomerOrder.Status.CONFIRMED;
            order.confirmedAt = now;
        } else {
            order.status = CustomerOrder.Status.PLACED;
            order.paymentDueAt = now.plus(config.bankTransferHold());
        }
        for (CatalogRestClient.ReservedLine reserved : accepted.reservation().lines()) {
            OrderLine line = new OrderLine();
            line.order = order;
            line.lotId = reserved.lotId();
            line.grams = reserved.grams();
            line.productId = reserved.productId();
            line.productName = reserved.productName();
            line.producerId = reserved.producerId();
            line.producerName = reserved.producerName();
            line.farmers = OrderLine.joinFarmers(reserved.farmers());
            line.pickupProvince = reserved.province();
            line.pickupCommune = reserved.commune();
            line.pickupPhone = reserved.phone();
            line.unitPricePerKg = reserved.unitPricePerKg();
            line.amount = OrderLine.amountOf(reserved.unitPricePerKg(), reserved.grams());
            line.campaignId = reserved.campaignId();
            line.coldChain = Boolean.TRUE.equals(reserved.coldChain());
            line.minCelsius = reserved.minCelsius();
            line.maxCelsius = reserved.maxCelsius();
            line.harvestDate = reserved.harvestDate();
            line.bestBefore = reserved.bestBefore();
            order.lines.add(line);
            order.totalGrams += line.grams;
            order.totalAmount += line.amount;
        }
        attribute(order, request.live(), now);
        return order;
    }

    /**
     * The livestream decision, here where the lines' campaigns are known (catalog's reservation
     * answer): an in-memory lookup, written with the order in the same insert, never changed after.
     */
    private void attribute(CustomerOrder order, String code, Instant now) {
        if (code == null) {
            return;
        }
        List<Long> campaigns = new ArrayList<>(order.lines.size());
        order.lines.forEach(l -> campaigns.add(l.campaignId));
        LiveStreams.Attribution attribution = liveStreams.attribution(code, campaigns, now);
        if (attribution == null) {
            return;
        }
        order.livestreamCode = attribution.code();
        order.livestreamId = attribution.livestreamId();
        order.livestreamNote = attribution.reason();
        order.livestreamTitle = attribution.title();
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Order view cannot be written as JSON", e);
        }
    }
}
