package io.agrilink.catalog.service;

import java.time.LocalDate;

import io.agrilink.platform.problem.ProblemException;

/**
 * Why grams cannot be held: for a new reservation, or for an expired one taken again at its
 * confirmation (both are decided by the same rules, {@link StockSql.LotState#refusal} and
 * {@link #overLimit}). Each says what the caller answers: {@link #problem()} for a new
 * reservation, {@link #problemRetaking(String)} for the confirmation of an expired one.
 */
public sealed interface StockRefusal {

    /** The problem {@code POST /stock/reservations} answers. */
    ProblemException problem();

    /** The problem the confirmation of the expired reservation {@code orderRef} answers. */
    ProblemException problemRetaking(String orderRef);

    /** No lot with this id. */
    record UnknownLot(long lotId) implements StockRefusal {

        @Override
        public ProblemException problem() {
            return ProblemException.notFound("Lot", lotId).with("lotId", lotId);
        }

        @Override
        public ProblemException problemRetaking(String orderRef) {
            return problem();
        }
    }

    /** The lot's best-before date has passed. */
    record PastBestBefore(long lotId, LocalDate bestBefore) implements StockRefusal {

        @Override
        public ProblemException problem() {
            return ProblemException.conflict("Lot " + lotId + " is past its best-before date " + bestBefore)
                    .with("lotId", lotId).with("gramsLeft", 0);
        }

        @Override
        public ProblemException problemRetaking(String orderRef) {
            return ProblemException.conflict("Reservation " + orderRef + " expired and lot " + lotId
                    + " is past its best-before date " + bestBefore + ": it can no longer be confirmed")
                    .with("lotId", lotId).with("gramsLeft", 0).with("bestBefore", bestBefore.toString());
        }
    }

    /** The lot's product was delisted. */
    record Delisted(long lotId) implements StockRefusal {

        @Override
        public ProblemException problem() {
            return ProblemException.conflict("Lot " + lotId + " is no longer on sale: its product was delisted")
                    .with("lotId", lotId).with("gramsLeft", 0);
        }

        @Override
        public ProblemException problemRetaking(String orderRef) {
            return ProblemException.conflict("Reservation " + orderRef + " expired and lot " + lotId
                    + " is no longer on sale (its product was delisted): it can no longer be confirmed")
                    .with("lotId", lotId).with("gramsLeft", 0);
        }
    }

    /**
     * Fewer grams available than asked. The only refusal that another try may turn around, once
     * expired holds have given their grams back.
     */
    record SoldOut(long lotId, long gramsLeft, long gramsAsked) implements StockRefusal {

        @Override
        public ProblemException problem() {
            return ProblemException.conflict("Lot " + lotId + " has only " + gramsLeft + " g left, " + gramsAsked
                    + " g asked").with("lotId", lotId).with("gramsLeft", gramsLeft);
        }

        @Override
        public ProblemException problemRetaking(String orderRef) {
            return ProblemException.conflict("Reservation " + orderRef + " expired and lot " + lotId + " has only "
                    + gramsLeft + " g left: it can no longer be confirmed")
                    .with("lotId", lotId).with("gramsLeft", gramsLeft);
        }
    }

    /** The buyer's per-buyer limit in a campaign has no room for these grams. */
    record OverBuyerLimit(long campaignId, String buyer, long limitGrams, long usedGrams) implements StockRefusal {

        /** What the buyer may still take; never below zero (staff may have lowered the limit). */
        public long gramsLeft() {
            return Math.max(0, limitGrams - usedGrams);
        }

        @Override
        public ProblemException problem() {
            return ProblemException.conflict("Buyer " + buyer + " may take at most " + limitGrams + " g in campaign "
                    + campaignId + "; " + (limitGrams - usedGrams) + " g left for them")
                    .with("campaignId", campaignId).with("limitGrams", limitGrams).with("gramsLeft", gramsLeft());
        }

        @Override
        public ProblemException problemRetaking(String orderRef) {
            return ProblemException.conflict("Reservation " + orderRef + " expired and buyer " + buyer
                    + " may take at most " + limitGrams + " g in campaign " + campaignId + "; " + gramsLeft()
                    + " g left for them: it can no longer be confirmed")
                    .with("campaignId", campaignId).with("limitGrams", limitGrams).with("gramsLeft", gramsLeft());
        }
    }

    /** The per-buyer rule: the refusal when what the buyer used plus what they ask goes over the limit, else null. */
    static OverBuyerLimit overLimit(long campaignId, String buyer, long limitGrams, long usedGrams, long askedGrams) {
        return usedGrams + askedGrams > limitGrams ? new OverBuyerLimit(campaignId, buyer, limitGrams, usedGrams) : null;
    }
}
