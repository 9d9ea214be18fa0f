package io.agrilink.catalog.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.hibernate.exception.ConstraintViolationException;
import org.jboss.logging.Logger;

import io.agrilink.catalog.AuditEntry;
import io.agrilink.catalog.Campaign;
import io.agrilink.catalog.Livestream;
import io.agrilink.catalog.LivestreamHost;
import io.agrilink.catalog.SalesTeam;
import io.agrilink.platform.problem.ProblemException;
import io.agrilink.platform.security.Caller;
import io.agrilink.platform.vn.VietnameseText;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;

/**
 * Livestreams: scheduled by staff or one of their own hosts, changed while scheduled, moved
 * (start, end, cancel) by staff or a mover, each change in the audit trail and told to order-service
 * through the outbox in the same transaction. A move locks the stream's row first, so of two
 * parallel starts one goes LIVE and the other finds it LIVE (409).
 */
@ApplicationScoped
public class LivestreamService {

    private static final Logger LOG = Logger.getLogger(LivestreamService.class);

    /** Longest a stream may be planned for. */
    public static final Duration LONGEST = Duration.ofHours(24);

    /** Codes drawn before giving up: with 32^6 codes, a second draw is already rare. */
    private static final int CODE_ATTEMPTS = 8;

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    AuditTrail audit;

    @Inject
    LivestreamCodes codes;

    @Inject
    LivestreamAnnouncements announcements;

    /**
     * Schedules a stream under a fresh random code, drawn again when the unique index finds it taken
     * (each attempt its own transaction, as a failed insert ends the one it ran in).
     */
    public Livestream schedule(LivestreamDetails input) {
        for (int attempt = 1;; attempt++) {
            String code = codes.next();
            try {
                return QuarkusTransaction.requiringNew().call(() -> insert(input, code));
            } catch (PersistenceException | QuarkusTransactionException e) {
                if (!codeTaken(e) || attempt == CODE_ATTEMPTS) {
                    throw e;
                }
                LOG.infof("Livestream code %s is taken; drawing another", code);
            }
        }
    }

    private Livestream insert(LivestreamDetails input, String code) {
        if (input.campaignId() == null) {
            throw ProblemException.invalid("campaignId", "is required: the campaign the stream sells");
        }
        Livestream stream = new Livestream();
        stream.code = code;
        stream.campaignId = campaign(input.campaignId()).id;
        apply(stream, input);
        requireMayMove(stream, "schedule a livestream you do not host (as its FARMER, its host's subject or a member "
                + "of its TEAM)");
        stream.version = 1;
        stream.persist();
        em.flush();
        audit.record(AuditEntry.SubjectType.LIVESTREAM, stream.id, "SCHEDULED", null, "code " + code + "; "
                + describe(fields(stream)));
        announcements.announce(stream);
        return stream;
    }

    /** Title, platform, url, planned times, lots and hosts, while it is scheduled. */
    @Transactional
    public Livestream update(String code, LivestreamDetails input) {
        Livestream stream = lockForMove(code);
        stream.requireScheduled("change it");
        if (input.campaignId() != null && input.campaignId() != stream.campaignId) {
            throw ProblemException.unprocessable("campaignId", "a livestream's campaign does not change: schedule "
                    + "another stream for campaign " + input.campaignId());
        }
        Map<String, Object> before = fields(stream);
        apply(stream, input);
        requireMayMove(stream, "leave yourself out of the stream's hosts: ask staff");
        String changes = changes(before, fields(stream));
        stream.changed();
        audit.record(AuditEntry.SubjectType.LIVESTREAM, stream.id, "CHANGED", null,
                changes.isEmpty() ? "nothing changed" : changes);
        announcements.announce(stream);
        return stream;
    }

    @Transactional
    public Livestream start(String code) {
        Livestream stream = lockForMove(code);
        audit.record(stream.start(Instant.now()));
        announcements.announce(stream);
        return stream;
    }

    @Transactional
    public Livestream end(String code) {
        Livestream stream = lockForMove(code);
        audit.record(stream.end(Instant.now()));
        announcements.announce(stream);
        return stream;
    }

    @Transactional
    public Livestream cancel(String code, String reason) {
        Livestream stream = lockForMove(code);
        audit.record(stream.cancel(reason.strip(), Instant.now()));
        announcements.announce(stream);
        return stream;
    }

    public Livestream get(String code) {
        return Livestream.<Livestream> find("code", code).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("Livestream", code));
    }

    /** Newest planned start first, at most {@code limit}. */
    public List<Livestream> list(Livestream.State state, Long campaignId, Instant from, Instant to, int limit) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (state != null) {
            where.append(" and state = :state");
            params.put("state", state);
        }
        if (campaignId != null) {
            where.append(" and campaignId = :campaign");
            params.put("campaign", campaignId);
        }
        if (from != null) {
            where.append(" and plannedStart >= :from");
            params.put("from", from);
        }
        if (to != null) {
            where.append(" and plannedStart < :to");
            params.put("to", to);
        }
        return Livestream.<Livestream> find(where + " order by plannedStart desc, id desc", params).page(0, limit)
                .list();
    }

    /** The streams the caller may move: she is a host's subject, or in a TEAM host's team. Newest first. */
    @SuppressWarnings("unchecked")
    public List<Livestream> mine() {
        String subject = caller.subject();
        List<Long> ids = em.createNativeQuery("""
                select s.id from livestream s where exists (
                    select 1 from livestream_host h where h.livestream_id = s.id and (h.subject = ?1 or h.team_id in (
                        select m.team_id from sales_team_member m where m.subject = ?1)))
                order by s.planned_start desc, s.id desc""", Long.class).setParameter(1, subject).getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Livestream> byId = new HashMap<>();
        Livestream.<Livestream> list("id in ?1", ids).forEach(s -> byId.put(s.id, s));
        return ids.stream().map(byId::get).toList();
    }

    /** Whoever may move the stream: every host's subject, and the members (leader included) of its TEAM hosts. */
    public Set<String> movers(Livestream stream) {
        Set<String> movers = new LinkedHashSet<>();
        for (LivestreamHost host : stream.hosts) {
            if (host.kind == LivestreamHost.Kind.TEAM) {
                SalesTeam team = SalesTeam.findById(host.teamId);
                team.members.forEach(m -> movers.add(m.subject));
                movers.add(team.leader);
            } else if (host.subject != null) {
                movers.add(host.subject);
            }
        }
        return movers;
    }

    /** Staff, or one of the stream's movers. */
    public boolean mayMove(Livestream stream) {
        return caller.isStaff() || (caller.subject() != null && movers(stream).contains(caller.subject()));
    }

    public Campaign campaign(Livestream stream) {
        return Campaign.findById(stream.campaignId);
    }

    private Livestream lockForMove(String code) {
        Livestream stream = Livestream.<Livestream> find("code", code).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional().orElseThrow(() -> ProblemException.notFound("Livestream", code));
        requireMayMove(stream, "move livestream " + code + ": only staff and its hosts do");
        return stream;
    }

    private void requireMayMove(Livestream stream, String refusal) {
        if (!mayMove(stream)) {
            throw ProblemException.forbidden("You may not " + refusal);
        }
    }

    private Campaign campaign(long id) {
        Campaign campaign = Campaign.findById(id);
        if (campaign == null) {
            throw ProblemException.unprocessable("campaignId", "campaign " + id + " does not exist");
        }
        return campaign;
    }

    private void apply(Livestream stream, LivestreamDetails input) {
        if (!input.plannedEnd().isAfter(input.plannedStart())) {
            throw ProblemException.invalid("plannedEnd", "must be after plannedStart");
        }
        if (Duration.between(input.plannedStart(), input.plannedEnd()).compareTo(LONGEST) > 0) {
            throw ProblemException.invalid("plannedEnd", "must be at most 24 hours after plannedStart");
        }
        Campaign campaign = campaign(stream.campaignId);
        Set<Long> inCampaign = new HashSet<>();
        campaign.lots.forEach(l -> inCampaign.add(l.lotId));
        List<Long> lots = input.lotIds() == null ? List.of() : input.lotIds();
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < lots.size(); i++) {
            String field = "lotIds[" + i + "]";
            if (!seen.add(lots.get(i))) {
                throw ProblemException.invalid(field, "lot " + lots.get(i) + " is listed twice");
            }
            if (!inCampaign.contains(lots.get(i))) {
                throw ProblemException.unprocessable(field, "lot " + lots.get(i) + " is not on sale in campaign "
                        + campaign.id + " (\"" + campaign.name + "\")");
            }
        }
        List<LivestreamHost> hosts = new ArrayList<>();
        for (int i = 0; i < input.hosts().size(); i++) {
            hosts.add(host(input.hosts().get(i), "hosts[" + i + "]"));
        }
        stream.title = VietnameseText.nfc(input.title().strip());
        stream.platform = input.platform();
        stream.url = input.url().strip();
        stream.plannedStart = input.plannedStart();
        stream.plannedEnd = input.plannedEnd();
        stream.lotIds.clear();
        stream.lotIds.addAll(lots);
        stream.hosts.clear();
        stream.hosts.addAll(hosts);
    }

    private LivestreamHost host(LivestreamDetails.Host given, String field) {
        String name = blankToNull(given.name());
        String subject = blankToNull(given.subject());
        switch (given.kind()) {
            case FARMER -> {
                if (subject == null) {
                    throw ProblemException.invalid(field + ".subject", "is required for a FARMER host: her account");
                }
                if (name == null) {
                    name = firstProducerName(subject).orElseThrow(() -> ProblemException.unprocessable(field + ".name",
                            "is required: " + subject + " owns no producer to name the host by"));
                }
                return new LivestreamHost(LivestreamHost.Kind.FARMER, VietnameseText.nfc(name), subject, null);
            }
            case TEAM -> {
                if (given.teamId() == null) {
                    throw ProblemException.invalid(field + ".teamId", "is required for a TEAM host");
                }
                SalesTeam team = SalesTeam.findById(given.teamId());
                if (team == null) {
                    throw ProblemException.unprocessable(field + ".teamId", "team " + given.teamId() + " does not exist");
                }
                return new LivestreamHost(LivestreamHost.Kind.TEAM, team.name, null, team.id);
            }
            default -> {
                if (name == null) {
                    throw ProblemException.invalid(field + ".name", "is required for a " + given.kind() + " host");
                }
                return new LivestreamHost(given.kind(), VietnameseText.nfc(name), subject, null);
            }
        }
    }

    private Optional<String> firstProducerName(String subject) {
        return em.createQuery("select p.name from Producer p join p.owners o where o = :s order by p.id", String.class)
                .setParameter("s", subject).setMaxResults(1).getResultStream().findFirst();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static boolean codeTaken(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException c && c.getConstraintName() != null
                    && c.getConstraintName().contains("livestream_code")) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Object> fields(Livestream s) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("title", s.title);
        fields.put("platform", s.platform);
        fields.put("url", s.url);
        fields.put("plannedStart", s.plannedStart);
        fields.put("plannedEnd", s.plannedEnd);
        fields.put("campaignId", s.campaignId);
        fields.put("lotIds", List.copyOf(s.lotIds));
        StringJoiner hosts = new StringJoiner(", ", "[", "]");
        s.hosts.forEach(h -> hosts.add(h.kind + " " + h.name + (h.subject == null ? "" : " (" + h.subject + ")")
                + (h.teamId == null ? "" : " (team " + h.teamId + ")")));
        fields.put("hosts", hosts.toString());
        return fields;
    }

    private static String describe(Map<String, Object> fields) {
        StringJoiner text = new StringJoiner("; ");
        fields.forEach((name, value) -> text.add(name + " " + value));
        return text.toString();
    }

    private static String changes(Map<String, Object> before, Map<String, Object> after) {
        StringJoiner changes = new StringJoiner("; ");
        before.forEach((name, was) -> {
            Object now = after.get(name);
            if (!Objects.equals(was, now)) {
                changes.add(name + " " + was + " → " + now);
            }
        });
        return changes.toString();
    }
}
