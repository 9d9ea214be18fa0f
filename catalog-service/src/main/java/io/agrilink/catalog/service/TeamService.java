package io.agrilink.catalog.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.hibernate.exception.ConstraintViolationException;

import io.agrilink.catalog.AuditEntry;
import io.agrilink.catalog.FarmerBadge;
import io.agrilink.catalog.Livestream;
import io.agrilink.catalog.LivestreamHost;
import io.agrilink.catalog.SalesTeam;
import io.agrilink.catalog.TeamMember;
import io.agrilink.platform.problem.ProblemException;
import io.agrilink.platform.security.Caller;
import io.agrilink.platform.vn.Communes;
import io.agrilink.platform.vn.Provinces;
import io.agrilink.platform.vn.VietnameseText;

/**
 * Farmer sales teams and clubs, curated by staff. Every member holds the livestream-ready badge, a
 * farmer is in at most one team, the leader is a member and stays one. Each change is in the audit
 * trail; a change of the name or the members is told to order-service for every stream of the team
 * not yet ended or cancelled, as its snapshot carries them.
 */
@ApplicationScoped
public class TeamService {

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    AuditTrail audit;

    @Inject
    LivestreamAnnouncements announcements;

    @Transactional
    public SalesTeam create(TeamDetails input) {
        SalesTeam team = new SalesTeam();
        apply(team, input);
        String leader = team.leader;
        List<String> given = input.members() == null ? List.of() : input.members();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        requireEligible(leader, "leader", null);
        team.members.add(new TeamMember(leader, now));
        for (int i = 0; i < given.size(); i++) {
            String subject = given.get(i).strip();
            if (team.hasMember(subject)) {
                continue;
            }
            requireEligible(subject, "members[" + i + "]", null);
            team.members.add(new TeamMember(subject, now));
        }
        team.persist();
        flushOrConflict(team, "members");
        audit.record(AuditEntry.SubjectType.TEAM, team.id, "CREATED", null, "name " + team.name + "; leader " + leader
                + "; members " + String.join(", ", team.members.stream().map(m -> m.subject).toList()));
        return team;
    }

    /** Name, kind, province, commune and leader; the leader must already be a member. */
    @Transactional
    public SalesTeam update(long id, TeamDetails input) {
        if (input.members() != null) {
            throw ProblemException.invalid("members",
                    "are changed one at a time: PUT or DELETE /teams/" + id + "/members/{subject}");
        }
        SalesTeam team = lock(id);
        Map<String, Object> before = fields(team);
        apply(team, input);
        if (!team.hasMember(team.leader)) {
            throw ProblemException.unprocessable("leader", team.leader + " is not a member of the team: add them first");
        }
        String changes = changes(before, fields(team));
        audit.record(AuditEntry.SubjectType.TEAM, id, "CHANGED", null, changes.isEmpty() ? "nothing changed" : changes);
        if (!Objects.equals(before.get("name"), team.name)) {
            announceStreamsOf(team);
        }
        return team;
    }

    /** Adds a farmer holding the badge and in no other team; a member already is left as she is. */
    @Transactional
    public SalesTeam addMember(long id, String subject) {
        SalesTeam team = lock(id);
        if (team.hasMember(subject)) {
            return team;
        }
        requireEligible(subject, "subject", team.id);
        team.members.add(new TeamMember(subject, Instant.now().truncatedTo(ChronoUnit.MICROS)));
        flushOrConflict(team, "subject");
        audit.record(AuditEntry.SubjectType.TEAM, id, "MEMBER_ADDED", null, subject);
        announceStreamsOf(team);
        return team;
    }

    /** Removes a member (not the leader: change the leader first); one who is not a member is a no-op. */
    @Transactional
    public SalesTeam removeMember(long id, String subject) {
        SalesTeam team = lock(id);
        if (subject.equals(team.leader)) {
            throw FieldConflict.of("subject", subject + " leads the team: name another leader first");
        }
        if (!team.members.removeIf(m -> m.subject.equals(subject))) {
            return team;
        }
        audit.record(AuditEntry.SubjectType.TEAM, id, "MEMBER_REMOVED", null, subject);
        announceStreamsOf(team);
        return team;
    }

    public SalesTeam get(long id) {
        return SalesTeam.<SalesTeam> findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Team", id));
    }

    /** Staff see any team; a farmer only her own (403 otherwise). */
    public SalesTeam view(long id) {
        SalesTeam team = get(id);
        if (!caller.isStaff() && !team.hasMember(caller.subject())) {
            throw ProblemException.forbidden("You are not a member of team " + id);
        }
        return team;
    }

    public SalesTeam mine() {
        return teamOf(caller.subject()).orElseThrow(
                () -> new ProblemException(404, "Not found", "You are not in a sales team"));
    }

    public List<SalesTeam> list() {
        return SalesTeam.list("order by name, id");
    }

    public Optional<SalesTeam> teamOf(String subject) {
        return SalesTeam.<SalesTeam> find("select t from SalesTeam t join t.members m where m.subject = ?1", subject)
                .firstResultOptional();
    }

    /** Badge certificate codes of the subjects that hold one. */
    public Map<String, String> badges(List<String> subjects) {
        Map<String, String> codes = new LinkedHashMap<>();
        if (!subjects.isEmpty()) {
            FarmerBadge.<FarmerBadge> list("subject in ?1", subjects).forEach(b -> codes.put(b.subject, b.certificateCode));
        }
        return codes;
    }

    /** Names of the producers each subject owns, by producer id. */
    public Map<String, List<String>> producerNames(List<String> subjects) {
        Map<String, List<String>> names = new LinkedHashMap<>();
        subjects.forEach(s -> names.put(s, new ArrayList<>()));
        if (!subjects.isEmpty()) {
            em.createQuery("select o, p.name from Producer p join p.owners o where o in :subjects order by p.id",
                    Object[].class).setParameter("subjects", subjects).getResultList()
                    .forEach(r -> names.get((String) r[0]).add((String) r[1]));
        }
        return names;
    }

    private void apply(SalesTeam team, TeamDetails input) {
        Provinces.Resolved province = Provinces.resolve(input.province()).orElseThrow(
                () -> ProblemException.invalid("province", "is not one of the 34 provinces of Vietnam (nor a former one)"));
        team.name = VietnameseText.nfc(input.name().strip());
        team.kind = input.kind();
        team.province = province.province();
        team.commune = Communes.require(province.province(), input.commune(), "commune").commune().name();
        team.leader = input.leader().strip();
    }

    /** The badge (422) and the one-team rule (409, naming the other team). */
    private void requireEligible(String subject, String field, Long thisTeam) {
        if (FarmerBadge.count("subject", subject) == 0) {
            throw ProblemException.unprocessable(field, subject
                    + " does not hold the livestream-ready badge (the livestream-selling course's certificate)");
        }
        Optional<SalesTeam> other = teamOf(subject);
        if (other.isPresent() && !other.get().id.equals(thisTeam)) {
            throw FieldConflict.of(field, subject + " is already a member of team " + other.get().id + " \""
                    + other.get().name + "\"").with("teamId", other.get().id).with("teamName", other.get().name);
        }
    }

    /* Two staff adding the same farmer to two teams at once: the unique subject decides, the loser gets a 409. */
    private void flushOrConflict(SalesTeam team, String field) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof ConstraintViolationException c && c.getConstraintName() != null
                        && c.getConstraintName().contains("sales_team_member_subject")) {
                    throw FieldConflict.of(field, "a farmer named here was just added to another team");
                }
            }
            throw e;
        }
    }

    private SalesTeam lock(long id) {
        SalesTeam team = SalesTeam.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (team == null) {
            throw ProblemException.notFound("Team", id);
        }
        return team;
    }

    /* Each stream of the team not yet finished gets a new snapshot version; locked in id order (as a move locks it). */
    private void announceStreamsOf(SalesTeam team) {
        List<Long> ids = em.createQuery("""
                select distinct s.id from Livestream s join s.hosts h
                where h.teamId = :team and s.state in :open order by s.id""", Long.class)
                .setParameter("team", team.id)
                .setParameter("open", List.of(Livestream.State.SCHEDULED, Livestream.State.LIVE)).getResultList();
        for (long id : ids) {
            Livestream stream = Livestream.findById(id, LockModeType.PESSIMISTIC_WRITE);
            if (stream.finished()) {
                continue;
            }
            stream.hosts.stream().filter(h -> h.kind == LivestreamHost.Kind.TEAM && team.id.equals(h.teamId))
                    .forEach(h -> h.name = team.name);
            stream.changed();
            announcements.announce(stream);
        }
    }

    private static Map<String, Object> fields(SalesTeam t) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", t.name);
        fields.put("kind", t.kind);
        fields.put("province", t.province);
        fields.put("commune", t.commune);
        fields.put("leader", t.leader);
        return fields;
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
