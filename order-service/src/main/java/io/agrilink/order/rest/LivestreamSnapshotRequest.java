package io.agrilink.order.rest;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import io.agrilink.order.service.LivestreamReplica;

/**
 * catalog-service's snapshot of a livestream, sent through its outbox on every change
 * ({@code LIVESTREAM_CHANGED}). {@code teamId}/{@code teamName}: the first TEAM host's;
 * {@code version}: catalog's counter for the stream, +1 on every change.
 */
public record LivestreamSnapshotRequest(
        @NotNull @Positive Long id,
        @NotNull @Pattern(regexp = "[A-Za-z0-9]{4,12}", message = "must be 4 to 12 letters or digits") String code,
        @NotNull @Positive Long campaignId,
        @NotBlank @Size(max = 200) String title,
        @NotNull @Pattern(regexp = "SCHEDULED|LIVE|ENDED|CANCELLED", message = "must be one of SCHEDULED, LIVE, ENDED, CANCELLED") String state,
        Instant plannedStart,
        Instant plannedEnd,
        Instant startedAt,
        Instant endedAt,
        Long teamId,
        @Size(max = 200) String teamName,
        @Size(max = 5) List<@Valid @NotNull Host> hosts,
        @NotNull @PositiveOrZero Long version) {

    /** A host; {@code members}: a TEAM host's team members (the leader among them). */
    public record Host(
            @NotNull @Pattern(regexp = "LEADER|KOL|KOC|FARMER|TEAM", message = "must be one of LEADER, KOL, KOC, FARMER, TEAM") String kind,
            @Size(max = 200) String name,
            @Size(max = 200) String subject,
            Long teamId,
            @Size(max = 500) List<@NotBlank @Size(max = 200) String> members) {
    }

    public LivestreamReplica.Snapshot toSnapshot() {
        return new LivestreamReplica.Snapshot(id, code.toUpperCase(java.util.Locale.ROOT), campaignId, title, state,
                plannedStart, plannedEnd, startedAt, endedAt, teamId, teamName,
                hosts == null ? List.of() : hosts.stream().map(h -> new LivestreamReplica.Host(h.kind(), h.name(),
                        h.subject(), h.teamId(), h.members() == null ? List.of() : h.members())).toList(),
                version);
    }
}
