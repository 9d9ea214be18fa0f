package io.agrilink.catalog;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * Who presents a livestream: a programme leader, a KOL or KOC, a farmer, or a farmer team. The
 * {@code subject} (if any) may move the stream; for a {@code TEAM} host its team's leader and
 * members may.
 */
@Embeddable
public class LivestreamHost {

    public enum Kind {
        LEADER, KOL, KOC, FARMER, TEAM
    }

    @Enumerated(EnumType.STRING)
    public Kind kind;

    /** Shown to the public; for a TEAM host the team's name. */
    public String name;

    /** The account that may move the stream; required for a FARMER, none for a TEAM. */
    public String subject;

    /** The team of a TEAM host. */
    public Long teamId;

    public LivestreamHost() {
    }

    public LivestreamHost(Kind kind, String name, String subject, Long teamId) {
        this.kind = kind;
        this.name = name;
        this.subject = subject;
        this.teamId = teamId;
    }
}
