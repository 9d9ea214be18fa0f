package io.agrilink.catalog.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "agrilink.catalog")
public interface CatalogConfig {

    Stock stock();

    Accounts accounts();

    interface Accounts {

        /**
         * Where a new account's owner signs in, given back with its temporary password (for example the
         * web app's URL); none when unset. Keycloak itself is configured by {@code quarkus.keycloak.admin-client.*}.
         */
        Optional<String> signInUrl();

        /** How long a call to Keycloak may take to connect. */
        @WithDefault("2s")
        Duration connectTimeout();

        /** How long a call to Keycloak may wait for its answer. */
        @WithDefault("5s")
        Duration readTimeout();
    }

    interface Stock {

        /** How long a reservation holds its grams when the caller names no time-to-live. */
        @WithDefault("15m")
        Duration defaultTtl();

        /** The longest time-to-live a caller may ask for. */
        @WithDefault("1d")
        Duration maxTtl();

        /** The most reservations applied to a lot group in one transaction. */
        @WithDefault("256")
        int maxBatch();

        /** Threads that drain the per-lot-group queues (one queue is drained by one thread at a time). */
        @WithDefault("8")
        int workers();

        /** How long a caller waits for its queued reservation before getting 503. */
        @WithDefault("20s")
        Duration waitTimeout();

        /** How often the expiry job runs (also read by its {@code @Scheduled}); e.g. 5s. */
        @WithDefault("5s")
        String expiryEvery();

        /** The most reservations the expiry job returns to stock per transaction. */
        @WithDefault("500")
        int expiryBatch();
    }
}
