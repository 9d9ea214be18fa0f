package io.agrilink.logistics;

/** What a carrier can handle beyond ordinary parcels. */
public enum Capability {
    /** Refrigerated transport holding a shipment's temperature range (lychee: 2–5 °C). */
    COLD_CHAIN,
    /** Export handling: papers, treatments, hand-over at the port or airport. */
    EXPORT,
    /** Collecting cash on delivery and remitting it. */
    COD_COLLECTION
}
