package io.agrilink.training.service;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Collator;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.agrilink.platform.time.AgriLinkTime;
import io.agrilink.training.client.CatalogClient;
import io.agrilink.training.client.CatalogRestClient.FarmerActivity;
import io.agrilink.training.client.OrderClient;
import io.agrilink.training.client.OrderRestClient.ProducerSales;
import io.agrilink.training.repository.FunnelRepository;
import io.agrilink.training.repository.FunnelRepository.CourseStep;
import io.agrilink.training.repository.FunnelRepository.EnrolmentPlace;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The training-to-selling funnel: of the farmers enrolled in a session starting in a period, how
 * many attended, were certified, list products, hosted a livestream and made a first sale, and the
 * revenue of their producers in the period. Each step is a subset of the one before. The training
 * steps are read here in one short transaction; catalog-service and order-service are asked
 * afterwards, with no database connection held. A service that does not answer leaves the steps it
 * feeds null and says so in {@link Sources}; the others are still given.
 * <p>
 * Only counts and sums per group leave this class: never a farmer, a buyer or one producer's figures.
 */
@ApplicationScoped
public class FunnelService {

    private static final Logger LOG = Logger.getLogger(FunnelService.class);
    private static final Collator VIETNAMESE = Collator.getInstance(Locale.forLanguageTag("vi"));

    public static final String AVAILABLE = "available";
    /** The characters of repeated query parameters one call may carry; the rest of its request line is short. */
    static final int QUERY_BUDGET = 3600;
    /** The key of the group of farmers whose commune or team is not known. */
    public static final String UNKNOWN = "unknown";
    public static final String NO_TEAM = "none";

    /** How the funnel is grouped. */
    public enum By {
        COURSE, COMMUNE, TEAM;

        public String param() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Each step ÷ the one before, 3 decimals; null when the one before is 0 or unknown. */
    public record Conversions(Double attended, Double certified, Double listedProduct, Double hostedStream,
            Double firstSale) {
    }

    /** One group's funnel; the catalog and order steps are null when their service did not answer. */
    public record Group(String key, String label, long enrolled, long attended, long certified, Long listedProduct,
            Long hostedStream, Long firstSale, Long revenue, Conversions conversions) {
    }

    /** "available", or "unavailable: why", per service the funnel asks. */
    public record Sources(String catalog, String orders) {
    }

    public record Funnel(String by, LocalDate from, LocalDate to, Instant generatedAt, Sources sources,
            List<Group> groups, Group total) {
    }

    /** One farmer counted in one group: what she did in training there. */
    private record Unit(String key, String label, String farmer, boolean attended, boolean certified) {
    }

    /** What the other services said; a map is null when its service did not answer. */
    private record Outside(Map<String, FarmerActivity> activity, Map<Long, ProducerSales> sales, Sources sources) {
    }

    @Inject
    FunnelRepository repository;

    @Inject
    CatalogClient catalog;

    @Inject
    OrderClient orders;

    @Inject
    AgriLinkTime time;

    /** The funnel of sessions starting from {@code from} to {@code to}, both inclusive, in the programme's zone. */
    public Funnel funnel(By by, LocalDate from, LocalDate to) {
        ZoneId zone = time.zone();
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();

        List<CourseStep> steps = new ArrayList<>();
        Map<String, EnrolmentPlace> places = new HashMap<>();
        QuarkusTransaction.requiringNew().run(() -> {
            steps.addAll(repository.courseSteps(start, end));
            repository.enrolmentPlaces(start, end).forEach(p -> places.put(p.farmer(), p));
        });

        // a farmer once, whatever her courses: attended or certified in any of them
        Map<String, Unit> farmers = new LinkedHashMap<>();
        for (CourseStep s : steps) {
            farmers.merge(s.farmer(), new Unit(null, null, s.farmer(), s.attended(), s.certified()),
                    (a, b) -> new Unit(null, null, a.farmer(), a.attended() || b.attended(), a.certified() || b.certified()));
        }
        Outside outside = askOutside(farmers.values(), start, end);

        List<Unit> units = switch (by) {
            case COURSE -> steps.stream().map(s -> new Unit(s.courseCode(),
                    s.courseTitle() == null ? s.courseCode() : s.courseTitle(), s.farmer(), s.attended(), s.certified()))
                    .toList();
            case COMMUNE -> farmers.values().stream().map(u -> inCommune(u, outside.activity(), places.get(u.farmer())))
                    .toList();
            case TEAM -> farmers.values().stream().map(u -> inTeam(u, outside.activity())).toList();
        };

        Map<String, List<Unit>> byKey = new LinkedHashMap<>();
        for (Unit u : units) {
            byKey.computeIfAbsent(u.key(), k -> new ArrayList<>()).add(u);
        }
        List<Group> groups = byKey.values().stream().map(g -> group(g.get(0).key(), g.get(0).label(), g, outside))
                .sorted(order(by)).toList();
        Group total = group("total", "Total", List.copyOf(farmers.values()), outside);
        return new Funnel(by.param(), from, to, Instant.now(), outside.sources(), groups, total);
    }

    private static Unit inCommune(Unit u, Map<String, FarmerActivity> activity, EnrolmentPlace place) {
        FarmerActivity a = activity == null ? null : activity.get(u.farmer());
        String province = null;
        String commune = null;
        if (a != null && a.commune() != null) {
            province = a.province();
            commune = a.commune();
        } else if (place != null) {
            province = place.province();
            commune = place.commune();
        }
        if (commune == null) {
            return new Unit(UNKNOWN, UNKNOWN, u.farmer(), u.attended(), u.certified());
        }
        // a commune's name is unique only within its province
        String key = province == null ? commune : province + "/" + commune;
        String label = province == null ? commune : commune + ", " + province;
        return new Unit(key, label, u.farmer(), u.attended(), u.certified());
    }

    private static Unit inTeam(Unit u, Map<String, FarmerActivity> activity) {
        if (activity == null) {
            return new Unit(UNKNOWN, UNKNOWN, u.farmer(), u.attended(), u.certified());
        }
        FarmerActivity a = activity.get(u.farmer());
        if (a == null || a.teamId() == null) {
            return new Unit(NO_TEAM, "no team", u.farmer(), u.attended(), u.certified());
        }
        return new Unit(String.valueOf(a.teamId()), a.teamName() == null ? "team " + a.teamId() : a.teamName(),
                u.farmer(), u.attended(), u.certified());
    }

    /** Courses by code; communes and teams by name in Vietnamese order, the unknown and the teamless last. */
    private static Comparator<Group> order(By by) {
        if (by == By.COURSE) {
            return Comparator.comparing(Group::key);
        }
        Function<Group, Boolean> unplaced = g -> UNKNOWN.equals(g.key()) || NO_TEAM.equals(g.key());
        return Comparator.comparing(unplaced).thenComparing(Group::label, VIETNAMESE).thenComparing(Group::key);
    }

    private Group group(String key, String label, List<Unit> units, Outside outside) {
        Map<String, FarmerActivity> activity = outside.activity();
        Map<Long, ProducerSales> sales = outside.sales();
        long enrolled = units.size();
        long attended = 0;
        long certified = 0;
        long listed = 0;
        long hosted = 0;
        long sold = 0;
        Set<Long> sellingProducers = new TreeSet<>();
        for (Unit u : units) {
            if (!u.attended()) {
                continue;
            }
            attended++;
            if (!u.certified()) {
                continue;
            }
            certified++;
            FarmerActivity a = activity == null ? null : activity.get(u.farmer());
            if (a == null || a.productsListed() <= 0) {
                continue;
            }
            listed++;
            if (a.streamsHosted() <= 0) {
                continue;
            }
            hosted++;
            if (sales == null || a.producerIds() == null) {
                continue;
            }
            List<Long> producers = a.producerIds().stream()
                    .filter(p -> sales.containsKey(p) && sales.get(p).firstSaleAt() != null).toList();
            if (!producers.isEmpty()) {
                sold++;
                sellingProducers.addAll(a.producerIds());
            }
        }
        Long listedProduct = activity == null ? null : listed;
        Long hostedStream = activity == null ? null : hosted;
        Long firstSale = sales == null ? null : sold;
        Long revenue = null;
        if (sales != null) {
            // each producer once per group, however many of the group's farmers own it
            revenue = sellingProducers.stream().map(sales::get).filter(s -> s != null).mapToLong(ProducerSales::revenue)
                    .sum();
        }
        return new Group(key, label, enrolled, attended, certified, listedProduct, hostedStream, firstSale, revenue,
                new Conversions(Rates.of(attended, enrolled), Rates.of(certified, attended),
                        Rates.of(listedProduct, certified), Rates.of(hostedStream, listedProduct),
                        Rates.of(firstSale, hostedStream)));
    }

    private Outside askOutside(Iterable<Unit> farmers, Instant start, Instant end) {
        List<String> subjects = new ArrayList<>();
        farmers.forEach(u -> subjects.add(u.farmer()));
        Map<String, FarmerActivity> activity = new HashMap<>();
        try {
            for (List<String> chunk : chunks(subjects, CatalogClient.SUBJECTS_PER_CALL, "subject")) {
                for (FarmerActivity a : catalog.activity(chunk, end)) {
                    activity.put(a.subject(), a);
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("Funnel without catalog steps, catalog-service unavailable: %s", e.getMessage());
            return new Outside(null, null, new Sources(
                    "unavailable: catalog-service did not answer, so listedProduct, hostedStream, firstSale and revenue are not counted",
                    "unavailable: not asked, catalog-service gave no producers"));
        }

        // sales matter only for the producers of farmers who reached hostedStream
        Map<String, Unit> bySubject = new HashMap<>();
        farmers.forEach(u -> bySubject.put(u.farmer(), u));
        Set<Long> producers = new TreeSet<>();
        for (FarmerActivity a : activity.values()) {
            Unit u = bySubject.get(a.subject());
            if (u != null && u.attended() && u.certified() && a.productsListed() > 0 && a.streamsHosted() > 0
                    && a.producerIds() != null) {
                producers.addAll(a.producerIds());
            }
        }
        Map<Long, ProducerSales> sales = new HashMap<>();
        try {
            for (List<Long> chunk : chunks(List.copyOf(producers), OrderClient.PRODUCERS_PER_CALL, "producer")) {
                for (ProducerSales s : orders.producerSales(chunk, start, end)) {
                    sales.put(s.producerId(), s);
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("Funnel without sales steps, order-service unavailable: %s", e.getMessage());
            return new Outside(activity, null, new Sources(AVAILABLE,
                    "unavailable: order-service did not answer, so firstSale and revenue are not counted"));
        }
        return new Outside(activity, sales, new Sources(AVAILABLE, AVAILABLE));
    }

    /**
     * Calls of at most {@code max} values whose {@code name=value&} query parameters also fit in
     * {@link #QUERY_BUDGET} characters: every service refuses a request line over 4096 characters
     * ({@code agrilink.http.max-request-line}) with 414, and 200 subjects as long as Keycloak's (36
     * characters) would be about 9,000.
     */
    static <T> List<List<T>> chunks(List<T> all, int max, String name) {
        List<List<T>> chunks = new ArrayList<>();
        List<T> chunk = new ArrayList<>();
        int length = 0;
        for (T value : all) {
            int more = name.length() + 2 + URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8).length();
            if (!chunk.isEmpty() && (chunk.size() == max || length + more > QUERY_BUDGET)) {
                chunks.add(chunk);
                chunk = new ArrayList<>();
                length = 0;
            }
            chunk.add(value);
            length += more;
        }
        if (!chunk.isEmpty()) {
            chunks.add(chunk);
        }
        return chunks;
    }
}
