package io.agrilink.catalog;

import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Embeddable;

/** A farmer (token subject) in a sales team, since when. */
@Embeddable
public class TeamMember {

    public String subject;

    public Instant joinedAt;

    public TeamMember() {
    }

    public TeamMember(String subject, Instant joinedAt) {
        this.subject = subject;
        this.joinedAt = joinedAt;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TeamMember m && Objects.equals(subject, m.subject);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(subject);
    }
}
