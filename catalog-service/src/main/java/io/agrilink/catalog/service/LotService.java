package io.agrilink.catalog.service;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.agrilink.catalog.Lot;
import io.agrilink.catalog.Product;
import io.agrilink.platform.problem.ProblemException;
import io.agrilink.platform.security.Caller;

/** Harvest lots: created and corrected by the product's owners or staff. */
@ApplicationScoped
public class LotService {

    @Inject
    Caller caller;

    @Inject
    EntityManager em;

    @Transactional
    public Lot create(NewLot input) {
        Product product = Product.<Product> findByIdOptional(input.productId())
                .orElseThrow(() -> ProblemException.notFound("Product", input.productId()).with("field", "productId"));
        caller.requireOwnerOrStaff(product.producer.owners, "product " + product.id);
        if (!product.listed()) {
            throw ProblemException.conflict("Product " + product.id + " is delisted: no new lots can be put on sale")
                    .with("field", "productId");
        }
        Lot lot = new Lot();
        lot.product = product;
        lot.harvestDate = input.harvestDate();
        lot.bestBefore = input.harvestDate().plusDays(product.shelfLifeDays);
        lot.growingAreaCode = product.producer.growingAreaCode;
        lot.quantityGrams = input.quantityGrams();
        lot.availableGrams = input.quantityGrams();
        lot.persist();
        return lot;
    }

    /**
     * A new total quantity keeps what is held and sold: it may not go below them (409), and the
     * difference goes to or comes from the available grams, in one conditional update.
     */
    @Transactional
    public Lot change(long id, LotChange change) {
        Lot lot = get(id);
        caller.requireOwnerOrStaff(lot.product.producer.owners, "lot " + id);
        if (change.harvestDate() != null) {
            lot.harvestDate = change.harvestDate();
            lot.bestBefore = change.harvestDate().plusDays(lot.product.shelfLifeDays);
        }
        em.flush();
        if (change.quantityGrams() != null) {
            int changed = em.createNativeQuery("""
                    update lot set quantity_grams = ?1, available_grams = ?1 - held_grams - confirmed_grams
                    where id = ?2 and ?1 >= held_grams + confirmed_grams""")
                    .setParameter(1, change.quantityGrams()).setParameter(2, id).executeUpdate();
            if (changed == 0) {
                em.refresh(lot);
                long reserved = lot.heldGrams + lot.confirmedGrams;
                throw ProblemException.conflict("quantityGrams: " + reserved + " g of lot " + id
                        + " are already held or sold; the quantity cannot go below that")
                        .with("field", "quantityGrams").with("reservedGrams", reserved);
            }
        }
        return lot;
    }

    public Lot get(long id) {
        return Lot.<Lot> findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Lot", id));
    }

    public List<Lot> ofProduct(long productId) {
        return Lot.list("product.id = ?1 order by harvestDate desc, id desc", productId);
    }

    /** A lot's price in a campaign running now. */
    public record CampaignPrice(long campaignId, long pricePerKg) {
    }

    /** The running campaign offering {@code lotId} at the lowest price, if any. */
    public Optional<CampaignPrice> runningCampaign(long lotId) {
        List<Object[]> rows = em.createQuery("""
                select c.id, cl.pricePerKg from Campaign c join c.lots cl
                where cl.lotId = :lot and c.startsAt <= :now and c.endsAt > :now
                order by cl.pricePerKg, c.id""", Object[].class)
                .setParameter("lot", lotId).setParameter("now", Instant.now()).setMaxResults(1).getResultList();
        return rows.stream().findFirst().map(r -> new CampaignPrice((Long) r[0], (Long) r[1]));
    }
}
