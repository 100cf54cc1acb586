package org.lodestone.gateway.execution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

/** The streaming codec writes and reads exactly what Jackson's data binding does for JSON trees. */
class JsonCodecTest {

    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };
    private final ObjectMapper mapper = new ObjectMapper();
    private final JsonCodec codec = new JsonCodec(mapper);

    private static Map<String, Object> tree() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("code", "DE");
        inner.put("name", "Côte d’Ivoire \"quoted\" \\ tab\t line\n \u0001 😀");
        inner.put("share", 12.5);
        inner.put("tiny", 1.0E-7);
        inner.put("count", 42);
        inner.put("big", 9_876_543_210L);
        inner.put("huge", new BigInteger("123456789012345678901234567890"));
        inner.put("exact", new BigDecimal("0.10"));
        inner.put("flag", true);
        inner.put("missing", null);
        inner.put("empty", List.of());
        inner.put("emptyObject", Map.of());
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("data", Map.of("countries", List.of(inner, Map.of("code", "FR"))));
        root.put("errors", Arrays.asList(null, "x", List.of(1, 2.25, false)));
        root.put("date", java.time.LocalDate.of(2025, 1, 15).toString());
        return root;
    }

    @Test
    void writesTheSameBytesAsTheMapper() throws IOException {
        Map<String, Object> tree = tree();
        assertArrayEquals(mapper.writeValueAsBytes(tree), codec.write(tree));
    }

    @Test
    void valuesOfOtherTypesGoThroughTheMapper() throws IOException {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("float", 1.5f);
        tree.put("short", (short) 7);
        tree.put("record", new Point(1, 2));
        assertEquals(mapper.writeValueAsString(tree), new String(codec.write(tree), StandardCharsets.UTF_8));
    }

    record Point(int x, int y) {
    }

    @Test
    void readsTheSameTreeAsTheMapper() throws IOException {
        byte[] json = mapper.writeValueAsBytes(tree());
        Map<String, Object> expected = mapper.readValue(json, JSON_OBJECT);
        Map<String, Object> read = codec.readObject(json);
        assertEquals(expected, read);
        // Same Java types too (Integer, Long, BigInteger, Double), and lists and maps that can be changed.
        assertEquals(typesOf(expected), typesOf(read));
        assertEquals(LinkedHashMap.class, read.getClass());
        assertEquals(ArrayList.class, read.get("errors").getClass());
    }

    @Test
    void keepsTheLastOfDuplicateKeysAndKeyOrder() throws IOException {
        byte[] json = "{\"b\":1,\"a\":2,\"b\":3}".getBytes(StandardCharsets.UTF_8);
        Map<String, Object> read = codec.readObject(json);
        assertEquals(mapper.readValue(json, JSON_OBJECT), read);
        assertEquals(List.of("b", "a"), new ArrayList<>(read.keySet()));
    }

    @Test
    void anythingButAnObjectIsNull() throws IOException {
        assertNull(codec.readObject("[1,2]".getBytes(StandardCharsets.UTF_8)));
        assertNull(codec.readObject("null".getBytes(StandardCharsets.UTF_8)));
        assertNull(codec.readObject("\"text\"".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void brokenJsonFails() {
        assertThrows(IOException.class, () -> codec.readObject("{\"a\":".getBytes(StandardCharsets.UTF_8)));
        assertThrows(IOException.class, () -> codec.readObject("{\"a\" 1}".getBytes(StandardCharsets.UTF_8)));
        assertThrows(IOException.class, () -> codec.readObject("<html>".getBytes(StandardCharsets.UTF_8)));
    }

    private static Object typesOf(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> types = new LinkedHashMap<>();
            map.forEach((k, v) -> types.put(k, typesOf(v)));
            return types;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(JsonCodecTest::typesOf).toList();
        }
        return value == null ? "null" : value.getClass().getName();
    }

    @Test
    void aRememberedDocumentIsWrittenAsEveryOtherString() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", "query($r:[_Any!]!){_entities(representations:$r){... on Country{name \"quoted\" \\ "
                + "tab\t line\n \u0001 Côte d’Ivoire 😀}}}");
        body.put("variables", Map.of("r", List.of(Map.of("__typename", "Country", "code", "DE"))));
        byte[] expected = codec.write(body);
        // Not kept (a character outside the Basic Multilingual Plane), written as usual each time.
        assertArrayEquals(expected, codec.write(body, "query"));
        assertArrayEquals(expected, codec.write(body, "query"));
        Map<String, Object> plain = new LinkedHashMap<>(body);
        plain.put("query", "query{country(code: \"DE\"){name \\ tab\t line\n \u0001 Côte d’Ivoire}}");
        byte[] plainExpected = codec.write(plain);
        // First written and kept, then written from what was kept.
        assertArrayEquals(plainExpected, codec.write(plain, "query"));
        assertArrayEquals(plainExpected, codec.write(plain, "query"));
        // A key whose value is not a string, or no such key: written as usual.
        assertArrayEquals(codec.write(Map.of("query", 3)), codec.write(Map.of("query", 3), "query"));
        assertArrayEquals(codec.write(Map.of("other", "x")), codec.write(Map.of("other", "x"), "query"));
        // A factory escaping non-ASCII characters: nothing kept, the factory's escapes apply.
        ObjectMapper escaping = new ObjectMapper();
        escaping.getFactory().enable(com.fasterxml.jackson.core.JsonGenerator.Feature.ESCAPE_NON_ASCII);
        JsonCodec escapingCodec = new JsonCodec(escaping);
        assertArrayEquals(escapingCodec.write(body), escapingCodec.write(body, "query"));
        assertEquals(true, new String(escapingCodec.write(body, "query"), StandardCharsets.UTF_8).contains("\\u00F4"));
    }
}
