package io.agrilink.logistics;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

/** A logistics firm: its account is the JWT subject with role {@code carrier}. */
@Entity
public class Carrier extends PanacheEntity {

    public String subject;

    public String name;

    /** Current province names (the 34 in force since 1 July 2025) where it picks up. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "carrier_province", joinColumns = @JoinColumn(name = "carrier_id"))
    @Column(name = "province")
    public Set<String> provinces = new TreeSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "carrier_capability", joinColumns = @JoinColumn(name = "carrier_id"))
    @Column(name = "capability")
    @Enumerated(EnumType.STRING)
    public Set<Capability> capabilities = EnumSet.noneOf(Capability.class);

    /** How many shipments it takes on per day (Vietnam time). */
    public int dailyCapacity;

    @Column(insertable = false, updatable = false)
    public Instant createdAt;

    /** Set while staff have it suspended: it is offered and given no new shipments. */
    public Instant suspendedAt;

    public String suspensionReason;

    public boolean suspended() {
        return suspendedAt != null;
    }

    public boolean can(Capability capability) {
        return capabilities.contains(capability);
    }
}
