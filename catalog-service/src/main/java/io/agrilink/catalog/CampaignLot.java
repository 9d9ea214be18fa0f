package io.agrilink.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A lot on sale in a campaign, at the campaign price. */
@Embeddable
public class CampaignLot {

    @Column(name = "lot_id")
    public long lotId;

    /** Whole đồng per kilogram while the campaign runs. */
    @Column(name = "price_per_kg")
    public long pricePerKg;

    public CampaignLot() {
    }

    public CampaignLot(long lotId, long pricePerKg) {
        this.lotId = lotId;
        this.pricePerKg = pricePerKg;
    }
}
