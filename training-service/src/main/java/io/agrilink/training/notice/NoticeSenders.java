package io.agrilink.training.notice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import io.agrilink.training.config.TrainingConfig;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;

/** Picks the {@link NoticeSender} named by {@code agrilink.training.notices.sender}. */
@ApplicationScoped
public class NoticeSenders {

    @Inject
    @Any
    Instance<NoticeSender> senders;

    @Inject
    TrainingConfig config;

    /** A wrong sender name or a webhook without a URL stops the start, instead of failing every notice later. */
    void checkAtStartup(@Observes StartupEvent event) {
        configured();
        if ("webhook".equals(config.notices().sender()) && config.notices().webhookUrl().isEmpty()) {
            throw new IllegalStateException("agrilink.training.notices.sender=webhook needs agrilink.training.notices.webhook-url");
        }
    }

    public NoticeSender configured() {
        String name = config.notices().sender();
        Instance<NoticeSender> chosen = senders.select(Identifier.Literal.of(name));
        if (!chosen.isResolvable()) {
            throw new IllegalStateException("No notice sender named '" + name + "' (agrilink.training.notices.sender)");
        }
        return chosen.get();
    }
}
