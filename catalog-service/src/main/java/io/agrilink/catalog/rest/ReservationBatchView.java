package io.agrilink.catalog.rest;

import java.util.List;

import io.agrilink.catalog.service.StockOutcome;
import io.agrilink.platform.problem.Problem;
import io.agrilink.platform.problem.ProblemMappers;

/** The results of a reservation batch, one per reservation, in order. */
public record ReservationBatchView(List<ReservationResultView> results) {

    /** One reservation of a batch: {@code status} is what the single endpoint would have answered. */
    public record ReservationResultView(String orderRef, int status, ReservationView reservation, Problem problem) {
    }

    static ReservationBatchView of(List<StockOutcome> outcomes, String instance) {
        return new ReservationBatchView(outcomes.stream().map(o -> new ReservationResultView(o.orderRef(), o.status(),
                ReservationView.of(o.reservation()),
                o.problem() == null ? null : ProblemMappers.problemOf(o.problem(), instance))).toList());
    }
}
