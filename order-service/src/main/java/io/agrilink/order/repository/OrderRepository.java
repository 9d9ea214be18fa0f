package io.agrilink.order.repository;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.agrilink.order.CustomerOrder;
import io.agrilink.order.OrderEvent;
import io.agrilink.order.OrderLine;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

/** Reading orders: lists, the packing list and the campaign dashboard's sums. */
@ApplicationScoped
public class OrderRepository implements PanacheRepository<CustomerOrder> {

    /** One group of the dashboard: a province, a country or a minute. */
    public record Totals(String key, long orders, long grams, long revenue) {
    }

    /** A buyer's orders, or everyone's ({@code buyer} null), newest first, optionally of one status. */
    public PanacheQuery<CustomerOrder> orders(String buyer, CustomerOrder.Status status) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (buyer != null) {
            query.append(" and buyer = :buyer");
            parameters.and("buyer", buyer);
        }
        if (status != null) {
            query.append(" and status = :status");
            parameters.and("status", status);
        }
        return find(query.toString(), Sort.descending("placedAt").and("id", Sort.Direction.Descending), parameters);
    }

    public List<OrderEvent> history(long orderId) {
        return OrderEvent.list("orderId = ?1 order by at, id", orderId);
    }

    /**
     * The lines a farmer packs: lines of their products in orders confirmed in [from, to) that are
     * waiting to be packed or packed and waiting for pickup.
     */
    public PanacheQuery<OrderLine> packingList(String farmer, Instant from, Instant to) {
        return OrderLine.find("select l from OrderLine l join fetch l.order o where l.farmers like :farmer"
                + " and o.confirmedAt >= :from and o.confirmedAt < :to and o.status in :statuses"
                + " order by o.confirmedAt, o.id, l.id",
                Parameters.with("farmer", "%," + escapeLike(farmer) + ",%").and("from", from).and("to", to)
                        .and("statuses", List.of(CustomerOrder.Status.CONFIRMED, CustomerOrder.Status.READY_FOR_PICKUP)));
    }

    public long packingListGrams(String farmer, Instant from, Instant to) {
        Long grams = getEntityManager().createQuery("select coalesce(sum(l.grams), 0) from OrderLine l join l.order o"
                + " where l.farmers like :farmer and o.confirmedAt >= :from and o.confirmedAt < :to"
                + " and o.status in :statuses", Long.class)
                .setParameter("farmer", "%," + escapeLike(farmer) + ",%").setParameter("from", from)
                .setParameter("to", to)
                .setParameter("statuses", List.of(CustomerOrder.Status.CONFIRMED, CustomerOrder.Status.READY_FOR_PICKUP))
                .getSingleResult();
        return grams == null ? 0 : grams;
    }

    /** Campaign totals over its lines in orders that are not cancelled. */
    public Totals campaignTotals(long campaignId) {
        Object[] row = (Object[]) getEntityManager().createNativeQuery("select count(distinct o.id),"
                + " coalesce(sum(l.grams), 0), coalesce(sum(l.amount), 0)"
                + " from order_line l join customer_order o on o.id = l.order_id"
                + " where l.campaign_id = :campaign and o.status <> 'CANCELLED'")
                .setParameter("campaign", campaignId).getSingleResult();
        return new Totals("all", ((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                ((Number) row[2]).longValue());
    }

    /** The same totals grouped by {@code groupBy}: an SQL expression over order {@code o}. */
    public List<Totals> campaignTotalsBy(long campaignId, String groupBy) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery("select " + groupBy + " as k, count(distinct o.id),"
                + " coalesce(sum(l.grams), 0), coalesce(sum(l.amount), 0)"
                + " from order_line l join customer_order o on o.id = l.order_id"
                + " where l.campaign_id = :campaign and o.status <> 'CANCELLED'"
                + " group by k order by k")
                .setParameter("campaign", campaignId).getResultList();
        return rows.stream().map(r -> new Totals(key(r[0]), ((Number) r[1]).longValue(),
                ((Number) r[2]).longValue(), ((Number) r[3]).longValue())).toList();
    }

    /** Makes the next statements of this transaction read one snapshot, so totals and groups agree. */
    public void readOneSnapshot() {
        getEntityManager().createNativeQuery("set transaction isolation level repeatable read").executeUpdate();
    }

    private static String key(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant().toString();
        }
        if (value instanceof java.time.OffsetDateTime t) {
            return t.toInstant().toString();
        }
        return value.toString();
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_").replace(",", "");
    }
}
