package io.agrilink.catalog.service;

/** A farmer, carrier or buyer account as staff ask for it, before {@link AccountService#validate} normalises it. */
public record NewAccount(String username, String firstName, String lastName, String role, String email, String phone) {
}
