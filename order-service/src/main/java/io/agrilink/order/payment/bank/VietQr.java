package io.agrilink.order.payment.bank;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The NAPAS VietQR payload: an EMVCo merchant-presented QR (MPM) asking any Vietnamese banking app to
 * transfer an exact amount to one account with the order's reference as the transfer's content.
 * <p>
 * Every data object is ID (2 digits), length (2 digits) and value; templates nest the same way. A
 * payload built here is dynamic (01 = 12: it carries an amount), in đồng (53 = 704), with the
 * beneficiary under 38 (NAPAS GUID, bank BIN and account, service "transfer to account") and the
 * reference as the purpose of transaction (62/08). It ends with 63, the CRC-16/CCITT-FALSE of
 * everything before it including "6304".
 */
public final class VietQr {

    /** NAPAS' application identifier, sub-object 00 of the merchant account information (38). */
    public static final String NAPAS_GUID = "A000000727";
    /** NAPAS' service code for a transfer to an account number (QRIBFTTC would be to a card). */
    public static final String TRANSFER_TO_ACCOUNT = "QRIBFTTA";

    static final String PAYLOAD_FORMAT = "00";
    static final String INITIATION = "01";
    static final String MERCHANT_ACCOUNT = "38";
    static final String CURRENCY = "53";
    static final String AMOUNT = "54";
    static final String COUNTRY = "58";
    static final String ADDITIONAL_DATA = "62";
    static final String CRC = "63";
    static final String PURPOSE = "08";

    private static final String DYNAMIC = "12";
    private static final String VND = "704";
    private static final Pattern BIN = Pattern.compile("\\d{6}");
    /** NAPAS allows up to 19 characters; banks issue digits, a few (wallets behind BVBank) letters too. */
    private static final Pattern ACCOUNT = Pattern.compile("[0-9A-Za-z]{1,19}");
    /** EMVCo: the amount is at most 13 characters; whole đồng, so digits only. */
    private static final long MAX_AMOUNT = 9_999_999_999_999L;
    /** NAPAS: the purpose of transaction holds up to 25 characters. */
    private static final int MAX_PURPOSE = 25;
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private VietQr() {
    }

    /**
     * The payload asking for {@code amount} đồng to {@code account} at the bank {@code bin}, the
     * transfer's content being {@code reference} (diacritics stripped: a payload is ASCII).
     *
     * @throws IllegalArgumentException a value that does not fit the format (a BIN that is not six
     *         digits, an account that is not 1–19 letters or digits, an amount not in 1 … 13 digits, a
     *         reference empty or over 25 characters once in ASCII)
     */
    public static String payload(String bin, String account, long amount, String reference) {
        if (bin == null || !BIN.matcher(bin).matches()) {
            throw new IllegalArgumentException("the bank BIN must be 6 digits");
        }
        if (account == null || !ACCOUNT.matcher(account).matches()) {
            throw new IllegalArgumentException("the account must be 1 to 19 letters or digits");
        }
        if (amount <= 0 || amount > MAX_AMOUNT) {
            throw new IllegalArgumentException("the amount must be 1 to " + MAX_AMOUNT + " đồng");
        }
        String purpose = ascii(reference);
        if (purpose.isEmpty() || purpose.length() > MAX_PURPOSE) {
            throw new IllegalArgumentException("the reference must be 1 to " + MAX_PURPOSE + " characters");
        }
        String beneficiary = tlv("00", bin) + tlv("01", account);
        String merchantAccount = tlv("00", NAPAS_GUID) + tlv("01", beneficiary) + tlv("02", TRANSFER_TO_ACCOUNT);
        String body = tlv(PAYLOAD_FORMAT, "01")
                + tlv(INITIATION, DYNAMIC)
                + tlv(MERCHANT_ACCOUNT, merchantAccount)
                + tlv(CURRENCY, VND)
                + tlv(AMOUNT, Long.toString(amount))
                + tlv(COUNTRY, "VN")
                + tlv(ADDITIONAL_DATA, tlv(PURPOSE, purpose))
                + CRC + "04";
        return body + crc(body);
    }

    /**
     * The data objects of one level, ID to value in their order: {@code parse(payload)} gives the
     * root, {@code parse(root.get("38"))} a template's own. Lengths count characters, as EMVCo's.
     *
     * @throws IllegalArgumentException text that is not a sequence of ID, length and value, or
     *         names an ID twice
     */
    public static Map<String, String> parse(String text) {
        Map<String, String> objects = new LinkedHashMap<>();
        int at = 0;
        while (at < text.length()) {
            if (at + 4 > text.length()) {
                throw new IllegalArgumentException("a data object is cut short at " + at);
            }
            String id = text.substring(at, at + 2);
            String length = text.substring(at + 2, at + 4);
            if (!id.chars().allMatch(Character::isDigit) || !length.chars().allMatch(Character::isDigit)) {
                throw new IllegalArgumentException("no ID and length at " + at);
            }
            int end = at + 4 + Integer.parseInt(length);
            if (end > text.length()) {
                throw new IllegalArgumentException("the value of " + id + " runs past the end");
            }
            if (objects.putIfAbsent(id, text.substring(at + 4, end)) != null) {
                throw new IllegalArgumentException("the ID " + id + " appears twice");
            }
            at = end;
        }
        return Collections.unmodifiableMap(objects);
    }

    /** What a payload asks the payer to do, read back (the sandbox bank, tests); its CRC is checked. */
    public static Transfer read(String payload) {
        if (payload == null || payload.length() < 8 || !payload.startsWith(CRC + "04", payload.length() - 8)) {
            throw new IllegalArgumentException("a payload ends with its CRC (6304 and 4 hex digits)");
        }
        String expected = crc(payload.substring(0, payload.length() - 4));
        if (!expected.equalsIgnoreCase(payload.substring(payload.length() - 4))) {
            throw new IllegalArgumentException("the CRC does not match (expected " + expected + ")");
        }
        Map<String, String> root = parse(payload);
        Map<String, String> merchantAccount = parse(required(root, MERCHANT_ACCOUNT));
        if (!NAPAS_GUID.equals(merchantAccount.get("00"))) {
            throw new IllegalArgumentException("not a NAPAS VietQR (38/00 is not " + NAPAS_GUID + ")");
        }
        Map<String, String> beneficiary = parse(required(merchantAccount, "01"));
        String amount = root.get(AMOUNT);
        String additional = root.get(ADDITIONAL_DATA);
        return new Transfer(required(beneficiary, "00"), required(beneficiary, "01"),
                amount == null ? null : Long.valueOf(amount),
                additional == null ? null : parse(additional).get(PURPOSE));
    }

    /**
     * CRC-16/CCITT-FALSE (polynomial 0x1021, initial 0xFFFF, no reflection, no final XOR) of the
     * text's UTF-8 bytes, as 4 upper-case hex digits: what EMVCo puts in object 63.
     */
    public static String crc(String text) {
        int crc = 0xFFFF;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            crc ^= (b & 0xFF) << 8;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
            }
            crc &= 0xFFFF;
        }
        return String.format("%04X", crc);
    }

    /**
     * The text in printable ASCII: Vietnamese marks stripped ({@code đ} as {@code d}), anything else
     * outside ASCII or a control character dropped, spaces folded. Banking apps show the purpose
     * as the transfer's content and many mangle anything else.
     */
    static String ascii(String text) {
        if (text == null) {
            return "";
        }
        String bare = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("")
                .replace('đ', 'd').replace('Đ', 'D');
        StringBuilder out = new StringBuilder(bare.length());
        for (int i = 0; i < bare.length(); i++) {
            char c = bare.charAt(i);
            if (Character.isWhitespace(c)) {
                c = ' ';
            }
            if (c >= 0x20 && c < 0x7F && !(c == ' ' && (out.isEmpty() || out.charAt(out.length() - 1) == ' '))) {
                out.append(c);
            }
        }
        return out.toString().strip();
    }

    /** One data object: ID, the value's length in two digits, the value. */
    static String tlv(String id, String value) {
        if (value.length() > 99) {
            throw new IllegalArgumentException("the value of " + id + " is over 99 characters");
        }
        return id + (value.length() < 10 ? "0" : "") + value.length() + value;
    }

    private static String required(Map<String, String> objects, String id) {
        String value = objects.get(id);
        if (value == null) {
            throw new IllegalArgumentException("the data object " + id + " is missing");
        }
        return value;
    }

    /**
     * The transfer a payload asks for.
     *
     * @param bin the beneficiary's bank (NAPAS BIN, 6 digits)
     * @param account the beneficiary's account number
     * @param amount in đồng, null in a static code (the payer types it)
     * @param reference the purpose of transaction (the transfer's content), null when absent
     */
    public record Transfer(String bin, String account, Long amount, String reference) {
    }
}
