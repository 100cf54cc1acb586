package org.lodestone.gateway.execution;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * JSON trees (maps, lists, strings, numbers, booleans, null) to bytes and back, on Jackson's streaming API.
 *
 * <p>Everything the gateway moves is such a tree: subgraph requests and answers, and the response it shapes. Jackson's
 * data binding handles them too, but looks a serializer up for every map value and goes through its untyped
 * deserializer for every answer; this walks the tree with one {@code instanceof} chain. The bytes are the same as the
 * mapper's (same factory, so the same generator features; numbers written and read the way its serializers and its
 * untyped deserializer do). A value of another type goes to the mapper.
 */
public final class JsonCodec {

    private final ObjectMapper mapper;
    private final boolean bigDecimalForFloats;
    private final boolean bigIntegerForInts;
    private final boolean longForInts;
    /**
     * Whether strings are escaped the standard way only (no custom escapes, non-ASCII written as is), which is how a
     * {@link SerializedString} encodes them.
     */
    private final boolean plainEscapes;
    private final Map<String, SerializableString> remembered = new ConcurrentHashMap<>();

    public JsonCodec(ObjectMapper mapper) {
        this.mapper = mapper;
        this.bigDecimalForFloats = mapper.isEnabled(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        this.bigIntegerForInts = mapper.isEnabled(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);
        this.longForInts = mapper.isEnabled(DeserializationFeature.USE_LONG_FOR_INTS);
        this.plainEscapes = mapper.getFactory().getCharacterEscapes() == null
                && !mapper.getFactory().isEnabled(JsonGenerator.Feature.ESCAPE_NON_ASCII)
                && mapper.getFactory().isEnabled(JsonGenerator.Feature.WRITE_HEX_UPPER_CASE);
    }

    /**
     * As {@link #write(Object)} for an object whose string under {@code key} is written again and again (a subgraph
     * request's document, the same for every request of a plan): that string is escaped and encoded once and kept
     * (at most {@value #REMEMBERED_STRINGS} of them, each at most {@value #REMEMBERED_LENGTH} characters; others are
     * written as usual). The same bytes as {@link #write(Object)}.
     */
    public byte[] write(Map<String, Object> tree, String key) {
        if (!plainEscapes) {
            return write(tree);
        }
        ScratchBytes bytes = ScratchBytes.take();
        try {
            try (JsonGenerator generator = mapper.getFactory().createGenerator(bytes)) {
                generator.writeStartObject();
                for (Map.Entry<String, Object> entry : tree.entrySet()) {
                    generator.writeFieldName(entry.getKey());
                    SerializableString known = entry.getKey().equals(key) && entry.getValue() instanceof String text
                            ? remembered(text) : null;
                    if (known != null) {
                        generator.writeString(known);
                    } else {
                        writeValue(generator, entry.getValue());
                    }
                }
                generator.writeEndObject();
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write JSON", e);
        } finally {
            bytes.release();
        }
    }

    static final int REMEMBERED_STRINGS = 1024;
    static final int REMEMBERED_LENGTH = 16384;

    private SerializableString remembered(String text) {
        SerializableString known = remembered.get(text);
        if (known == null && text.length() <= REMEMBERED_LENGTH && remembered.size() < REMEMBERED_STRINGS) {
            known = encodedAlike(text) ? new SerializedString(text) : WRITTEN_AS_USUAL;
            remembered.putIfAbsent(text, known);
        }
        return known == WRITTEN_AS_USUAL ? null : known;
    }

    /** Kept for a string that {@link SerializedString} would encode otherwise than the generator. */
    private static final SerializableString WRITTEN_AS_USUAL = new SerializedString("");

    /**
     * Whether {@link SerializedString} encodes {@code text} as the generator writes it: not with characters outside
     * the Basic Multilingual Plane (the generator escapes each half of the pair, the encoder writes four UTF-8 bytes)
     * nor with a slash (which the generator may be set to escape).
     */
    private static boolean encodedAlike(String text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c) || c == '/') {
                return false;
            }
        }
        return true;
    }

    /** The tree as UTF-8 JSON. */
    public byte[] write(Object tree) {
        ScratchBytes bytes = ScratchBytes.take();
        try {
            try (JsonGenerator generator = mapper.getFactory().createGenerator(bytes)) {
                writeValue(generator, tree);
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write JSON", e);
        } finally {
            bytes.release();
        }
    }

    /** A generator of the mapper's factory (its features), writing UTF-8 to {@code out}. */
    JsonGenerator generator(OutputStream out) throws IOException {
        return mapper.getFactory().createGenerator(out);
    }

    /** Writes one tree as {@link #write(Object)} does, to a generator of {@link #generator}. */
    void writeValue(JsonGenerator generator, Object value) throws IOException {
        if (value == null) {
            generator.writeNull();
        } else if (value instanceof String text) {
            generator.writeString(text);
        } else if (value instanceof Map<?, ?> map) {
            generator.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                generator.writeFieldName(String.valueOf(entry.getKey()));
                writeValue(generator, entry.getValue());
            }
            generator.writeEndObject();
        } else if (value instanceof List<?> list) {
            generator.writeStartArray();
            for (int i = 0, n = list.size(); i < n; i++) {
                writeValue(generator, list.get(i));
            }
            generator.writeEndArray();
        } else if (value instanceof Boolean bool) {
            generator.writeBoolean(bool);
        } else if (value instanceof Integer number) {
            generator.writeNumber(number);
        } else if (value instanceof Long number) {
            generator.writeNumber(number);
        } else if (value instanceof Double number) {
            generator.writeNumber(number);
        } else if (value instanceof BigDecimal number) {
            generator.writeNumber(number);
        } else if (value instanceof BigInteger number) {
            generator.writeNumber(number);
        } else {
            // Anything else (a float, a short, a date, a record): exactly what the mapper writes for it.
            mapper.writeValue(generator, value);
        }
    }

    /**
     * A JSON object as a tree of {@link LinkedHashMap}s (keys in document order, the last of duplicate keys wins) and
     * {@link ArrayList}s.
     *
     * @return null when the document is not a JSON object
     * @throws IOException when it is not well-formed JSON
     */
    public Map<String, Object> readObject(byte[] json) throws IOException {
        try (JsonParser parser = mapper.getFactory().createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            // Like the mapper's defaults, content after the object is not read.
            return readObjectBody(parser);
        }
    }

    private Map<String, Object> readObjectBody(JsonParser parser) throws IOException {
        Map<String, Object> object = new LinkedHashMap<>();
        String name;
        while ((name = parser.nextFieldName()) != null) {
            object.put(name, readValue(parser, parser.nextToken()));
        }
        if (parser.currentToken() != JsonToken.END_OBJECT) {
            throw new IOException("Unexpected " + parser.currentToken() + " in a JSON object");
        }
        return object;
    }

    private Object readValue(JsonParser parser, JsonToken token) throws IOException {
        if (token == null) {
            throw new IOException("Unexpected end of JSON");
        }
        return switch (token) {
            case START_OBJECT -> readObjectBody(parser);
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                JsonToken next;
                while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
                    list.add(readValue(parser, next));
                }
                yield list;
            }
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT -> bigIntegerForInts ? parser.getBigIntegerValue()
                    : longForInts && parser.getNumberType() == JsonParser.NumberType.INT ? (Object) parser.getLongValue()
                    : parser.getNumberValue();
            case VALUE_NUMBER_FLOAT -> bigDecimalForFloats ? parser.getDecimalValue() : (Object) parser.getDoubleValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw new IOException("Unexpected " + token + " in JSON");
        };
    }
}
