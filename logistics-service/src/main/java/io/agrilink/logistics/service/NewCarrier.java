package io.agrilink.logistics.service;

import java.util.List;
import java.util.Set;

import io.agrilink.logistics.Capability;

/**
 * A logistics firm to register, as {@link CarrierService#register} takes it. {@code provinces}
 * takes current or former names; {@code nationwide} serves all provinces.
 */
public record NewCarrier(String subject, String name, List<String> provinces, boolean nationwide,
        Set<Capability> capabilities, int dailyCapacity) {
}
