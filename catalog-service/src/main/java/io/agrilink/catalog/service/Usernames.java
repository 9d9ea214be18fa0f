package io.agrilink.catalog.service;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import io.agrilink.platform.problem.ProblemException;
import io.agrilink.platform.vn.Phones;

/**
 * The one rule for account usernames. Farmers sign in with their phone number as they write it at
 * home, so a phone number is kept in the national form without separators ({@code 0912 345 678},
 * {@code +84 912 345 678} and {@code 84912345678} all become {@code 0912345678}); any other username
 * is 3-64 characters of {@code [a-z0-9._-]}, lower-cased (Keycloak lower-cases usernames too).
 */
public final class Usernames {

    private static final Pattern NAME = Pattern.compile("[a-z0-9._-]{3,64}");
    /** Only what a phone number is written with: such a username must be a valid Vietnamese number. */
    private static final Pattern PHONE_LIKE = Pattern.compile("\\+?[0-9][0-9\\s.()\\-]*");

    private Usernames() {
    }

    /**
     * The username as stored.
     *
     * @throws ProblemException 400 naming {@code username} when it is neither a phone number nor a valid name
     */
    public static String normalise(String username) {
        String given = username == null ? "" : username.strip();
        Optional<String> phone = Phones.normalise(given);
        if (phone.isPresent()) {
            return "0" + phone.get().substring(3);
        }
        if (PHONE_LIKE.matcher(given).matches()) {
            throw ProblemException.invalid("username", "is not a Vietnamese mobile or landline number");
        }
        String name = given.toLowerCase(Locale.ROOT);
        if (!NAME.matcher(name).matches()) {
            throw ProblemException.invalid("username",
                    "must be a Vietnamese phone number or 3-64 characters of a-z, 0-9, '.', '_' and '-'");
        }
        return name;
    }
}
