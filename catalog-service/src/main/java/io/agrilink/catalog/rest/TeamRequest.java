package io.agrilink.catalog.rest;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.agrilink.catalog.SalesTeam;
import io.agrilink.catalog.service.TeamDetails;

/**
 * A sales team or club as staff create (with its {@code members}; the leader is one either way) or
 * change it (without {@code members}: those are added and removed one at a time).
 */
public record TeamRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull SalesTeam.Kind kind,
        @NotBlank @Size(max = 60) String province,
        @NotBlank @Size(max = 200) String commune,
        @NotBlank @Size(max = 100) String leader,
        @Size(max = 200) List<@NotBlank @Size(max = 100) String> members) {

    public TeamDetails toDetails() {
        return new TeamDetails(name, kind, province, commune, leader, members);
    }
}
