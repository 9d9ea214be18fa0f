package io.agrilink.training.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.agrilink.training.client.CatalogClient;
import io.agrilink.training.client.CatalogRestClient;

/**
 * Programme figures for staff. Rates are shares of the enrolments whose attendance was recorded:
 * completion = ATTENDED / recorded, no-show = NO_SHOW / recorded (null while nothing is recorded).
 */
@ApplicationScoped
public class ReportService {

    private static final Logger LOG = Logger.getLogger(ReportService.class);
    private static final int SUBJECTS_PER_CALL = 50;

    /** Counts for one group (a course, a province, a commune). */
    public record Figures(String course, String province, String commune, long enrolments, long seated,
            long waitlisted, long attended, long partial, long noShow, Double completionRate, Double noShowRate) {
    }

    public record Waitlist(long sessionId, String course, Instant startsAt, int capacity, long seatsTaken,
            long waitlistLength) {
    }

    /**
     * Trained farmers (completed a course) and how many of them list products in the catalogue.
     * {@code catalog} says "available", or why the count is missing.
     */
    public record Listings(long trainedFarmers, Long farmersListingProducts, Long productsListed, String catalog) {
    }

    public record Report(Instant generatedAt, List<Figures> byCourse, List<Figures> byProvince,
            List<Figures> byCommune, List<Waitlist> waitlists, Listings listings) {
    }

    @Inject
    EntityManager em;

    @Inject
    CatalogClient catalog;

    public Report report(Long courseId) {
        return new Report(Instant.now(),
                figures("c.code", "cast(null as varchar)", "cast(null as varchar)", courseId),
                figures("cast(null as varchar)", "coalesce(e.province, s.province, 'unknown')", "cast(null as varchar)", courseId),
                figures("cast(null as varchar)", "coalesce(e.province, s.province, 'unknown')", "coalesce(e.commune, s.commune, 'unknown')",
                        courseId),
                waitlists(courseId), listings(courseId));
    }

    @SuppressWarnings("unchecked")
    private List<Figures> figures(String course, String province, String commune, Long courseId) {
        String sql = "select " + course + " as course, " + province + " as province, " + commune + " as commune, "
                + """
                count(*),
                count(*) filter (where e.status = 'SEATED'),
                count(*) filter (where e.status = 'WAITLISTED'),
                count(*) filter (where e.attendance = 'ATTENDED'),
                count(*) filter (where e.attendance = 'PARTIAL'),
                count(*) filter (where e.attendance = 'NO_SHOW')
                from enrolment e join training_session s on s.id = e.session_id join course c on c.id = e.course_id
                where (cast(:courseId as bigint) is null or e.course_id = cast(:courseId as bigint))
                group by 1, 2, 3 order by 1, 2, 3""";
        List<Object[]> rows = em.createNativeQuery(sql).setParameter("courseId", courseId).getResultList();
        List<Figures> figures = new ArrayList<>();
        for (Object[] r : rows) {
            long attended = n(r[6]);
            long partial = n(r[7]);
            long noShow = n(r[8]);
            long recorded = attended + partial + noShow;
            figures.add(new Figures((String) r[0], (String) r[1], (String) r[2], n(r[3]), n(r[4]), n(r[5]), attended,
                    partial, noShow, Rates.of(attended, recorded), Rates.of(noShow, recorded)));
        }
        return figures;
    }

    @SuppressWarnings("unchecked")
    private List<Waitlist> waitlists(Long courseId) {
        List<Object[]> rows = em.createNativeQuery("""
                select s.id, c.code, s.starts_at, s.capacity,
                       count(e.id) filter (where e.status in ('SEATED', 'OFFERED')),
                       count(e.id) filter (where e.status = 'WAITLISTED')
                from training_session s join course c on c.id = s.course_id
                left join enrolment e on e.session_id = s.id
                where s.status = 'SCHEDULED'
                  and (cast(:courseId as bigint) is null or s.course_id = cast(:courseId as bigint))
                group by s.id, c.code, s.starts_at, s.capacity
                order by s.starts_at, s.id""").setParameter("courseId", courseId).getResultList();
        return rows.stream().map(r -> new Waitlist(n(r[0]), (String) r[1], instant(r[2]), (int) n(r[3]), n(r[4]),
                n(r[5]))).toList();
    }

    private Listings listings(Long courseId) {
        @SuppressWarnings("unchecked")
        List<String> trained = em.createNativeQuery("""
                select distinct farmer from enrolment
                where attendance = 'ATTENDED'
                  and (cast(:courseId as bigint) is null or course_id = cast(:courseId as bigint))
                order by farmer""").setParameter("courseId", courseId).getResultList();
        if (trained.isEmpty()) {
            return new Listings(0, 0L, 0L, "available");
        }
        long listing = 0;
        long products = 0;
        try {
            for (int from = 0; from < trained.size(); from += SUBJECTS_PER_CALL) {
                List<String> chunk = trained.subList(from, Math.min(from + SUBJECTS_PER_CALL, trained.size()));
                for (CatalogRestClient.FarmerListings l : catalog.listings(chunk)) {
                    if (l.products() > 0) {
                        listing++;
                        products += l.products();
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("Listings not counted, catalog-service unavailable: %s", e.getMessage());
            return new Listings(trained.size(), null, null,
                    "unavailable: catalog-service did not answer, so listings are not counted in this report");
        }
        return new Listings(trained.size(), listing, products, "available");
    }

    private static long n(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        return null;
    }
}
