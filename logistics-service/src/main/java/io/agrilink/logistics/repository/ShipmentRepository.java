package io.agrilink.logistics.repository;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.agrilink.logistics.Capability;
import io.agrilink.logistics.Carrier;
import io.agrilink.logistics.ChecklistItem;
import io.agrilink.logistics.Shipment;
import io.agrilink.logistics.ShipmentAlert;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class ShipmentRepository implements PanacheRepository<Shipment> {

    private static final List<Shipment.Status> FINAL = List.of(Shipment.Status.DELIVERED, Shipment.Status.RETURNED,
            Shipment.Status.CANCELLED);

    public Optional<Shipment> findByOrderId(long orderId) {
        return find("orderId", orderId).firstResultOptional();
    }

    /**
     * Serialises, until the transaction ends, what happens to one order's shipment: its handoff
     * (idempotent) and its withdrawal. A transaction-scoped advisory lock, as the shipment row may not exist yet.
     */
    public void lockOrder(long orderId) {
        getEntityManager().createNativeQuery("select 1 from pg_advisory_xact_lock(:key)")
                .setParameter("key", orderId).getSingleResult();
    }

    /**
     * Open shipments this carrier can serve: it picks up in the province of every pickup (the
     * shipment's and each parcel's own), has every capability the load needs, and has not declined it.
     */
    public PanacheQuery<Shipment> openFor(Carrier carrier) {
        Map<String, Object> params = new HashMap<>();
        params.put("open", Shipment.Status.OPEN);
        params.put("provinces", carrier.provinces);
        params.put("carrier", carrier.id);
        StringBuilder query = new StringBuilder("""
                from Shipment s where s.status = :open and s.pickup.province in :provinces
                and not exists (select 1 from ShipmentDecline d where d.shipmentId = s.id and d.carrierId = :carrier)
                and not exists (select 1 from Shipment o join o.parcels p
                                where o.id = s.id and p.pickup.province is not null and p.pickup.province not in :provinces)""");
        if (!carrier.can(Capability.COLD_CHAIN)) {
            query.append(" and s.coldChain = false");
        }
        if (!carrier.can(Capability.EXPORT)) {
            query.append(" and s.export = false");
        }
        if (!carrier.can(Capability.COD_COLLECTION)) {
            query.append(" and s.codAmount = 0");
        }
        return find(query.append(" order by s.deliverBy, s.id").toString(), params);
    }

    /** Not yet delivered or returned, and due within the window or with the cold chain broken. */
    public PanacheQuery<Shipment> atRisk(Instant dueBefore, Long carrierId, String province) {
        Map<String, Object> params = new HashMap<>();
        params.put("final", FINAL);
        params.put("dueBefore", dueBefore);
        StringBuilder query = new StringBuilder(
                "status not in :final and (deliverBy <= :dueBefore or temperatureBreached = true)");
        filters(query, params, null, carrierId, province);
        return find(query.toString(), Sort.by("deliverBy").and("id"), params);
    }

    public PanacheQuery<Shipment> search(Shipment.Status status, Long carrierId, String province) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder query = new StringBuilder("1 = 1");
        filters(query, params, status, carrierId, province);
        return find(query.toString(), Sort.descending("id"), params);
    }

    public List<ChecklistItem> checklist(long shipmentId) {
        return ChecklistItem.list("shipmentId", Sort.by("id"), shipmentId);
    }

    public List<ShipmentAlert> alerts(long shipmentId) {
        return ShipmentAlert.list("shipmentId", Sort.by("raisedAt").and("id"), shipmentId);
    }

    private static void filters(StringBuilder query, Map<String, Object> params, Shipment.Status status,
            Long carrierId, String province) {
        if (status != null) {
            query.append(" and status = :status");
            params.put("status", status);
        }
        if (carrierId != null) {
            query.append(" and carrierId = :carrierId");
            params.put("carrierId", carrierId);
        }
        if (province != null) {
            query.append(" and (pickup.province = :province or destinationProvince = :province)");
            params.put("province", province);
        }
    }
}
