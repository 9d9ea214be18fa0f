package io.agrilink.logistics.repository;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.agrilink.logistics.Carrier;
import io.agrilink.logistics.Shipment;
import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class CarrierRepository implements PanacheRepository<Carrier> {

    /** Deliveries of a carrier: how many, and how many by their deadline. */
    public record Deliveries(long delivered, long onTime) {
        public static final Deliveries NONE = new Deliveries(0, 0);
    }

    public Optional<Carrier> findBySubject(String subject) {
        return find("subject", subject).firstResultOptional();
    }

    /** Shipments the carrier took on since {@code since} (accepted or assigned). */
    public long countTakenSince(long carrierId, Instant since) {
        return Shipment.count("carrierId = ?1 and assignedAt >= ?2", carrierId, since);
    }

    /** Shipments the carrier holds that are not yet delivered, returned or cancelled, oldest first. */
    public List<Long> heldShipments(long carrierId) {
        return getEntityManager().createQuery(
                "select s.id from Shipment s where s.carrierId = :carrier and s.status not in :done order by s.id",
                Long.class)
                .setParameter("carrier", carrierId)
                .setParameter("done", List.of(Shipment.Status.DELIVERED, Shipment.Status.RETURNED,
                        Shipment.Status.CANCELLED))
                .getResultList();
    }

    public Map<Long, Deliveries> deliveries(Collection<Long> carrierIds) {
        Map<Long, Deliveries> result = new HashMap<>();
        if (carrierIds.isEmpty()) {
            return result;
        }
        List<Object[]> rows = getEntityManager().createQuery("""
                select s.carrierId, count(s), sum(case when s.deliveredAt <= s.deliverBy then 1 else 0 end)
                from Shipment s
                where s.status = :delivered and s.carrierId in :ids
                group by s.carrierId""", Object[].class)
                .setParameter("delivered", Shipment.Status.DELIVERED)
                .setParameter("ids", carrierIds)
                .getResultList();
        for (Object[] row : rows) {
            result.put((Long) row[0], new Deliveries(((Number) row[1]).longValue(), ((Number) row[2]).longValue()));
        }
        return result;
    }
}
