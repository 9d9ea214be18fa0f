package io.agrilink.web.live;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The web app's own copy of catalog-service's sales team or club ({@code TeamView}). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Team(long id, String name, String kind, String province, String commune, String leader,
        List<Member> members, Instant createdAt) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Member(String subject, List<String> producers, String certificateCode, Instant joinedAt) {

        public List<String> producers() {
            return producers == null ? List.of() : producers;
        }
    }

    public List<Member> members() {
        return members == null ? List.of() : members;
    }

    public boolean leads(String subject) {
        return leader != null && leader.equals(subject);
    }
}
