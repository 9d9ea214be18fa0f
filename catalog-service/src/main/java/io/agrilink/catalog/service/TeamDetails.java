package io.agrilink.catalog.service;

import java.util.List;

import io.agrilink.catalog.SalesTeam;

/**
 * A sales team as staff create or change it. {@code members} only when it is created (the leader is
 * a member either way); afterwards members are added and removed one at a time.
 */
public record TeamDetails(String name, SalesTeam.Kind kind, String province, String commune, String leader,
        List<String> members) {
}
