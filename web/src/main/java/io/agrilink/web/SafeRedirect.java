package io.agrilink.web;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where a page may send the browser next ({@code ?next=} of sign-in and the language switch):
 * only a path of this app. Anything with a scheme or host ({@code https://evil.example}), a
 * protocol-relative {@code //evil.example}, a backslash (browsers read {@code /\evil.example} as
 * {@code //evil.example}) or a control character becomes {@code /}. No open redirect.
 */
public final class SafeRedirect {

    private SafeRedirect() {
    }

    public static String target(String next) {
        if (next == null || next.isEmpty() || next.length() > 2000 || next.charAt(0) != '/'
                || next.startsWith("//") || next.indexOf('\\') >= 0 || next.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return "/";
        }
        try {
            URI uri = new URI(next);
            if (uri.getScheme() != null || uri.getRawAuthority() != null) {
                return "/";
            }
        } catch (URISyntaxException e) {
            return "/";
        }
        return next;
    }
}
