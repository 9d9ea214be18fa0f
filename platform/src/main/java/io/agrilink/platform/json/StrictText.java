package io.agrilink.platform.json;

import java.io.IOException;
import java.util.Optional;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * The one rule for text a caller sends: no NUL or other C0 control character (tab, line feed and
 * carriage return excepted) and no unpaired UTF-16 surrogate. PostgreSQL cannot store a NUL in
 * {@code text} (the statement fails, which used to answer 500) and an unpaired surrogate is not
 * Unicode at all, so such text is refused at the edge with a 400 that names the field.
 * <p>
 * This customizer applies the rule to every JSON string and every map key Jackson reads (a request
 * body, or an answer from another AgriLink service); {@code io.agrilink.platform.web.StrictParameters}
 * applies the same {@link #flawIn} to path, query, header, cookie and form parameters.
 */
@Singleton
public class StrictText implements ObjectMapperCustomizer {

    /**
     * What is wrong with {@code text} by this rule, in words for a caller ({@code contains the
     * control character U+0000}), or empty when the text is fine.
     */
    public static Optional<String> flawIn(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return Optional.of("contains the control character " + codePoint(c) + ", which text may not hold");
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of("contains an unpaired surrogate " + codePoint(c) + ", which is not text");
            }
        }
        return Optional.empty();
    }

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("agrilink-strict-text");
        module.addDeserializer(String.class, new TextDeserializer());
        module.addKeyDeserializer(String.class, new TextKeyDeserializer());
        mapper.registerModule(module);
    }

    /** A JSON string that breaks the rule; the exception mappers answer it with 400 naming the field. */
    public static final class BadTextException extends MismatchedInputException {

        private final String reason;

        BadTextException(JsonParser parser, String reason) {
            super(parser, reason, String.class);
            this.reason = reason;
        }

        /** What is wrong, without the field ({@code contains the control character U+0000, ...}). */
        public String reason() {
            return reason;
        }
    }

    private static String codePoint(char c) {
        return String.format("U+%04X", (int) c);
    }

    /**
     * Jackson's own string reading, then the rule. Not marked as Jackson's standard implementation,
     * so collections, arrays and untyped values of strings use it too instead of their fast paths.
     */
    private static final class TextDeserializer extends StdScalarDeserializer<String> {

        TextDeserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            if (text != null) {
                Optional<String> flaw = flawIn(text);
                if (flaw.isPresent()) {
                    throw new BadTextException(parser, flaw.get());
                }
            }
            return text;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }

        @Override
        public boolean isCachable() {
            return true;
        }

        @Override
        public Object getEmptyValue(DeserializationContext context) {
            return "";
        }
    }

    private static final class TextKeyDeserializer extends KeyDeserializer {

        @Override
        public Object deserializeKey(String key, DeserializationContext context) throws IOException {
            Optional<String> flaw = flawIn(key);
            if (flaw.isPresent()) {
                throw new BadTextException(context.getParser(), "has a key that " + flaw.get());
            }
            return key;
        }
    }
}
