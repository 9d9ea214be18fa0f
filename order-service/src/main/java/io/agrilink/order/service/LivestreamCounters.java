package io.agrilink.order.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.agrilink.order.repository.LivestreamRepository;
import io.agrilink.order.repository.LivestreamRepository.Group;
import io.agrilink.order.repository.LivestreamRepository.Stream;
import io.agrilink.order.repository.OrderRepository;
import io.agrilink.platform.problem.ProblemException;
import io.agrilink.platform.security.Caller;

/**
 * A stream's counter and results, and the results of a team's or a host's streams over a period.
 * Each is read from one REPEATABLE READ snapshot (as the campaign dashboard is), so the groups add
 * up to the totals while orders keep coming.
 */
@ApplicationScoped
public class LivestreamCounters {

    /** One stream's figures; {@code headline} is null for a stream that never started. */
    public record StreamCounter(Stream stream, Group all, List<Group> byProvince, List<Group> byCountry,
            List<Group> perMinute, String headline) {
    }

    /** One stream among a team's or host's results. */
    public record StreamLine(Stream stream, Group all, String headline) {
    }

    /** A team's or a host's streams started in the period, and their sums. */
    public record Results(List<StreamLine> streams, Group all, List<Group> byProvince, List<Group> byCountry,
            String headline) {
    }

    @Inject
    OrderRepository orders;

    @Inject
    LivestreamRepository streams;

    @Inject
    Caller caller;

    /** What anyone may see of the stream of {@code code}; 404 for no such stream. */
    @Transactional
    public StreamCounter counter(String code, Instant now) {
        orders.readOneSnapshot();
        return counter(stream(code), now);
    }

    /** The same for staff and the stream's movers (with revenue); 403 for anyone else. */
    @Transactional
    public StreamCounter results(String code, Instant now) {
        orders.readOneSnapshot();
        Stream stream = stream(code);
        if (!caller.isStaff() && !streams.isMover(stream.id(), caller.subject())) {
            throw ProblemException.forbidden("Only staff and the hosts of livestream " + stream.code()
                    + " see its results");
        }
        return counter(stream, now);
    }

    /**
     * The results of a team's ({@code team}) or a host's ({@code host}) streams started in
     * [from, to): staff see any; a farmer her own as a host, or a team some stream's snapshot
     * lists her in.
     */
    @Transactional
    public Results results(Long team, String host, Instant from, Instant to, Instant now) {
        orders.readOneSnapshot();
        if (!caller.isStaff()) {
            boolean own = team == null ? host.equals(caller.subject()) : streams.listsMember(team, caller.subject());
            if (!own) {
                throw ProblemException.forbidden(team == null ? "A farmer sees only her own results as a host"
                        : "A farmer sees only the results of her own team");
            }
        }
        List<Stream> started = team == null ? streams.startedByHost(host, from, to)
                : streams.startedByTeam(team, from, to);
        List<Long> ids = started.stream().map(Stream::id).toList();
        Map<Long, Group> perStream = streams.totalsBy(ids, "livestream_id").stream()
                .collect(Collectors.toMap(g -> ((Number) g.key()).longValue(), Function.identity()));
        Duration live = Duration.ZERO;
        List<StreamLine> lines = new ArrayList<>(started.size());
        for (Stream stream : started) {
            Group all = perStream.getOrDefault(stream.id(), new Group(stream.id(), 0, 0, 0));
            live = live.plus(duration(stream, now));
            lines.add(new StreamLine(stream, all, Headlines.of(all.grams(), duration(stream, now))));
        }
        Group all = streams.totals(ids);
        return new Results(lines, all, byProvince(ids), streams.totalsBy(ids, "country"),
                Headlines.of(all.grams(), live));
    }

    private StreamCounter counter(Stream stream, Instant now) {
        List<Long> ids = List.of(stream.id());
        Group all = streams.totals(ids);
        return new StreamCounter(stream, all, byProvince(ids), streams.totalsBy(ids, "country"),
                streams.totalsBy(ids, "date_trunc('minute', placed_at)"),
                stream.startedAt() == null ? null : Headlines.of(all.grams(), duration(stream, now)));
    }

    private Stream stream(String code) {
        return streams.byCode(code).orElseThrow(() -> ProblemException.notFound("Livestream", code));
    }

    private List<Group> byProvince(List<Long> ids) {
        return streams.totalsBy(ids, "case when country = 'VN' then province end");
    }

    /** From its start to its end, or to now while it is live. */
    private static Duration duration(Stream stream, Instant now) {
        if (stream.startedAt() == null) {
            return Duration.ZERO;
        }
        Instant end = stream.endedAt() != null ? stream.endedAt() : now;
        return end.isBefore(stream.startedAt()) ? Duration.ZERO : Duration.between(stream.startedAt(), end);
    }
}
