package io.agrilink.order.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.agrilink.order.CustomerOrder;

/**
 * The Idempotency-Key's fingerprint is the SHA-256 of the order written as JSON: an order without
 * a livestream code must be written exactly as before livestreams existed, so a retry across the
 * upgrade is still recognised as the same request.
 */
class NewOrderFingerprintTest {

    private final ObjectMapper json = new ObjectMapper();

    private static final NewOrder.Delivery HANOI = new NewOrder.Delivery("Nguyễn Văn An", "0912 345 678", "VN",
            "Hà Nội", "Phường Ba Đình", "12 Phố Điện Biên Phủ", null);

    @Test
    void anOrderWithoutACodeIsWrittenAsBefore() throws Exception {
        NewOrder order = new NewOrder(CustomerOrder.Payment.CASH_ON_DELIVERY, HANOI, List.of(new NewOrder.Line(7, 1500)),
                null);
        assertEquals("{\"lines\":[{\"lotId\":7,\"grams\":1500}],\"delivery\":{\"recipient\":\"Nguyễn Văn An\","
                + "\"phone\":\"0912 345 678\",\"country\":\"VN\",\"province\":\"Hà Nội\",\"commune\":\"Phường Ba Đình\","
                + "\"street\":\"12 Phố Điện Biên Phủ\",\"postalCode\":null},\"payment\":\"CASH_ON_DELIVERY\"}",
                json.writeValueAsString(order));
    }

    @Test
    void aCodeIsPartOfTheRequest() throws Exception {
        NewOrder order = new NewOrder(CustomerOrder.Payment.CASH_ON_DELIVERY, HANOI, List.of(new NewOrder.Line(7, 1500)),
                "LN6CH2");
        String written = json.writeValueAsString(order);
        assertEquals(true, written.endsWith(",\"payment\":\"CASH_ON_DELIVERY\",\"live\":\"LN6CH2\"}"), written);
    }
}
