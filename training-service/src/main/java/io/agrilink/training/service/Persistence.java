package io.agrilink.training.service;

import java.util.function.Supplier;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import org.hibernate.exception.ConstraintViolationException;

import io.agrilink.platform.problem.ProblemException;

/** Flushing inside a command so a unique-key race becomes a 409 instead of a failed commit. */
final class Persistence {

    private Persistence() {
    }

    static void flushOrConflict(EntityManager em, String detail) {
        flushOrConflict(em, () -> ProblemException.conflict(detail));
    }

    /**
     * As {@link #flushOrConflict(EntityManager, String)}, with the 409 the rule's own check would
     * give (its {@code field} and the like). The transaction is spoilt by then: {@code conflict}
     * reads, if it must, in a new one ({@code QuarkusTransaction.requiringNew()}).
     */
    static void flushOrConflict(EntityManager em, Supplier<ProblemException> conflict) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof ConstraintViolationException) {
                    throw conflict.get();
                }
            }
            throw e;
        }
    }
}
