package io.agrilink.catalog.service;

/** Where a reservation stands; stored by name in {@code reservation.status}. */
public enum ReservationStatus {
    /** Its grams are held until it is confirmed, released or expires. */
    HELD,
    /** The order is paid or accepted: its grams are confirmed. */
    CONFIRMED,
    /** order-service gave it up: its grams went back; never revived. */
    RELEASED,
    /** Its time ran out and its grams went back; a late confirmation may take them again. */
    EXPIRED
}
