package io.agrilink.platform.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import io.agrilink.platform.problem.ProblemException;
import io.agrilink.platform.security.Caller;
import io.agrilink.platform.security.Roles;
import io.quarkus.arc.properties.IfBuildProperty;

/**
 * Staff's view of the outbox: what waits per kind, the messages refused for good, and the two
 * ways out of that state: re-drive (due again at once, attempts from zero) or discard. Both are
 * written in the outbox's audit trail ({@code outbox_action}) and the log.
 */
@Path("/outbox")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.STAFF)
@Tag(name = "outbox", description = "Operators: the outbox's backlog, and messages refused for good")
@IfBuildProperty(name = "agrilink.outbox.enabled", stringValue = "true")
public class OutboxResource {

    private static final Logger LOG = Logger.getLogger(OutboxResource.class);

    /** Why staff re-drive or discard a message. */
    public record ActionRequest(@NotBlank @Size(max = 500) String reason) {
    }

    /** One kind's backlog. */
    public record BacklogView(String kind, long pending, Long oldestPendingSeconds, long failed) {
    }

    /** One message, with what staff did to it. */
    public record MessageView(long id, String kind, String state, String subject, String orderingKey, String payload,
            int attempts, String lastError, Instant createdAt, Instant nextAttemptAt, Instant deliveredAt,
            Instant failedAt, Instant discardedAt, List<OutboxStore.Action> actions) {

        static MessageView of(OutboxStore.Row row, List<OutboxStore.Action> actions) {
            return new MessageView(row.id(), row.kind(), row.state(), row.subject(), row.orderingKey(), row.payload(),
                    row.attempts(), row.lastError(), row.createdAt(), row.nextAttemptAt(), row.deliveredAt(),
                    row.failedAt(), row.discardedAt(), actions);
        }
    }

    @Inject
    OutboxStore store;

    @Inject
    OutboxRelay relay;

    @Inject
    Caller caller;

    /** Every kind this service delivers, with its pending and failed messages. */
    @GET
    public List<BacklogView> backlog() {
        Instant now = Instant.now();
        List<OutboxStore.Backlog> backlog = store.backlog();
        return relay.kinds().stream().sorted().map(kind -> backlog.stream().filter(b -> b.kind().equals(kind))
                .findFirst()
                .map(b -> new BacklogView(kind, b.pending(),
                        b.oldestPending() == null ? null : Duration.between(b.oldestPending(), now).toSeconds(),
                        b.failed()))
                .orElse(new BacklogView(kind, 0, null, 0))).toList();
    }

    @GET
    @Path("/failed")
    public List<MessageView> failed(@QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return store.failed(limit).stream().map(row -> MessageView.of(row, List.of())).toList();
    }

    @GET
    @Path("/{id}")
    public MessageView message(@PathParam("id") long id) {
        OutboxStore.Row row = store.find(id).orElseThrow(() -> ProblemException.notFound("Outbox message", id));
        return MessageView.of(row, store.actions(id));
    }

    /** Makes a message refused for good due again, its attempts counted from zero. */
    @POST
    @Path("/{id}/redrive")
    @Transactional
    public MessageView redrive(@PathParam("id") long id, @Valid @NotNull ActionRequest request) {
        return act(id, "REDRIVEN", request.reason());
    }

    /** Gives up a message refused for good: it stays, marked discarded, out of the failed list. */
    @POST
    @Path("/{id}/discard")
    @Transactional
    public MessageView discard(@PathParam("id") long id, @Valid @NotNull ActionRequest request) {
        return act(id, "DISCARDED", request.reason());
    }

    private MessageView act(long id, String action, String reason) {
        OutboxStore.Row row = store.lock(id).orElseThrow(() -> ProblemException.notFound("Outbox message", id));
        if (row.failedAt() == null || row.discardedAt() != null) {
            throw ProblemException.conflict("Outbox message " + id + " is " + row.state()
                    + ": only a message refused for good can be re-driven or discarded").with("state", row.state());
        }
        store.act(row, action, caller.subject(), reason);
        LOG.infof("Outbox message %d (%s, subject %s) %s by %s: %s", id, row.kind(), row.subject(),
                action.toLowerCase(), caller.subject(), reason);
        OutboxStore.Row now = store.find(id).orElseThrow();
        return MessageView.of(now, store.actions(id));
    }
}
