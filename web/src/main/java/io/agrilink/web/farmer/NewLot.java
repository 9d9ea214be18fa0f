package io.agrilink.web.farmer;

import java.time.LocalDate;

/**
 * catalog-service's {@code POST /lots} body. It takes no best-before date and no price: catalog sets
 * best-before to the harvest date plus the product's shelf life, and the lot sells at the product's price.
 */
public record NewLot(long productId, LocalDate harvestDate, long quantityGrams) {
}
