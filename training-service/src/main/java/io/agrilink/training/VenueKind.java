package io.agrilink.training;

/** Where a session takes place: a commune hall, or online. */
public enum VenueKind {
    HALL, ONLINE
}
