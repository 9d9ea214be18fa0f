package io.agrilink.catalog.service;

import java.security.SecureRandom;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.agrilink.platform.problem.ProblemException;

/**
 * A stream's short code, read out by its host and carried by its link: six characters drawn with
 * {@link SecureRandom} from an alphabet without 0/O/1/I, so none is misheard or misread.
 */
@ApplicationScoped
public class LivestreamCodes {

    public static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static final int LENGTH = 6;

    /** What a code given by a caller may look like (case-insensitive); anything else is a 400. */
    public static final Pattern GIVEN = Pattern.compile("^[A-Za-z0-9]{4,12}$");

    private final SecureRandom random = new SecureRandom();

    public String next() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** The code as stored (upper case), or a 400 naming {@code field}. */
    public static String normalise(String given, String field) {
        if (given == null || !GIVEN.matcher(given).matches()) {
            throw ProblemException.invalid(field, "must be 4 to 12 letters or digits, as a livestream code is");
        }
        return given.toUpperCase(java.util.Locale.ROOT);
    }
}
