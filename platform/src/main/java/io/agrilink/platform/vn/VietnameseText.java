package io.agrilink.platform.vn;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Text helpers for Vietnamese: folding away diacritics and case, so "vai thieu" finds "Vải thiều". */
public final class VietnameseText {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private VietnameseText() {
    }

    /**
     * Lower case, without tone or vowel marks, {@code đ} as {@code d}, white space folded:
     * {@code "  Vải thiều  Lục Ngạn"} becomes {@code "vai thieu luc ngan"}.
     */
    public static String fold(String text) {
        if (text == null) {
            return null;
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        String bare = MARKS.matcher(decomposed).replaceAll("")
                .replace('đ', 'd').replace('Đ', 'D');
        return SPACES.matcher(bare.toLowerCase(Locale.ROOT).strip()).replaceAll(" ");
    }

    /** The text in NFC, the one form in which Vietnamese is stored and compared. */
    public static String nfc(String text) {
        return text == null ? null : Normalizer.normalize(text.strip(), Normalizer.Form.NFC);
    }
}
