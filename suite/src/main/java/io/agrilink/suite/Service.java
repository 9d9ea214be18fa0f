package io.agrilink.suite;

/** The four services: their short name, Maven module, default port and database. */
public enum Service {
    CATALOG("catalog", "catalog-service", 8081, "catalog"),
    ORDER("order", "order-service", 8082, "orders"),
    TRAINING("training", "training-service", 8083, "training"),
    LOGISTICS("logistics", "logistics-service", 8084, "logistics");

    private final String shortName;
    private final String artifact;
    private final int defaultPort;
    private final String database;

    Service(String shortName, String artifact, int defaultPort, String database) {
        this.shortName = shortName;
        this.artifact = artifact;
        this.defaultPort = defaultPort;
        this.database = database;
    }

    /** The name used in REST client configuration keys ({@code quarkus.rest-client.<name>.url}). */
    public String shortName() {
        return shortName;
    }

    public String artifact() {
        return artifact;
    }

    public int defaultPort() {
        return defaultPort;
    }

    public String database() {
        return database;
    }
}
