package io.agrilink.training.service;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import org.hibernate.exception.ConstraintViolationException;

import io.agrilink.platform.problem.ProblemException;

/** Flushing inside a command so a unique-key race becomes a 409 instead of a failed commit. */
final class Persistence {

    private Persistence() {
    }

    static void flushOrConflict(EntityManager em, String detail) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof ConstraintViolationException) {
                    throw ProblemException.conflict(detail);
                }
            }
            throw e;
        }
    }
}
