package io.agrilink.training.rest;

import io.agrilink.training.TrainingSession;
import io.agrilink.training.VenueKind;

/** Where a session takes place: a hall (name, province, commune) or online ({@code url}). */
public record VenueView(VenueKind kind, String name, String province, String commune, String url) {

    static VenueView of(TrainingSession s) {
        return new VenueView(s.venueKind, s.venueName, s.province, s.commune, s.onlineUrl);
    }
}
