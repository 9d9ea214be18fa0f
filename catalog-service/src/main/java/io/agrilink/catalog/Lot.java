package io.agrilink.catalog;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

/**
 * One harvest batch of a product. The stock columns are written once at creation; afterwards
 * only the stock ledger changes them, with conditional SQL updates (never through this entity),
 * so that {@code available + held + confirmed == quantity} holds under any concurrency.
 */
@Entity
public class Lot extends PanacheEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "product_id")
    public Product product;

    public LocalDate harvestDate;

    /** Harvest date plus the product's shelf life. */
    public LocalDate bestBefore;

    /** The producer's growing-area code when the lot was harvested, for traceability. */
    public String growingAreaCode;

    @Column(updatable = false)
    public long quantityGrams;

    @Column(updatable = false)
    public long availableGrams;

    @Column(updatable = false)
    public long heldGrams;

    @Column(updatable = false)
    public long confirmedGrams;

    @Column(insertable = false, updatable = false)
    public Instant createdAt;
}
