package io.agrilink.platform.vn;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Vietnamese phone numbers: mobiles (03x, 05x, 07x, 08x, 09x, ten digits) and landlines
 * (02xx area codes, eleven digits), written with or without {@code +84}/{@code 84}, spaces,
 * dots or dashes. Normalised to E.164: {@code 0912 345 678} becomes {@code +84912345678}.
 */
public final class Phones {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s.\\-()]");
    private static final Pattern MOBILE = Pattern.compile("0[35789]\\d{8}");
    private static final Pattern LANDLINE = Pattern.compile("02\\d{9}");

    private Phones() {
    }

    /** The number in E.164 form, or empty when it is not a Vietnamese mobile or landline number. */
    public static Optional<String> normalise(String phone) {
        if (phone == null) {
            return Optional.empty();
        }
        String digits = SEPARATORS.matcher(phone.strip()).replaceAll("");
        if (digits.startsWith("+84")) {
            digits = "0" + digits.substring(3);
        } else if (digits.startsWith("84") && digits.length() >= 11) {
            digits = "0" + digits.substring(2);
        }
        if (MOBILE.matcher(digits).matches() || LANDLINE.matcher(digits).matches()) {
            return Optional.of("+84" + digits.substring(1));
        }
        return Optional.empty();
    }
}
