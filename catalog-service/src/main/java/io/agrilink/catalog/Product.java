package io.agrilink.catalog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
import jakarta.persistence.ManyToOne;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

/** Something a producer sells by the kilogram, told in several languages. */
@Entity
public class Product extends PanacheEntity {

    public enum Category {
        FRUIT, VEGETABLE, RICE, HONEY, TEA, COFFEE, SPICE, SEAFOOD, MEAT, DRIED, PROCESSED, OTHER
    }

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "producer_id")
    public Producer producer;

    @Enumerated(EnumType.STRING)
    public Category category;

    /** Whole đồng per kilogram. */
    @Column(name = "price_per_kg")
    public long pricePerKg;

    @Column(name = "shelf_life_days")
    public int shelfLifeDays;

    @Column(name = "cold_chain")
    public boolean coldChain;

    @Column(name = "min_celsius")
    public Integer minCelsius;

    @Column(name = "max_celsius")
    public Integer maxCelsius;

    /** Name and story per BCP 47 language tag; at least {@code vi} and {@code en}. */
    @ElementCollection
    @CollectionTable(name = "product_text", joinColumns = @JoinColumn(name = "product_id"))
    public List<ProductText> texts = new ArrayList<>();

    /** The months (1–12) it is harvested. */
    @ElementCollection
    @CollectionTable(name = "product_season_month", joinColumns = @JoinColumn(name = "product_id"))
    @Column(name = "month")
    public Set<Short> seasonMonths = new TreeSet<>();

    /** Folded names, producer, province and commune: what free-text search matches. */
    @Column(name = "search_text")
    public String searchText;

    /** The folded Vietnamese name, for sorting by name. */
    @Column(name = "sort_name")
    public String sortName;

    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;

    /** When staff took it off sale: no longer found by search, its lots no longer reservable. */
    @Column(name = "delisted_at")
    public Instant delistedAt;

    public boolean listed() {
        return delistedAt == null;
    }
}
