package io.agrilink.web.staff;

import io.agrilink.web.client.Campaign;

/** What other areas' tests may set in the staff pages' stand-in of catalog-service (its campaigns). */
public final class StaffStubsAccess {

    private StaffStubsAccess() {
    }

    public static void reset() {
        StaffStubs.reset();
    }

    public static void campaign(Campaign campaign) {
        StaffStubs.CAMPAIGNS.put(campaign.id(), campaign);
    }
}
