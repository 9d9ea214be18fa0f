package io.agrilink.order.payment.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The VietQR payload against the published EMVCo and VietQR examples; no Quarkus needed. */
class VietQrTest {

    /**
     * The example payload of the EMVCo MPM specification ("EMV QR Code Specification for Payment
     * Systems: Merchant-Presented Mode", v1.1, its worked example; quoted with CRC A13A by the test
     * suites of most EMVCo libraries, for example Exemvi's {@code MPMTest @official_sample}). Its
     * language template 64 holds Chinese: lengths count characters, the CRC is over UTF-8 bytes.
     */
    private static final String EMVCO_EXAMPLE = "00020101021229300012D156000000000510A93FO3230Q31280012D15600000001030812345678"
            + "520441115802CN5914BEST TRANSPORT6007BEIJING64200002ZH0104最佳运输0202北京540523.7253031565502016233030412340603***"
            + "0708A60086670902ME91320016A0112233449988770708123456786304A13A";

    /**
     * README of the npm package {@code vietnam-qr-pay} 1.1.0 (https://libraries.io/npm/vietnam-qr-pay/1.1.0),
     * "VietQR" example with amount: ACB (BIN 970416), account 257678859, 10,000 đ, purpose "Chuyen tien".
     */
    private static final String VIETNAM_QR_PAY_DYNAMIC = "00020101021238530010A0000007270123000697041601092576788590208QRIBFTTA"
            + "53037045405100005802VN62150811Chuyen tien630453E6";

    /** The same README, the static code of that account (no amount, no purpose). */
    private static final String VIETNAM_QR_PAY_STATIC = "00020101021138530010A0000007270123000697041601092576788590208QRIBFTTA"
            + "53037045802VN6304AE9F";

    /**
     * README of {@code napas-qr} (https://github.com/duyquoc1508/napas-qr): a dynamic code whose 62 also
     * holds a bill number (01 "NPS6869") before the purpose.
     */
    private static final String NAPAS_QR_EXAMPLE = "00020101021238530010A0000007270123000697041601092245284790208QRIBFTTA"
            + "53037045405100005802VN62340107NPS68690819TRANSFER TO SOMEONE6304AC13";

    /**
     * The Dart package {@code vietqr_generator} (https://pub.dev/documentation/vietqr_generator/latest):
     * Techcombank (BIN 970407), account 0386577672, 1,000,000 đ, purpose "henry an cut".
     */
    private static final String VIETQR_GENERATOR_EXAMPLE = "00020101021138540010A00000072701240006970407011003865776720208QRIBFTTA"
            + "5303704540710000005802VN62160812henry an cut6304A322";

    @Test
    void crcIsCcittFalseByItsCheckValue() {
        // The "check" of CRC-16/CCITT-FALSE (CRC-16/IBM-3740) in Greg Cook's Catalogue of parametrised
        // CRC algorithms (reveng.sourceforge.io/crc-catalogue): the CRC of "123456789" is 0x29B1.
        assertEquals("29B1", VietQr.crc("123456789"));
    }

    @Test
    void crcMatchesEveryPublishedExample() {
        for (String example : List.of(EMVCO_EXAMPLE, VIETNAM_QR_PAY_DYNAMIC, VIETNAM_QR_PAY_STATIC, NAPAS_QR_EXAMPLE,
                VIETQR_GENERATOR_EXAMPLE)) {
            String body = example.substring(0, example.length() - 4);
            assertTrue(body.endsWith("6304"), example);
            assertEquals(example.substring(example.length() - 4), VietQr.crc(body), example);
        }
    }

    @Test
    void builderReproducesThePublishedDynamicVietQrCharacterForCharacter() {
        assertEquals(VIETNAM_QR_PAY_DYNAMIC, VietQr.payload("970416", "257678859", 10_000, "Chuyen tien"));
    }

    @Test
    void aPayloadForAnOrderHoldsEachFieldWhereNapasPutsIt() {
        String payload = VietQr.payload("970436", "0071000888888", 250_000, "AGL1234");

        Map<String, String> root = VietQr.parse(payload);
        assertEquals(List.of("00", "01", "38", "53", "54", "58", "62", "63"), List.copyOf(root.keySet()));
        assertEquals("01", root.get("00"));
        assertEquals("12", root.get("01"));
        assertEquals("704", root.get("53"));
        assertEquals("250000", root.get("54"));
        assertEquals("VN", root.get("58"));
        Map<String, String> merchant = VietQr.parse(root.get("38"));
        assertEquals(List.of("00", "01", "02"), List.copyOf(merchant.keySet()));
        assertEquals("A000000727", merchant.get("00"));
        assertEquals("QRIBFTTA", merchant.get("02"));
        assertEquals(Map.of("00", "970436", "01", "0071000888888"), VietQr.parse(merchant.get("01")));
        assertEquals(Map.of("08", "AGL1234"), VietQr.parse(root.get("62")));
        assertEquals(VietQr.crc(payload.substring(0, payload.length() - 4)), root.get("63"));
        assertTrue(payload.chars().allMatch(c -> c >= 0x20 && c < 0x7F), payload);

        assertEquals(new VietQr.Transfer("970436", "0071000888888", 250_000L, "AGL1234"), VietQr.read(payload));
    }

    @Test
    void readsThePublishedExamples() {
        assertEquals(new VietQr.Transfer("970416", "257678859", 10_000L, "Chuyen tien"), VietQr.read(VIETNAM_QR_PAY_DYNAMIC));
        assertEquals(new VietQr.Transfer("970416", "257678859", null, null), VietQr.read(VIETNAM_QR_PAY_STATIC));
        assertEquals(new VietQr.Transfer("970416", "224528479", 10_000L, "TRANSFER TO SOMEONE"), VietQr.read(NAPAS_QR_EXAMPLE));
        assertEquals(new VietQr.Transfer("970407", "0386577672", 1_000_000L, "henry an cut"),
                VietQr.read(VIETQR_GENERATOR_EXAMPLE));
    }

    @Test
    void parsesTheEmvcoExampleCountingCharactersNotBytes() {
        Map<String, String> root = VietQr.parse(EMVCO_EXAMPLE);
        assertEquals("BEST TRANSPORT", root.get("59"));
        assertEquals("BEIJING", root.get("60"));
        assertEquals("23.72", root.get("54"));
        assertEquals("156", root.get("53"));
        Map<String, String> language = VietQr.parse(root.get("64"));
        assertEquals("ZH", language.get("00"));
        assertEquals("最佳运输", language.get("01"));
        assertEquals("北京", language.get("02"));
        assertEquals("A13A", root.get("63"));
    }

    @Test
    void vietnameseTextIsFoldedToAscii() {
        String payload = VietQr.payload("970436", "0071000888888", 99_000, "Thanh toán  đơn\thàng AGL12");
        assertEquals("Thanh toan don hang AGL12", VietQr.read(payload).reference());
        assertEquals("DUONG", VietQr.ascii("ĐƯƠNG"));
        assertEquals("AGL7", VietQr.ascii("AGL7\u0000\u200B🍉"));
    }

    @Test
    void refusesValuesThatDoNotFitTheFormat() {
        assertRefused(() -> VietQr.payload("97043", "0071000888888", 1, "AGL1"));
        assertRefused(() -> VietQr.payload("9704361", "0071000888888", 1, "AGL1"));
        assertRefused(() -> VietQr.payload("97043A", "0071000888888", 1, "AGL1"));
        assertRefused(() -> VietQr.payload(null, "0071000888888", 1, "AGL1"));
        assertRefused(() -> VietQr.payload("970436", "", 1, "AGL1"));
        assertRefused(() -> VietQr.payload("970436", "01234567890123456789", 1, "AGL1"));
        assertRefused(() -> VietQr.payload("970436", "0071-000", 1, "AGL1"));
        assertRefused(() -> VietQr.payload("970436", "0071000888888", 0, "AGL1"));
        assertRefused(() -> VietQr.payload("970436", "0071000888888", -5, "AGL1"));
        assertRefused(() -> VietQr.payload("970436", "0071000888888", 10_000_000_000_000L, "AGL1"));
        assertRefused(() -> VietQr.payload("970436", "0071000888888", 1, "   "));
        assertRefused(() -> VietQr.payload("970436", "0071000888888", 1, "🍉"));
        assertRefused(() -> VietQr.payload("970436", "0071000888888", 1, "AGL1 and twenty more chars"));
        assertEquals(25, VietQr.read(VietQr.payload("970436", "0071000888888", 9_999_999_999_999L,
                "AGL1 and twenty more char")).reference().length());
        assertRefused(() -> VietQr.tlv("62", "x".repeat(100)));
    }

    @Test
    void readingRefusesABrokenOrTamperedPayload() {
        String payload = VietQr.payload("970436", "0071000888888", 250_000, "AGL1234");
        assertRefused(() -> VietQr.read(payload.replace("250000", "150000")));
        assertRefused(() -> VietQr.read(payload.substring(0, payload.length() - 1)));
        assertRefused(() -> VietQr.read(""));
        assertRefused(() -> VietQr.parse("0002010"));
        assertRefused(() -> VietQr.parse("000201009901"));
        assertRefused(() -> VietQr.parse("0002010002XX"));
        assertRefused(() -> VietQr.parse("AB0201"));
        assertNull(VietQr.read(VIETNAM_QR_PAY_STATIC).amount());
    }

    private static void assertRefused(Executable call) {
        assertThrows(IllegalArgumentException.class, call);
    }
}
