package io.agrilink.catalog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

/** A sale event such as a livestream week: lots on sale at a campaign price for a time window. */
@Entity
public class Campaign extends PanacheEntity {

    public String name;

    public String host;

    public String description;

    public Instant startsAt;

    public Instant endsAt;

    /** The most one buyer may hold or buy across the campaign's lots. */
    public long perBuyerLimitGrams;

    public long targetGrams;

    @ElementCollection
    @CollectionTable(name = "campaign_lot", joinColumns = @JoinColumn(name = "campaign_id"))
    public List<CampaignLot> lots = new ArrayList<>();

    @Column(insertable = false, updatable = false)
    public Instant createdAt;

    public boolean runningAt(Instant instant) {
        return !instant.isBefore(startsAt) && instant.isBefore(endsAt);
    }
}
