/**
 * The outbox every service shares: what one service must make another do because of a change
 * is written as a message in the change's own transaction ({@link io.agrilink.platform.outbox.Outbox}),
 * and delivered afterwards, outside any transaction, by the
 * {@link io.agrilink.platform.outbox.OutboxRelay} through one
 * {@link io.agrilink.platform.outbox.OutboxHandler} per kind of message, with one back-off
 * ({@link io.agrilink.platform.outbox.Backoff}) and one rule for what is final
 * ({@link io.agrilink.platform.outbox.Delivery}). Staff see and fix it through
 * {@code /outbox} ({@link io.agrilink.platform.outbox.OutboxResource}), operators through
 * {@code /q/metrics} and {@code /q/health/group/outbox}.
 *
 * <p>A service switches it on with {@code agrilink.outbox.enabled=true} (build time) and owns
 * the tables in its own database, in the one shape Flyway gives every service:
 *
 * <pre>
 * outbox_message (id bigint primary key default nextval('outbox_message_seq'),
 *                 kind varchar(40) not null, subject varchar(100), ordering_key varchar(100),
 *                 payload text not null, attempts integer not null default 0,
 *                 next_attempt_at timestamptz not null default now(), last_error varchar(1000),
 *                 delivered_at timestamptz, failed_at timestamptz, discarded_at timestamptz,
 *                 created_at timestamptz not null default now())
 * outbox_action  (id bigint generated always as identity primary key, message_id bigint not null,
 *                 kind varchar(40) not null, action varchar(20) not null, actor varchar(100) not null,
 *                 reason varchar(500), last_error varchar(1000), attempts integer not null,
 *                 at timestamptz not null)
 * </pre>
 *
 * A message is pending until it is delivered ({@code delivered_at}), refused for good by its
 * receiver ({@code failed_at}: staff re-drive or discard it) or given up by the service itself
 * or by staff ({@code discarded_at}).
 */
package io.agrilink.platform.outbox;
