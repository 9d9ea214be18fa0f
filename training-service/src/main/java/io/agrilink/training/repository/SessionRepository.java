package io.agrilink.training.repository;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.agrilink.training.TrainingSession;
import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class SessionRepository implements PanacheRepository<TrainingSession> {

    /**
     * Locks the session row ({@code SELECT ... FOR UPDATE}) and then reads it, so what is read
     * is what the lock protects. (Hibernate may lock an entity loaded with joins by a separate
     * statement after reading it; the counter of arrivals read that way could be stale.)
     */
    public Optional<TrainingSession> lockForUpdate(long id) {
        boolean exists = !getEntityManager()
                .createNativeQuery("select id from training_session where id = :id for update")
                .setParameter("id", id).getResultList().isEmpty();
        if (!exists) {
            return Optional.empty();
        }
        TrainingSession session = getEntityManager().find(TrainingSession.class, id);
        getEntityManager().refresh(session);
        return Optional.of(session);
    }
}
