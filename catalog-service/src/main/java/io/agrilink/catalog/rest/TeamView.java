package io.agrilink.catalog.rest;

import java.time.Instant;
import java.util.List;

/** A team with its members: who, the producers they own, their livestream certificate, since when. */
public record TeamView(long id, String name, String kind, String province, String commune, String leader,
        List<Member> members, Instant createdAt) {

    public record Member(String subject, List<String> producers, String certificateCode, Instant joinedAt) {
    }
}
