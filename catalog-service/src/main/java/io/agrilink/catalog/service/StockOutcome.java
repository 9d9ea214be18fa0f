package io.agrilink.catalog.service;

import io.agrilink.platform.problem.ProblemException;

/**
 * What became of one reservation: 201 held now, 200 already held (a repeat of the order
 * reference), or a problem (400, 404, 409) and nothing held. {@code refusal} says why the ledger
 * refused it (404, 409); a reservation refused before it reached the ledger (400) has none.
 */
public record StockOutcome(String orderRef, int status, Reservation reservation, StockRefusal refusal,
        ProblemException problem) {

    public static StockOutcome created(Reservation reservation) {
        return new StockOutcome(reservation.orderRef(), 201, reservation, null, null);
    }

    public static StockOutcome existing(Reservation reservation) {
        return new StockOutcome(reservation.orderRef(), 200, reservation, null, null);
    }

    public static StockOutcome refused(String orderRef, StockRefusal refusal) {
        ProblemException problem = refusal.problem();
        return new StockOutcome(orderRef, problem.status(), null, refusal, problem);
    }

    public static StockOutcome invalid(String orderRef, ProblemException problem) {
        return new StockOutcome(orderRef, problem.status(), null, null, problem);
    }

    public boolean succeeded() {
        return problem == null;
    }
}
