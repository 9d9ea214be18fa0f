package io.agrilink.suite.sandbox;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What a banking app reads from a VietQR code: the EMVCo merchant-presented payload as
 * tag (2 digits), length (2 digits), value, with the NAPAS account under tag 38 and the transfer's
 * text under 62/08, closed by the CRC-16/CCITT-FALSE of everything before it (tag 63). The
 * sandbox's own small reader, independent of order-service's builder, so that it checks it.
 *
 * @param bin       the beneficiary bank's BIN (38 → 01 → 00)
 * @param account   the beneficiary account (38 → 01 → 01)
 * @param amount    tag 54 in whole đồng, or null when the code leaves it to the payer
 * @param reference the purpose of transaction (62 → 08): what the transfer's description carries
 */
public record EmvQr(String bin, String account, Long amount, String currency, String country, String reference) {

    /** NAPAS's application id in tag 38 → 00. */
    static final String NAPAS = "A000000727";

    /** Reads {@code payload}; IllegalArgumentException saying what is wrong when it is no VietQR transfer. */
    public static EmvQr parse(String payload) {
        if (payload == null || payload.length() < 8) {
            throw new IllegalArgumentException("Mã QR trống hoặc quá ngắn");
        }
        String crcField = payload.substring(payload.length() - 8);
        if (!crcField.startsWith("6304")) {
            throw new IllegalArgumentException("Mã QR không kết thúc bằng CRC (tag 63)");
        }
        String expected = crc(payload.substring(0, payload.length() - 4));
        if (!expected.equalsIgnoreCase(crcField.substring(4))) {
            throw new IllegalArgumentException("CRC sai: mã ghi " + crcField.substring(4) + ", tính được " + expected);
        }
        Map<String, String> top = fields(payload);
        if (!"01".equals(top.get("00"))) {
            throw new IllegalArgumentException("Không phải mã EMVCo (tag 00 phải là 01)");
        }
        String merchant = top.get("38");
        if (merchant == null) {
            throw new IllegalArgumentException("Không có tài khoản NAPAS (tag 38)");
        }
        Map<String, String> napas = fields(merchant);
        if (!NAPAS.equals(napas.get("00"))) {
            throw new IllegalArgumentException("Tag 38 không phải của NAPAS (" + napas.get("00") + ")");
        }
        Map<String, String> beneficiary = fields(required(napas, "01", "38/01"));
        String amount = top.get("54");
        Map<String, String> additional = top.containsKey("62") ? fields(top.get("62")) : Map.of();
        return new EmvQr(required(beneficiary, "00", "38/01/00"), required(beneficiary, "01", "38/01/01"),
                amount == null ? null : Long.valueOf(amount), top.get("53"), top.get("58"), additional.get("08"));
    }

    private static String required(Map<String, String> fields, String tag, String path) {
        String value = fields.get(tag);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("Thiếu trường " + path);
        }
        return value;
    }

    /** One level of tag-length-value fields. */
    static Map<String, String> fields(String tlv) {
        Map<String, String> fields = new LinkedHashMap<>();
        int at = 0;
        while (at < tlv.length()) {
            if (at + 4 > tlv.length()) {
                throw new IllegalArgumentException("Trường cụt ở vị trí " + at);
            }
            String tag = tlv.substring(at, at + 2);
            int length;
            try {
                length = Integer.parseInt(tlv.substring(at + 2, at + 4));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Độ dài không phải số ở vị trí " + (at + 2));
            }
            if (at + 4 + length > tlv.length()) {
                throw new IllegalArgumentException("Trường " + tag + " dài hơn phần còn lại");
            }
            fields.put(tag, tlv.substring(at + 4, at + 4 + length));
            at += 4 + length;
        }
        return fields;
    }

    /** CRC-16/CCITT-FALSE (polynomial 0x1021, initial 0xFFFF), 4 upper-case hex digits. */
    static String crc(String data) {
        int crc = 0xFFFF;
        for (byte b : data.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            crc ^= (b & 0xFF) << 8;
            for (int i = 0; i < 8; i++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
            }
            crc &= 0xFFFF;
        }
        return String.format(Locale.ROOT, "%04X", crc);
    }
}
