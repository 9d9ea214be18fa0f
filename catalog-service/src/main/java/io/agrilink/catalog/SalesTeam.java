package io.agrilink.catalog;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

/**
 * A farmer sales team (tổ bán hàng) or a KOL/KOC club: farmers holding the livestream-ready badge
 * who sell together, one of them its leader. A farmer is in at most one team.
 */
@Entity
public class SalesTeam extends PanacheEntity {

    public enum Kind {
        TEAM, CLUB
    }

    public String name;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    /** One of the 34 provinces in force since 1 July 2025. */
    public String province;

    /** A unit of {@link #province} in force since 1 July 2025, its canonical name. */
    public String commune;

    /** The subject of the leader, always one of {@link #members}. */
    public String leader;

    @ElementCollection
    @CollectionTable(name = "sales_team_member", joinColumns = @JoinColumn(name = "team_id"))
    @OrderBy("joinedAt, subject")
    public Set<TeamMember> members = new LinkedHashSet<>();

    @Column(insertable = false, updatable = false)
    public Instant createdAt;

    public Optional<TeamMember> member(String subject) {
        return members.stream().filter(m -> m.subject.equals(subject)).findFirst();
    }

    public boolean hasMember(String subject) {
        return subject != null && member(subject).isPresent();
    }
}
