package io.agrilink.web.live;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The body of catalog-service's {@code POST /teams} (with its members) and {@code PUT /teams/{id}}
 * (without: members are added and removed one by one).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TeamRequest(String name, String kind, String province, String commune, String leader,
        List<String> members) {
}
