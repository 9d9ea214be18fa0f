package io.agrilink.order.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Reading the livestream replica and the sums of the orders attributed to streams. The counting
 * rule everywhere: attributed orders not cancelled, whole orders ({@code total_grams},
 * {@code total_amount}).
 */
@ApplicationScoped
public class LivestreamRepository {

    /** A stream of the replica. */
    public record Stream(long id, String code, String title, String state, long campaignId, Instant startedAt,
            Instant endedAt) {
    }

    /** One group of orders: a stream's id, a province, a country or a minute. */
    public record Group(Object key, long orders, long grams, long revenue) {
    }

    /** One producer's sales: first sale up to the period's end, orders and revenue in the period. */
    public record ProducerSales(long producerId, Instant firstSaleAt, long orders, long revenue) {
    }

    private static final String STREAM = "select id, code, title, state, campaign_id, started_at, ended_at from livestream";

    @Inject
    EntityManager em;

    public Optional<Stream> byCode(String code) {
        return rows(em.createNativeQuery(STREAM + " where code = :code").setParameter("code", code).getResultList())
                .stream().map(LivestreamRepository::stream).findFirst();
    }

    /** Streams with a host of this team (a TEAM host), started in [from, to), in start order. */
    public List<Stream> startedByTeam(long teamId, Instant from, Instant to) {
        return rows(em.createNativeQuery(STREAM + " l where started_at >= :from and started_at < :to and exists"
                + " (select 1 from livestream_host h where h.livestream_id = l.id and h.team_id = :team)"
                + " order by started_at, id").setParameter("team", teamId).setParameter("from", from)
                .setParameter("to", to).getResultList()).stream().map(LivestreamRepository::stream).toList();
    }

    /** Streams with a host whose account is {@code subject}, started in [from, to), in start order. */
    public List<Stream> startedByHost(String subject, Instant from, Instant to) {
        return rows(em.createNativeQuery(STREAM + " l where started_at >= :from and started_at < :to and exists"
                + " (select 1 from livestream_host h where h.livestream_id = l.id and h.subject = :subject)"
                + " order by started_at, id").setParameter("subject", subject).setParameter("from", from)
                .setParameter("to", to).getResultList()).stream().map(LivestreamRepository::stream).toList();
    }

    /**
     * Whether {@code subject} may move the stream, per its snapshot: the account of one of its
     * hosts, or a member (the leader among them) of a TEAM host's team.
     */
    public boolean isMover(long livestreamId, String subject) {
        return !em.createNativeQuery("select 1 from livestream_host where livestream_id = :id"
                + " and (subject = :subject or members @> array[cast(:subject as varchar)]) limit 1")
                .setParameter("id", livestreamId).setParameter("subject", subject).getResultList().isEmpty();
    }

    /** Whether some stream's snapshot lists {@code subject} as a member of {@code teamId}. */
    public boolean listsMember(long teamId, String subject) {
        return !em.createNativeQuery("select 1 from livestream_host where team_id = :team"
                + " and members @> array[cast(:subject as varchar)] limit 1").setParameter("team", teamId)
                .setParameter("subject", subject).getResultList().isEmpty();
    }

    /** The totals of the streams' orders. */
    public Group totals(Collection<Long> livestreamIds) {
        if (livestreamIds.isEmpty()) {
            return new Group("all", 0, 0, 0);
        }
        Object[] row = (Object[]) em.createNativeQuery("select count(*), coalesce(sum(total_grams), 0),"
                + " coalesce(sum(total_amount), 0) from customer_order"
                + " where livestream_id in (:ids) and status <> 'CANCELLED'").setParameter("ids", livestreamIds)
                .getSingleResult();
        return new Group("all", number(row[0]), number(row[1]), number(row[2]));
    }

    /** The same grouped by {@code groupBy}, an SQL expression over {@code customer_order}; null keys left out. */
    public List<Group> totalsBy(Collection<Long> livestreamIds, String groupBy) {
        if (livestreamIds.isEmpty()) {
            return List.of();
        }
        return rows(em.createNativeQuery("select " + groupBy + " as k, count(*), coalesce(sum(total_grams), 0),"
                + " coalesce(sum(total_amount), 0) from customer_order"
                + " where livestream_id in (:ids) and status <> 'CANCELLED' group by k order by k")
                .setParameter("ids", livestreamIds).getResultList()).stream()
                .filter(r -> r[0] != null)
                .map(r -> new Group(key(r[0]), number(r[1]), number(r[2]), number(r[3]))).toList();
    }

    /**
     * Each producer's lines in orders not cancelled: the first such order placed before {@code to},
     * and the orders and the lines' amounts placed in [from, to).
     */
    public List<ProducerSales> producerSales(Collection<Long> producerIds, Instant from, Instant to) {
        return rows(em.createNativeQuery("select l.producer_id, min(o.placed_at),"
                + " count(distinct o.id) filter (where o.placed_at >= :from),"
                + " coalesce(sum(l.amount) filter (where o.placed_at >= :from), 0)"
                + " from order_line l join customer_order o on o.id = l.order_id"
                + " where l.producer_id in (:ids) and o.status <> 'CANCELLED' and o.placed_at < :to"
                + " group by l.producer_id").setParameter("ids", producerIds).setParameter("from", from)
                .setParameter("to", to).getResultList()).stream()
                .map(r -> new ProducerSales(number(r[0]), (Instant) key(r[1]), number(r[2]), number(r[3]))).toList();
    }

    private static Stream stream(Object[] r) {
        return new Stream(number(r[0]), (String) r[1], (String) r[2], (String) r[3], number(r[4]),
                (Instant) key(r[5]), (Instant) key(r[6]));
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(List<?> rows) {
        return (List<Object[]>) rows;
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    /** Times as instants, the rest as they come. */
    private static Object key(Object value) {
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        return value;
    }
}
