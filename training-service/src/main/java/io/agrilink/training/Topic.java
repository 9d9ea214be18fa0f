package io.agrilink.training;

/** What a course teaches; the province's digital-skills programme has these strands. */
public enum Topic {
    LIVESTREAM_SELLING, PACKAGING_DESIGN, FILMING, ECOMMERCE_BASICS, KOL_KOC, OTHER
}
