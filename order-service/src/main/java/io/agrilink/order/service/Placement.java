package io.agrilink.order.service;

import java.util.concurrent.CompletableFuture;

import io.agrilink.platform.trace.RequestTrace;

/**
 * One buyer's order waiting in the placement batcher, with the future its HTTP request waits on.
 *
 * @param caller      the buyer's subject, the scope of the idempotency key
 * @param key         the Idempotency-Key
 * @param fingerprint SHA-256 of the request body, to recognise a retry of the same request
 * @param orderRef    a fresh reference for this attempt's stock reservation
 * @param trace       the request's trace and request id, resumed by the batcher's worker
 */
public record Placement(String caller, String key, String fingerprint, String orderRef, NewOrder order,
        CompletableFuture<Answer> answer, RequestTrace trace) {

    /** The answer to send: the order as created (201), or the same answer again for a retried key. */
    public record Answer(int status, String body, long orderId, boolean replayed) {
    }

    /** The key's scope: keys are per caller. */
    public String scope() {
        return scope(caller, key);
    }

    public static String scope(String caller, String key) {
        return caller + '\n' + key;
    }
}
