package io.agrilink.catalog.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.agrilink.platform.problem.ProblemException;

/** The rule a new reservation and the retake of an expired one share, and what each refusal answers. */
class StockRefusalTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    private static StockSql.LotState lot(LocalDate bestBefore, boolean listed) {
        return new StockSql.LotState(7, 500, 0, bestBefore, 80_000, listed);
    }

    @Test
    void aLotPastItsBestBeforeIsRefusedBeforeAskingWhetherItIsListedOrHasTheGrams() {
        StockRefusal refusal = lot(TODAY.minusDays(1), false).refusal(900, 500, TODAY);

        assertEquals(new StockRefusal.PastBestBefore(7, TODAY.minusDays(1)), refusal);
    }

    @Test
    void aDelistedLotIsRefusedEvenWithTheGrams() {
        assertEquals(new StockRefusal.Delisted(7), lot(TODAY, false).refusal(100, 500, TODAY));
    }

    @Test
    void aLotShortOfTheGramsIsSoldOutAndOneWithThemIsTaken() {
        assertEquals(new StockRefusal.SoldOut(7, 500, 501), lot(TODAY, true).refusal(501, 500, TODAY));
        assertNull(lot(TODAY, true).refusal(500, 500, TODAY));
    }

    @Test
    void aBuyerMayTakeUpToTheLimitAndNeverHearsOfNegativeGramsLeft() {
        assertNull(StockRefusal.overLimit(3, "buyer-1", 2000, 1500, 500));

        StockRefusal.OverBuyerLimit over = StockRefusal.overLimit(3, "buyer-1", 1000, 1500, 1);
        ProblemException problem = over.problem();

        assertEquals(409, problem.status());
        assertEquals(Map.of("campaignId", 3L, "limitGrams", 1000L, "gramsLeft", 0L), problem.extensions());
        assertEquals(Map.of("campaignId", 3L, "limitGrams", 1000L, "gramsLeft", 0L),
                over.problemRetaking("ord-1").extensions());
    }

    @Test
    void aNewReservationAndARetakeNameTheSameLotButOnlyTheRetakeNamesItsBestBefore() {
        StockRefusal refusal = new StockRefusal.PastBestBefore(7, TODAY);

        assertEquals(Map.of("lotId", 7L, "gramsLeft", 0), refusal.problem().extensions());
        assertEquals(Map.of("lotId", 7L, "gramsLeft", 0, "bestBefore", "2026-06-01"),
                refusal.problemRetaking("ord-1").extensions());
        assertEquals("Reservation ord-1 expired and lot 7 is past its best-before date 2026-06-01: it can no longer"
                + " be confirmed", refusal.problemRetaking("ord-1").getMessage());
    }

    @Test
    void anUnknownLotIsA404NamingTheLot() {
        ProblemException problem = new StockRefusal.UnknownLot(9).problem();

        assertEquals(404, problem.status());
        assertInstanceOf(Long.class, problem.extensions().get("lotId"));
    }
}
