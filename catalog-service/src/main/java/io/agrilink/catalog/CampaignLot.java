package io.agrilink.catalog;

import jakarta.persistence.Embeddable;

/** A lot on sale in a campaign, at the campaign price. */
@Embeddable
public class CampaignLot {

    public long lotId;

    /** Whole đồng per kilogram while the campaign runs. */
    public long pricePerKg;

    public CampaignLot() {
    }

    public CampaignLot(long lotId, long pricePerKg) {
        this.lotId = lotId;
        this.pricePerKg = pricePerKg;
    }
}
