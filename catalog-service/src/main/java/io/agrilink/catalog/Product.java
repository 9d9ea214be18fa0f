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
    public long pricePerKg;

    public int shelfLifeDays;

    public boolean coldChain;

    public Integer minCelsius;

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
    public String searchText;

    /** The folded Vietnamese name, for sorting by name. */
    public String sortName;

    @Column(insertable = false, updatable = false)
    public Instant createdAt;

    /** When staff took it off sale: no longer found by search, its lots no longer reservable. */
    public Instant delistedAt;

    public boolean listed() {
        return delistedAt == null;
    }
}
