package io.agrilink.logistics.service;

/** On-time delivery of a carrier: delivered before the shipment's deliver-by; {@code onTimeRate} null before any. */
public record CarrierPerformance(long carrierId, String carrierName, long delivered, long deliveredOnTime,
        Double onTimeRate) {
}
