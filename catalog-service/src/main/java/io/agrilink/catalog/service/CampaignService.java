package io.agrilink.catalog.service;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.agrilink.catalog.Campaign;
import io.agrilink.catalog.CampaignLot;
import io.agrilink.catalog.Lot;
import io.agrilink.catalog.rest.CampaignInput;
import io.agrilink.platform.problem.ProblemException;
import io.agrilink.platform.vn.VietnameseText;
import io.quarkus.hibernate.orm.panache.PanacheQuery;

/** Sale campaigns, curated by programme staff. */
@ApplicationScoped
public class CampaignService {

    @Inject
    EntityManager em;

    @Transactional
    public Campaign create(CampaignInput input) {
        if (!input.endsAt().isAfter(input.startsAt())) {
            throw ProblemException.invalid("endsAt", "must be after startsAt");
        }
        Campaign campaign = new Campaign();
        campaign.name = VietnameseText.nfc(input.name());
        campaign.host = VietnameseText.nfc(input.host());
        campaign.description = input.description() == null ? null : VietnameseText.nfc(input.description());
        campaign.startsAt = input.startsAt();
        campaign.endsAt = input.endsAt();
        campaign.perBuyerLimitGrams = input.perBuyerLimitGrams();
        campaign.targetGrams = input.targetGrams();
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < input.lots().size(); i++) {
            CampaignInput.LotPrice lot = input.lots().get(i);
            if (!seen.add(lot.lotId())) {
                throw ProblemException.invalid("lots[" + i + "].lotId", "lot " + lot.lotId() + " is listed twice");
            }
            if (Lot.findById(lot.lotId()) == null) {
                throw ProblemException.notFound("Lot", lot.lotId()).with("field", "lots[" + i + "].lotId");
            }
            campaign.lots.add(new CampaignLot(lot.lotId(), lot.pricePerKg()));
        }
        campaign.persist();
        return campaign;
    }

    public Campaign get(long id) {
        return Campaign.<Campaign> findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Campaign", id));
    }

    public PanacheQuery<Campaign> list(boolean runningOnly) {
        if (runningOnly) {
            Instant now = Instant.now();
            return Campaign.find("startsAt <= ?1 and endsAt > ?1 order by startsAt, id", now);
        }
        return Campaign.find("order by startsAt desc, id desc");
    }

    /** Grams held or sold in the campaign so far. */
    public long reservedGrams(long campaignId) {
        Number grams = (Number) em.createNativeQuery("""
                select coalesce(sum(l.grams), 0) from reservation_line l join reservation r on r.id = l.reservation_id
                where l.campaign_id = ?1 and r.status in ('HELD', 'CONFIRMED')""")
                .setParameter(1, campaignId).getSingleResult();
        return grams.longValue();
    }

    public List<Lot> lots(Campaign campaign) {
        List<Long> ids = campaign.lots.stream().map(cl -> cl.lotId).toList();
        return ids.isEmpty() ? List.of()
                : Lot.list("select l from Lot l join fetch l.product p join fetch p.producer where l.id in ?1", ids);
    }
}
