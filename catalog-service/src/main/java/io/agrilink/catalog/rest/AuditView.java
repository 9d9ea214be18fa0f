package io.agrilink.catalog.rest;

import java.time.Instant;

import io.agrilink.catalog.AuditEntry;

/** One entry of a campaign's or product's audit trail. */
public record AuditView(Instant at, String actor, String action, String reason, String detail) {

    public static AuditView of(AuditEntry entry) {
        return new AuditView(entry.at, entry.actor, entry.action, entry.reason, entry.detail);
    }
}
