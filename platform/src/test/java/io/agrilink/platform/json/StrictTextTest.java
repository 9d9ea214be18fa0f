package io.agrilink.platform.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The rule for request text, and Jackson applying it to every string and map key with the field's path. */
class StrictTextTest {

    record Line(String ref, long grams) {
    }

    record Order(String note, List<Line> lines, List<String> tags, Map<String, String> title) {
    }

    private final ObjectMapper json = new ObjectMapper();

    StrictTextTest() {
        new StrictText().customize(json);
    }

    @Test
    void refusesNulOtherControlsAndUnpairedSurrogatesOnly() {
        assertTrue(StrictText.flawIn("Gạo ST25\tloại 1\r\nCần Thơ 🍚").isEmpty());
        assertEquals("contains the control character U+0000, which text may not hold", StrictText.flawIn("a\u0000").get());
        assertTrue(StrictText.flawIn("bell\u0007").isPresent());
        assertTrue(StrictText.flawIn("\u001f").isPresent());
        assertEquals("contains an unpaired surrogate U+D800, which is not text", StrictText.flawIn("x\ud800y").get());
        assertTrue(StrictText.flawIn("\udc00").isPresent(), "a low surrogate alone");
        assertTrue(StrictText.flawIn("\ud83c").isPresent(), "a high surrogate at the end");
    }

    @Test
    void namesTheFieldOfABadStringWhereverItIs() {
        assertEquals("note", badField("{\"note\":\"a\\u0000\"}"));
        assertEquals("lines[1].ref", badField("{\"lines\":[{\"ref\":\"ok\",\"grams\":1},{\"ref\":\"\\ud800\",\"grams\":1}]}"));
        assertEquals("tags[0]", badField("{\"tags\":[\"\\u0000\"]}"));
        assertEquals("title.vi", badField("{\"title\":{\"vi\":\"\\u0001\"}}"));
    }

    @Test
    void refusesABadMapKey() {
        StrictText.BadTextException e = assertThrows(StrictText.BadTextException.class,
                () -> json.readValue("{\"title\":{\"vi\\u0000\":\"Gạo\"}}", Order.class));
        assertEquals("has a key that contains the control character U+0000, which text may not hold", e.reason());
    }

    @Test
    void readsGoodTextUnchanged() throws Exception {
        Order order = json.readValue("{\"note\":\"giao trước 9h\\n\\tcổng sau\",\"tags\":[\"ST25\"],"
                + "\"title\":{\"vi\":\"Gạo\"},\"lines\":[{\"ref\":\"😀\",\"grams\":5}]}", Order.class);
        assertEquals("giao trước 9h\n\tcổng sau", order.note());
        assertEquals("😀", order.lines().get(0).ref());
        assertEquals(List.of("ST25"), order.tags());
        assertEquals(Map.of("vi", "Gạo"), order.title());
    }

    private String badField(String body) {
        StrictText.BadTextException e = assertThrows(StrictText.BadTextException.class,
                () -> json.readValue(body, Order.class));
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                field.append(field.length() > 0 ? "." : "").append(ref.getFieldName());
            } else {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.toString();
    }
}
