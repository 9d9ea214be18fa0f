package io.agrilink.catalog;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

@Entity
public class Producer extends PanacheEntity {

    public enum Kind {
        HOUSEHOLD, COOPERATIVE, ENTERPRISE
    }

    public String name;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    public String province;

    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;
}
