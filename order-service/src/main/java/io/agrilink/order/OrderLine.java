package io.agrilink.order;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

/**
 * One lot in an order, with the product, producer and price as catalog-service stated them when
 * the stock was reserved: the order keeps its own copy, so later catalogue edits never change it.
 */
@Entity
public class OrderLine extends PanacheEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "order_id")
    public CustomerOrder order;

    public long lotId;

    /** Ordered weight; the price is computed on it. */
    public long grams;

    /** The weight the farmer actually packed, once packed. */
    public Long packedGrams;

    public Long productId;

    public String productName;

    public Long producerId;

    public String producerName;

    /** The subjects of the farmers who own the producer, stored as {@code ",farmer-lan,farmer-minh,"}. */
    public String farmers;

    public String pickupProvince;

    public String pickupCommune;

    public String pickupPhone;

    /** Whole đồng per kilogram: the campaign price while the campaign ran, else the product price. */
    public long unitPricePerKg;

    /** Whole đồng: {@link #amountOf(long, long)}. */
    public long amount;

    public Long campaignId;

    public boolean coldChain;

    public Integer minCelsius;

    public Integer maxCelsius;

    public LocalDate harvestDate;

    public LocalDate bestBefore;

    /**
     * The amount of a line in whole đồng: price per kilogram × grams / 1000, rounded half up to
     * the đồng (150,000 đ/kg × 1,003 g = 150,450 đ; 99,999 đ/kg × 1,500 g = 149,998.5 → 149,999 đ).
     */
    public static long amountOf(long unitPricePerKg, long grams) {
        return Math.addExact(Math.multiplyExact(unitPricePerKg, grams), 500) / 1000;
    }

    public static String joinFarmers(List<String> subjects) {
        return subjects == null || subjects.isEmpty() ? "," : "," + String.join(",", subjects) + ",";
    }

    public List<String> farmerList() {
        return Arrays.stream(farmers.split(",")).filter(s -> !s.isEmpty()).toList();
    }

    public boolean ownedBy(String subject) {
        return subject != null && farmers.contains("," + subject + ",");
    }
}
