package io.agrilink.catalog.rest;

import java.util.List;

import io.agrilink.catalog.service.ReservationStatus;
import io.agrilink.catalog.service.StockService;
import io.agrilink.platform.problem.Problem;
import io.agrilink.platform.problem.ProblemMappers;

/** The results of a group confirmation, one per reference, in order. */
public record ConfirmationBatchView(List<ConfirmationResultView> results) {

    /** One reference of a confirmation batch: {@code status} is what the single confirm would have answered. */
    public record ConfirmationResultView(String orderRef, int status, ReservationStatus reservationStatus, Problem problem) {
    }

    static ConfirmationBatchView of(List<StockService.Confirmed> confirmed, String instance) {
        return new ConfirmationBatchView(confirmed.stream().map(c -> new ConfirmationResultView(c.orderRef(), c.status(),
                c.reservationStatus(), c.problem() == null ? null : ProblemMappers.problemOf(c.problem(), instance)))
                .toList());
    }
}
