package io.agrilink.platform.security;

import java.util.Collection;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import io.agrilink.platform.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;

/** Who is calling: the token's subject and roles, and the ownership checks every service needs. */
@RequestScoped
public class Caller {

    @Inject
    SecurityIdentity identity;

    /** The token's subject ({@code sub}), or {@code null} for an anonymous caller. */
    public String subject() {
        return identity.isAnonymous() ? null : identity.getPrincipal().getName();
    }

    public boolean is(String role) {
        return identity.hasRole(role);
    }

    public boolean isStaff() {
        return is(Roles.STAFF);
    }

    public boolean isService() {
        return is(Roles.SERVICE);
    }

    /** Staff and services act on anything; anyone else only on what one of {@code owners} is. */
    public void requireOwnerOrStaff(Collection<String> owners, String what) {
        if (isStaff() || isService()) {
            return;
        }
        if (subject() == null || !owners.contains(subject())) {
            throw ProblemException.forbidden("You do not own " + what);
        }
    }

    /** Staff act on anything; anyone else only on what {@code owner} is. */
    public void requireSelfOrStaff(String owner, String what) {
        if (isStaff() || isService()) {
            return;
        }
        if (subject() == null || !subject().equals(owner)) {
            throw ProblemException.forbidden("You may not act on " + what);
        }
    }
}
