package io.agrilink.logistics.service;

import java.util.List;

import io.agrilink.logistics.ChecklistItem;
import io.agrilink.logistics.Shipment;
import io.agrilink.logistics.ShipmentAlert;

/** A shipment with its export checklist and alerts, read in one go. */
public record ShipmentDetails(Shipment shipment, List<ChecklistItem> checklist, List<ShipmentAlert> alerts) {
}
