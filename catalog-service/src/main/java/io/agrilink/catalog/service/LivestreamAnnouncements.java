package io.agrilink.catalog.service;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agrilink.catalog.Livestream;
import io.agrilink.catalog.LivestreamHost;
import io.agrilink.catalog.SalesTeam;
import io.agrilink.catalog.client.OrderRestClient;
import io.agrilink.catalog.outbox.LivestreamChangedHandler;
import io.agrilink.catalog.outbox.OutboxKinds;
import io.agrilink.platform.outbox.Outbox;

/**
 * Tells order-service of a stream's change: its snapshot, written to the outbox in the
 * transaction of the change ({@link OutboxKinds#LIVESTREAM_CHANGED}, in order per stream).
 */
@ApplicationScoped
public class LivestreamAnnouncements {

    @Inject
    Outbox outbox;

    @Inject
    ObjectMapper json;

    /** Call after {@link Livestream#changed()}: the snapshot carries the new version. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void announce(Livestream stream) {
        try {
            outbox.addInOrder(OutboxKinds.LIVESTREAM_CHANGED, Long.toString(stream.id),
                    LivestreamChangedHandler.orderingKey(stream.id), json.writeValueAsString(snapshot(stream)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("livestream " + stream.id + " cannot be written as JSON", e);
        }
    }

    /** What order-service keeps of the stream, its TEAM hosts with their teams' members as they are now. */
    public OrderRestClient.LivestreamSnapshot snapshot(Livestream stream) {
        Map<Long, SalesTeam> teams = new HashMap<>();
        List<OrderRestClient.Host> hosts = stream.hosts.stream().map(h -> {
            if (h.kind != LivestreamHost.Kind.TEAM) {
                return new OrderRestClient.Host(h.kind.name(), h.name, h.subject, null, List.of());
            }
            SalesTeam team = teams.computeIfAbsent(h.teamId, id -> SalesTeam.findById(id));
            return new OrderRestClient.Host(h.kind.name(), team.name, null, team.id,
                    team.members.stream().map(m -> m.subject).sorted().toList());
        }).toList();
        LivestreamHost firstTeam = stream.hosts.stream().filter(h -> h.kind == LivestreamHost.Kind.TEAM).findFirst()
                .orElse(null);
        return new OrderRestClient.LivestreamSnapshot(stream.id, stream.code, stream.campaignId, stream.title,
                stream.state.name(), stream.plannedStart, stream.plannedEnd, stream.startedAt, stream.endedAt,
                firstTeam == null ? null : firstTeam.teamId,
                firstTeam == null ? null : teams.get(firstTeam.teamId).name, hosts, stream.version);
    }
}
