package io.agrilink.catalog.service;

import io.agrilink.platform.problem.ProblemException;

/**
 * What became of one reservation request: 201 held now, 200 already held (a repeat of the order
 * reference), or a problem (400, 404, 409) and nothing held.
 */
public record StockOutcome(String orderRef, int status, ReservationView reservation, ProblemException problem) {

    public static StockOutcome created(ReservationView reservation) {
        return new StockOutcome(reservation.orderRef(), 201, reservation, null);
    }

    public static StockOutcome existing(ReservationView reservation) {
        return new StockOutcome(reservation.orderRef(), 200, reservation, null);
    }

    public static StockOutcome refused(String orderRef, ProblemException problem) {
        return new StockOutcome(orderRef, problem.status(), null, problem);
    }

    public boolean succeeded() {
        return problem == null;
    }
}
