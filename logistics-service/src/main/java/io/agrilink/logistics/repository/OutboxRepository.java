package io.agrilink.logistics.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.agrilink.logistics.OutboxEvent;
import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class OutboxRepository implements PanacheRepository<OutboxEvent> {

    /**
     * Locks up to {@code limit} events that are due, each the oldest undelivered one of its
     * shipment, so a shipment's events reach order-service in order. Rows another instance holds
     * are skipped, and so are the later events of their shipments.
     */
    @SuppressWarnings("unchecked")
    public List<OutboxEvent> claimDue(int limit) {
        return getEntityManager().createNativeQuery("""
                select o.* from outbox_event o
                where o.delivered_at is null and o.failed_at is null and o.next_attempt_at <= now()
                  and not exists (select 1 from outbox_event earlier
                                  where earlier.shipment_id = o.shipment_id and earlier.position < o.position
                                    and earlier.delivered_at is null and earlier.failed_at is null)
                order by o.next_attempt_at, o.id
                limit :limit
                for update of o skip locked""", OutboxEvent.class)
                .setParameter("limit", limit)
                .getResultList();
    }
}
