package io.agrilink.catalog.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Farmers' activity for the funnel: products created and streams started up to {@code until}. A
 * stream counts for a farmer who is its FARMER host, or a member of its TEAM host's team now
 * (memberships are not kept historically). A product counts once listed, even if delisted since.
 */
@ApplicationScoped
public class FarmerActivityService {

    @Inject
    EntityManager em;

    /** One entry per subject asked, in that order; an unknown subject has zeros and nulls. */
    @SuppressWarnings("unchecked")
    public List<FarmerActivity> of(List<String> subjects, Instant until) {
        if (subjects.isEmpty()) {
            return List.of();
        }
        List<String> asked = subjects;
        Map<String, List<Long>> producers = new HashMap<>();
        Map<String, Object[]> firstProducer = new HashMap<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery("""
                select o.subject, p.id, p.province, p.commune from producer_owner o join producer p on p.id = o.producer_id
                where o.subject in (?1) order by o.subject, p.id""").setParameter(1, asked).getResultList()) {
            String subject = (String) r[0];
            producers.computeIfAbsent(subject, s -> new ArrayList<>()).add(((Number) r[1]).longValue());
            firstProducer.putIfAbsent(subject, r);
        }
        Map<String, Object[]> teams = new HashMap<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery("""
                select m.subject, t.id, t.name from sales_team_member m join sales_team t on t.id = m.team_id
                where m.subject in (?1)""").setParameter(1, asked).getResultList()) {
            teams.put((String) r[0], r);
        }
        Map<String, Object[]> products = new HashMap<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery("""
                select o.subject, count(distinct pr.id), min(pr.created_at)
                from producer_owner o join product pr on pr.producer_id = o.producer_id
                where o.subject in (?1) and pr.created_at <= ?2 group by o.subject""")
                .setParameter(1, asked).setParameter(2, until).getResultList()) {
            products.put((String) r[0], r);
        }
        Map<String, Object[]> streams = new HashMap<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery("""
                select who.subject, count(distinct s.id), min(s.started_at)
                from (select h.livestream_id, h.subject from livestream_host h
                      where h.kind = 'FARMER' and h.subject in (?1)
                      union
                      select h.livestream_id, m.subject from livestream_host h
                      join sales_team_member m on m.team_id = h.team_id
                      where h.kind = 'TEAM' and m.subject in (?1)) who
                join livestream s on s.id = who.livestream_id
                where s.started_at is not null and s.started_at <= ?2 group by who.subject""")
                .setParameter(1, asked).setParameter(2, until).getResultList()) {
            streams.put((String) r[0], r);
        }
        Map<String, FarmerActivity> bySubject = new LinkedHashMap<>();
        for (String subject : subjects) {
            Object[] first = firstProducer.get(subject);
            Object[] team = teams.get(subject);
            Object[] listed = products.get(subject);
            Object[] hosted = streams.get(subject);
            bySubject.put(subject, new FarmerActivity(subject, producers.getOrDefault(subject, List.of()),
                    first == null ? null : (String) first[2], first == null ? null : (String) first[3],
                    team == null ? null : ((Number) team[1]).longValue(), team == null ? null : (String) team[2],
                    listed == null ? 0 : ((Number) listed[1]).longValue(), listed == null ? null : instant(listed[2]),
                    hosted == null ? 0 : ((Number) hosted[1]).longValue(), hosted == null ? null : instant(hosted[2])));
        }
        return List.copyOf(bySubject.values());
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant();
        }
        throw new IllegalStateException("not a timestamp: " + value);
    }
}
