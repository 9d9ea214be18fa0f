package io.agrilink.catalog.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import io.agrilink.catalog.config.CatalogConfig;
import io.agrilink.platform.problem.Problem;
import io.agrilink.platform.problem.ProblemException;
import io.agrilink.platform.problem.ProblemMappers;

/**
 * What a reservation must be before the ledger sees it: its fields valid, its time to live
 * within {@code agrilink.catalog.stock.max-ttl} (else the default), each lot listed once. One
 * reservation of a batch that breaks a rule is refused alone (400), the others go on.
 */
@ApplicationScoped
public class StockRules {

    @Inject
    Validator validator;

    @Inject
    CatalogConfig config;

    /** The hold {@code reservation} asks for, or a 400 naming the first field in error. */
    public StockHold check(NewReservation reservation) {
        if (reservation == null) {
            throw ProblemException.invalid("body", "must not be null");
        }
        Set<ConstraintViolation<NewReservation>> violations = validator.validate(reservation);
        if (!violations.isEmpty()) {
            List<Problem.Violation> list = violations.stream()
                    .map(v -> new Problem.Violation(ProblemMappers.fieldOf(v.getPropertyPath()), v.getMessage()))
                    .sorted(Comparator.comparing(Problem.Violation::field)).toList();
            throw new ProblemException(400, "Invalid request", list.get(0).field() + ": " + list.get(0).message(), list);
        }
        Duration ttl = reservation.ttlSeconds() == null ? config.stock().defaultTtl()
                : Duration.ofSeconds(reservation.ttlSeconds());
        if (ttl.compareTo(config.stock().maxTtl()) > 0) {
            throw ProblemException.invalid("ttlSeconds", "must be at most " + config.stock().maxTtl().toSeconds());
        }
        Set<Long> lots = new HashSet<>();
        List<StockHold.Line> lines = new ArrayList<>();
        for (int i = 0; i < reservation.lines().size(); i++) {
            NewReservation.Line line = reservation.lines().get(i);
            if (!lots.add(line.lotId())) {
                throw ProblemException.invalid("lines[" + i + "].lotId", "lot " + line.lotId() + " is listed twice");
            }
            lines.add(new StockHold.Line(line.lotId(), line.grams()));
        }
        return new StockHold(reservation.orderRef().strip(), reservation.buyer().strip(), ttl, lines);
    }
}
