package io.agrilink.catalog.service;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agrilink.catalog.AuditEntry;
import io.agrilink.platform.security.Caller;

/** Writes and reads the audit trail of staff changes; written in the transaction of the change itself. */
@ApplicationScoped
public class AuditTrail {

    @Inject
    Caller caller;

    public void record(AuditEntry.SubjectType type, long id, String action, String reason, String detail) {
        AuditEntry entry = new AuditEntry();
        entry.subjectType = type;
        entry.subjectId = id;
        entry.at = Instant.now();
        entry.actor = caller.subject();
        entry.action = action;
        entry.reason = reason == null || reason.isBlank() ? null : reason.strip();
        entry.detail = detail == null || detail.isEmpty() ? null
                : detail.length() > 4000 ? detail.substring(0, 3999) + "…" : detail;
        entry.persist();
    }

    /** Writes an entry an entity's own move made ({@code Livestream.start()} ...), as its caller. */
    public void record(AuditEntry entry) {
        record(entry.subjectType, entry.subjectId, entry.action, entry.reason, entry.detail);
    }

    /** An account staff registered: its username and role, never its password. */
    public void recordAccount(String username, String role) {
        record(AuditEntry.SubjectType.ACCOUNT, 0, "REGISTERED", null, "username " + username + ", role " + role);
    }

    /** Oldest first. */
    public List<AuditEntry> of(AuditEntry.SubjectType type, long id) {
        return AuditEntry.list("subjectType = ?1 and subjectId = ?2 order by at, id", type, id);
    }
}
