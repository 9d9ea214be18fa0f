package io.agrilink.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

/** A farm household, cooperative (HTX) or enterprise that sells through the programme. */
@Entity
public class Producer extends PanacheEntity {

    public enum Kind {
        HOUSEHOLD, COOPERATIVE, ENTERPRISE
    }

    /** Who awarded the OCOP stars: the province (3 and 4 stars) or the central level (5 stars). */
    public enum OcopLevel {
        PROVINCIAL, NATIONAL
    }

    public String name;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    /** One of the 34 provinces in force since 1 July 2025. */
    public String province;

    /** The province as the user gave it, e.g. the former "Bắc Giang" for {@link #province} "Bắc Ninh". */
    public String provinceGiven;

    public String commune;

    /** E.164, e.g. +84912345678. */
    public String phone;

    /** The export growing-area (vùng trồng) code the orchards are registered under. */
    public String growingAreaCode;

    public Integer ocopStars;

    @Enumerated(EnumType.STRING)
    public OcopLevel ocopLevel;

    public LocalDate ocopExpiresOn;

    /** Subjects of the farmer accounts that own this producer. */
    @ElementCollection
    @CollectionTable(name = "producer_owner", joinColumns = @JoinColumn(name = "producer_id"))
    @Column(name = "subject")
    public Set<String> owners = new LinkedHashSet<>();

    @ElementCollection
    @CollectionTable(name = "producer_certification", joinColumns = @JoinColumn(name = "producer_id"))
    public List<Certification> certifications = new ArrayList<>();

    @Column(insertable = false, updatable = false)
    public Instant createdAt;
}
