package io.agrilink.order.rest;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;

import io.agrilink.order.repository.LivestreamRepository.Group;
import io.agrilink.order.service.LivestreamCounters;

/**
 * The livestream counters and results as JSON. The public counter carries no amount and no buyer:
 * {@code revenue} is there for staff and the stream's hosts only (left out, not null, otherwise).
 */
public final class LivestreamViews {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private LivestreamViews() {
    }

    /** A stream's counter ({@code revenue} null) or results. */
    public record Counter(String code, String state, Instant asOf, Instant startedAt, Instant endedAt, long orders,
            long grams, @JsonInclude(Include.NON_NULL) Long revenue, List<Province> byProvince,
            List<Country> byCountry, List<Minute> perMinute, String headline) {

        static Counter of(LivestreamCounters.StreamCounter c, Instant asOf, boolean withRevenue, ZoneId zone) {
            return new Counter(c.stream().code(), c.stream().state(), asOf, c.stream().startedAt(),
                    c.stream().endedAt(), c.all().orders(), c.all().grams(), revenueOf(c.all(), withRevenue),
                    c.byProvince().stream().map(g -> Province.of(g, withRevenue)).toList(),
                    c.byCountry().stream().map(g -> Country.of(g, withRevenue)).toList(),
                    c.perMinute().stream().map(g -> Minute.of(g, withRevenue, zone)).toList(), c.headline());
        }
    }

    /** Orders delivered to a Vietnamese province. */
    public record Province(String province, long orders, long grams, @JsonInclude(Include.NON_NULL) Long revenue) {

        static Province of(Group g, boolean withRevenue) {
            return new Province((String) g.key(), g.orders(), g.grams(), revenueOf(g, withRevenue));
        }
    }

    /** Orders delivered to a country (ISO 3166 alpha-2). */
    public record Country(String country, long orders, long grams, @JsonInclude(Include.NON_NULL) Long revenue) {

        static Country of(Group g, boolean withRevenue) {
            return new Country((String) g.key(), g.orders(), g.grams(), revenueOf(g, withRevenue));
        }
    }

    /** Orders placed in one minute, the minute in the programme's time zone ({@code 2026-06-10T20:31:00+07:00}). */
    public record Minute(String minute, long orders, long grams, @JsonInclude(Include.NON_NULL) Long revenue) {

        static Minute of(Group g, boolean withRevenue, ZoneId zone) {
            Instant at = (Instant) g.key();
            return new Minute(MINUTE.format(at.atOffset(zone.getRules().getOffset(at))), g.orders(), g.grams(),
                    revenueOf(g, withRevenue));
        }
    }

    /** A team's ({@code team}) or a host's ({@code host}) streams started in [from, to), and their sums. */
    public record Results(@JsonInclude(Include.NON_NULL) Long team, @JsonInclude(Include.NON_NULL) String host,
            Instant from, Instant to, List<Stream> streams, long orders, long grams, long revenue,
            List<Province> byProvince, List<Country> byCountry, String headline) {

        static Results of(Long team, String host, Instant from, Instant to, LivestreamCounters.Results r) {
            return new Results(team, host, from, to, r.streams().stream().map(Stream::of).toList(), r.all().orders(),
                    r.all().grams(), r.all().revenue(), r.byProvince().stream().map(g -> Province.of(g, true)).toList(),
                    r.byCountry().stream().map(g -> Country.of(g, true)).toList(), r.headline());
        }
    }

    public record Stream(String code, String title, Instant startedAt, Instant endedAt, long orders, long grams,
            long revenue, String headline) {

        static Stream of(LivestreamCounters.StreamLine line) {
            return new Stream(line.stream().code(), line.stream().title(), line.stream().startedAt(),
                    line.stream().endedAt(), line.all().orders(), line.all().grams(), line.all().revenue(),
                    line.headline());
        }
    }

    private static Long revenueOf(Group g, boolean withRevenue) {
        return withRevenue ? g.revenue() : null;
    }
}
