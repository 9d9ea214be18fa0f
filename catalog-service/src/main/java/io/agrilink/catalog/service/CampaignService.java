package io.agrilink.catalog.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.agrilink.catalog.AuditEntry;
import io.agrilink.catalog.Campaign;
import io.agrilink.catalog.CampaignLot;
import io.agrilink.catalog.Lot;
import io.agrilink.platform.problem.ProblemException;
import io.agrilink.platform.vn.VietnameseText;
import io.quarkus.hibernate.orm.panache.PanacheQuery;

/**
 * Sale campaigns, curated by programme staff: created, changed and ended early, each change
 * written to the audit trail in the transaction that makes it.
 */
@ApplicationScoped
public class CampaignService {

    @Inject
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Transactional
    public Campaign create(CampaignDetails input) {
        Campaign campaign = new Campaign();
        apply(campaign, input, Set.of());
        campaign.persist();
        audit.record(AuditEntry.SubjectType.CAMPAIGN, campaign.id, "CREATED", input.reason(), null);
        return campaign;
    }

    /**
     * Replaces a campaign's details. Reservations already made keep the price and the campaign
     * they were made in; a lot may leave the campaign only while none of its grams are held for an
     * unconfirmed order in it (409 otherwise), as its order would lose the campaign it was priced in.
     */
    @Transactional
    public Campaign update(long id, CampaignDetails input) {
        if (input.reason() == null || input.reason().isBlank()) {
            throw ProblemException.invalid("reason", "is required when changing a campaign: say why");
        }
        Campaign campaign = get(id);
        Map<String, Object> before = snapshot(campaign);
        Set<Long> kept = new TreeSet<>();
        input.lots().forEach(l -> kept.add(l.lotId()));
        List<Long> leaving = campaign.lots.stream().map(cl -> cl.lotId).filter(lot -> !kept.contains(lot)).sorted()
                .toList();
        if (!leaving.isEmpty()) {
            refuseIfHeld(campaign.id, leaving);
        }
        Set<Long> already = new HashSet<>();
        campaign.lots.forEach(cl -> already.add(cl.lotId));
        apply(campaign, input, already);
        String changes = changes(before, snapshot(campaign));
        audit.record(AuditEntry.SubjectType.CAMPAIGN, id, "CHANGED", input.reason(),
                changes.isEmpty() ? "nothing changed" : changes);
        return campaign;
    }

    /**
     * Ends a running campaign now. Nothing in flight breaks: a reservation made in it keeps the
     * campaign price and still counts against the buyer's limit until it is released or expires.
     */
    @Transactional
    public Campaign end(long id, String reason) {
        Campaign campaign = get(id);
        Instant now = Instant.now();
        if (!now.isBefore(campaign.endsAt)) {
            throw ProblemException.conflict("Campaign " + id + " already ended at " + campaign.endsAt)
                    .with("endsAt", campaign.endsAt.toString());
        }
        if (!now.isAfter(campaign.startsAt)) {
            throw ProblemException.conflict("Campaign " + id + " has not started (it starts at " + campaign.startsAt
                    + "): change its window with PUT /campaigns/" + id + " instead")
                    .with("startsAt", campaign.startsAt.toString());
        }
        Instant was = campaign.endsAt;
        campaign.endsAt = now;
        audit.record(AuditEntry.SubjectType.CAMPAIGN, id, "ENDED", reason, "endsAt " + was + " → " + now);
        return campaign;
    }

    public List<AuditEntry> audit(long id) {
        get(id);
        return audit.of(AuditEntry.SubjectType.CAMPAIGN, id);
    }

    private void apply(Campaign campaign, CampaignDetails input, Set<Long> alreadyInIt) {
        if (!input.endsAt().isAfter(input.startsAt())) {
            throw ProblemException.invalid("endsAt", "must be after startsAt");
        }
        List<CampaignLot> lots = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < input.lots().size(); i++) {
            CampaignDetails.LotPrice lot = input.lots().get(i);
            String field = "lots[" + i + "].lotId";
            if (!seen.add(lot.lotId())) {
                throw ProblemException.invalid(field, "lot " + lot.lotId() + " is listed twice");
            }
            Lot found = Lot.findById(lot.lotId());
            if (found == null) {
                throw ProblemException.notFound("Lot", lot.lotId()).with("field", field);
            }
            if (!found.product.listed() && !alreadyInIt.contains(lot.lotId())) {
                throw ProblemException.conflict(field + ": lot " + lot.lotId() + " belongs to product "
                        + found.product.id + ", which is delisted").with("field", field).with("lotId", lot.lotId());
            }
            lots.add(new CampaignLot(lot.lotId(), lot.pricePerKg()));
        }
        campaign.name = VietnameseText.nfc(input.name());
        campaign.host = VietnameseText.nfc(input.host());
        campaign.description = input.description() == null ? null : VietnameseText.nfc(input.description());
        campaign.startsAt = input.startsAt();
        campaign.endsAt = input.endsAt();
        campaign.perBuyerLimitGrams = input.perBuyerLimitGrams();
        campaign.targetGrams = input.targetGrams();
        campaign.lots.clear();
        campaign.lots.addAll(lots);
    }

    /*
     * The lots are locked as the stock ledger locks them before it prices a reservation, so a
     * reservation either committed before this check (and is seen here) or prices after this
     * change commits (and no longer finds the lot in the campaign).
     */
    private void refuseIfHeld(long campaignId, List<Long> lotIds) {
        em.createNativeQuery("select id from lot where id in (?1) order by id for update").setParameter(1, lotIds)
                .getResultList();
        List<Object[]> held = em.createNativeQuery("""
                select l.lot_id, sum(l.grams) from reservation_line l join reservation r on r.id = l.reservation_id
                where l.campaign_id = ?1 and l.lot_id in (?2) and r.status = 'HELD'
                group by l.lot_id order by l.lot_id""", Object[].class)
                .setParameter(1, campaignId).setParameter(2, lotIds).getResultList();
        if (!held.isEmpty()) {
            long lot = ((Number) held.get(0)[0]).longValue();
            long grams = ((Number) held.get(0)[1]).longValue();
            throw ProblemException.conflict("Lot " + lot + " cannot leave campaign " + campaignId + ": " + grams
                    + " g of it are held for orders in the campaign that are not confirmed yet; try again once they are"
                    + " confirmed or released").with("lotId", lot).with("heldGrams", grams);
        }
    }

    private static Map<String, Object> snapshot(Campaign c) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", c.name);
        fields.put("host", c.host);
        fields.put("description", c.description);
        fields.put("startsAt", c.startsAt);
        fields.put("endsAt", c.endsAt);
        fields.put("perBuyerLimitGrams", c.perBuyerLimitGrams);
        fields.put("targetGrams", c.targetGrams);
        c.lots.stream().sorted(Comparator.comparingLong(cl -> cl.lotId))
                .forEach(cl -> fields.put("lot " + cl.lotId + " pricePerKg", cl.pricePerKg));
        return fields;
    }

    /** "endsAt A → B; lot 7 pricePerKg 45000 → 40000; lot 9 pricePerKg 50000 → (removed)". */
    private static String changes(Map<String, Object> before, Map<String, Object> after) {
        StringJoiner changes = new StringJoiner("; ");
        Set<String> names = new LinkedHashSet<>(before.keySet());
        names.addAll(after.keySet());
        for (String name : names) {
            Object was = before.get(name);
            Object now = after.get(name);
            if (!Objects.equals(was, now)) {
                changes.add(name + " " + (before.containsKey(name) ? was : "(added)") + " → "
                        + (after.containsKey(name) ? now : "(removed)"));
            }
        }
        return changes.toString();
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
