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
import io.agrilink.order.OutboxMessage;
import io.agrilink.order.client.CatalogRestClient;
import io.agrilink.order.config.OrderConfig;
import io.agrilink.order.rest.OrderView;
import io.agroal.api.AgroalDataSource;

/**
 * Writes accepted placements: for a whole batch in one transaction (orders, lines, audit rows,
 * idempotency records and outbox rows each go to PostgreSQL as one JDBC batch), or for one
 * placement at a time when the batch could not be written together.
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

    /**
     * The idempotency records already stored for these placements' keys, by {@link Placement#scope()}.
     * Once per batch on the flash-sale path, so one plain query on a pooled connection, without a
     * transaction or a persistence context around it.
     */
    public Map<String, IdempotencyRecord> recorded(Collection<Placement> placements) {
        Map<String, IdempotencyRecord> found = new HashMap<>();
        try (Connection db = dataSource.getConnection();
                PreparedStatement select = db.prepareStatement("""
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

    @Transactional
    public List<Placement.Answer> saveAll(List<Accepted> accepted) {
        return write(accepted);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Placement.Answer saveOne(Accepted accepted) {
        return write(List.of(accepted)).get(0);
    }

    /** Queues releases of reservations whose orders were never saved (after an uncertain catalog failure). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void scheduleReleases(Collection<String> orderRefs) {
        Instant now = Instant.now();
        for (String orderRef : orderRefs) {
            OutboxMessage.of(OutboxMessage.Kind.RELEASE_RESERVATION, null, orderRef, now).persist();
        }
    }

    /*
     * Entities are persisted kind by kind (all orders, then all lines, ...) so that Hibernate's
     * insert queue holds runs of the same statement, which JDBC batching sends together.
     */
    private List<Placement.Answer> write(List<Accepted> accepted) {
        Instant now = Instant.now();
        List<CustomerOrder> orders = new ArrayList<>(accepted.size());
        for (Accepted a : accepted) {
            CustomerOrder order = order(a, now);
            order.persist();
            orders.add(order);
        }
        for (CustomerOrder order : orders) {
            for (OrderLine line : order.lines) {
                line.persist();
            }
        }
        for (int i = 0; i < orders.size(); i++) {
            CustomerOrder order = orders.get(i);
            String buyer = accepted.get(i).placement().caller();
            OrderEvent.of(order, now, buyer, "PLACED", null, CustomerOrder.Status.PLACED,
                    order.payment == CustomerOrder.Payment.BANK_TRANSFER
                            ? "awaiting bank transfer until " + order.paymentDueAt
                            : "cash on delivery")
                    .persist();
            if (order.status == CustomerOrder.Status.CONFIRMED) {
                OrderEvent.of(order, now, buyer, "CONFIRMED", CustomerOrder.Status.PLACED,
                        CustomerOrder.Status.CONFIRMED, "cash on delivery: confirmed at placement").persist();
            }
        }
        for (CustomerOrder order : orders) {
            if (order.status == CustomerOrder.Status.CONFIRMED) {
                OutboxMessage.of(OutboxMessage.Kind.CONFIRM_RESERVATION, order.id, order.orderRef, now).persist();
            }
        }
        List<Placement.Answer> answers = new ArrayList<>(orders.size());
        for (int i = 0; i < orders.size(); i++) {
            CustomerOrder order = orders.get(i);
            Placement placement = accepted.get(i).placement();
            IdempotencyRecord record = new IdempotencyRecord();
            record.caller = placement.caller();
            record.key = placement.key();
            record.fingerprint = placement.fingerprint();
            record.responseStatus = 201;
            record.responseBody = toJson(OrderView.of(order));
            record.orderId = order.id;
            record.createdAt = now;
            record.persist();
            answers.add(new Placement.Answer(201, record.responseBody, order.id, false));
        }
        return answers;
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
        return order;
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Order view cannot be written as JSON", e);
        }
    }
}
