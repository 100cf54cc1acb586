package org.lodestone.localstack;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes an OTLP {@code ExportTraceServiceRequest} (protobuf, opentelemetry-proto v1) into {@link OtlpSpan}s with
 * a small wire-format reader, so the receiver needs no protobuf library. Fields it does not use are skipped.
 */
final class OtlpTraceDecoder {

    private static final int VARINT = 0;
    private static final int FIXED64 = 1;
    private static final int LENGTH_DELIMITED = 2;
    private static final int FIXED32 = 5;

    private OtlpTraceDecoder() {
    }

    static List<OtlpSpan> decode(byte[] request) {
        List<OtlpSpan> spans = new ArrayList<>();
        Reader reader = new Reader(request, 0, request.length);
        while (reader.more()) {
            int tag = reader.tag();
            if (field(tag) == 1 && wire(tag) == LENGTH_DELIMITED) {
                resourceSpans(reader.message(), spans);
            } else {
                reader.skip(wire(tag));
            }
        }
        return spans;
    }

    private static void resourceSpans(Reader reader, List<OtlpSpan> out) {
        String service = "unknown";
        List<Reader> scopes = new ArrayList<>();
        while (reader.more()) {
            int tag = reader.tag();
            if (field(tag) == 1 && wire(tag) == LENGTH_DELIMITED) {
                Map<String, Object> resource = new LinkedHashMap<>();
                Reader r = reader.message();
                while (r.more()) {
                    int t = r.tag();
                    if (field(t) == 1 && wire(t) == LENGTH_DELIMITED) {
                        keyValue(r.message(), resource);
                    } else {
                        r.skip(wire(t));
                    }
                }
                service = String.valueOf(resource.getOrDefault("service.name", "unknown"));
            } else if (field(tag) == 2 && wire(tag) == LENGTH_DELIMITED) {
                scopes.add(reader.message());
            } else {
                reader.skip(wire(tag));
            }
        }
        for (Reader scope : scopes) {
            while (scope.more()) {
                int tag = scope.tag();
                if (field(tag) == 2 && wire(tag) == LENGTH_DELIMITED) {
                    out.add(span(scope.message(), service));
                } else {
                    scope.skip(wire(tag));
                }
            }
        }
    }

    private static OtlpSpan span(Reader reader, String service) {
        String traceId = null;
        String spanId = null;
        String parentSpanId = null;
        String name = "";
        int kind = 0;
        long start = 0;
        long end = 0;
        int status = 0;
        Map<String, Object> attributes = new LinkedHashMap<>();
        while (reader.more()) {
            int tag = reader.tag();
            int field = field(tag);
            int wire = wire(tag);
            if (field == 1 && wire == LENGTH_DELIMITED) {
                traceId = HexFormat.of().formatHex(reader.bytes());
            } else if (field == 2 && wire == LENGTH_DELIMITED) {
                spanId = HexFormat.of().formatHex(reader.bytes());
            } else if (field == 4 && wire == LENGTH_DELIMITED) {
                byte[] parent = reader.bytes();
                parentSpanId = parent.length == 0 ? null : HexFormat.of().formatHex(parent);
            } else if (field == 5 && wire == LENGTH_DELIMITED) {
                name = reader.string();
            } else if (field == 6 && wire == VARINT) {
                kind = (int) reader.varint();
            } else if (field == 7 && wire == FIXED64) {
                start = reader.fixed64();
            } else if (field == 8 && wire == FIXED64) {
                end = reader.fixed64();
            } else if (field == 9 && wire == LENGTH_DELIMITED) {
                keyValue(reader.message(), attributes);
            } else if (field == 15 && wire == LENGTH_DELIMITED) {
                Reader s = reader.message();
                while (s.more()) {
                    int t = s.tag();
                    if (field(t) == 3 && wire(t) == VARINT) {
                        status = (int) s.varint();
                    } else {
                        s.skip(wire(t));
                    }
                }
            } else {
                reader.skip(wire);
            }
        }
        return new OtlpSpan(service, traceId, spanId, parentSpanId, name, kind, start, end, attributes, status);
    }

    private static void keyValue(Reader reader, Map<String, Object> into) {
        String key = null;
        Object value = null;
        while (reader.more()) {
            int tag = reader.tag();
            if (field(tag) == 1 && wire(tag) == LENGTH_DELIMITED) {
                key = reader.string();
            } else if (field(tag) == 2 && wire(tag) == LENGTH_DELIMITED) {
                value = anyValue(reader.message());
            } else {
                reader.skip(wire(tag));
            }
        }
        if (key != null) {
            into.put(key, value);
        }
    }

    private static Object anyValue(Reader reader) {
        Object value = null;
        while (reader.more()) {
            int tag = reader.tag();
            switch (field(tag)) {
                case 1 -> value = reader.string();
                case 2 -> value = reader.varint() != 0;
                case 3 -> value = reader.varint();
                case 4 -> value = Double.longBitsToDouble(reader.fixed64());
                default -> {
                    // arrays, key-value lists and bytes: not needed here
                    reader.skip(wire(tag));
                    value = "(complex)";
                }
            }
        }
        return value;
    }

    private static int field(int tag) {
        return tag >>> 3;
    }

    private static int wire(int tag) {
        return tag & 7;
    }

    /** A window of a protobuf message. */
    private static final class Reader {
        private final byte[] data;
        private int position;
        private final int limit;

        Reader(byte[] data, int offset, int limit) {
            this.data = data;
            this.position = offset;
            this.limit = limit;
        }

        boolean more() {
            return position < limit;
        }

        int tag() {
            return (int) varint();
        }

        long varint() {
            long result = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                byte b = next();
                result |= (long) (b & 0x7f) << shift;
                if ((b & 0x80) == 0) {
                    return result;
                }
            }
            throw new IllegalArgumentException("malformed varint");
        }

        long fixed64() {
            long result = 0;
            for (int i = 0; i < 8; i++) {
                result |= (long) (next() & 0xff) << (8 * i);
            }
            return result;
        }

        Reader message() {
            int length = length();
            Reader child = new Reader(data, position, position + length);
            position += length;
            return child;
        }

        byte[] bytes() {
            int length = length();
            byte[] copy = new byte[length];
            System.arraycopy(data, position, copy, 0, length);
            position += length;
            return copy;
        }

        String string() {
            int length = length();
            String text = new String(data, position, length, StandardCharsets.UTF_8);
            position += length;
            return text;
        }

        void skip(int wireType) {
            switch (wireType) {
                case VARINT -> varint();
                case FIXED64 -> position += 8;
                case LENGTH_DELIMITED -> {
                    // not "position += length()": that reads position before length() has moved it past the size
                    int length = length();
                    position += length;
                }
                case FIXED32 -> position += 4;
                default -> throw new IllegalArgumentException("unsupported protobuf wire type " + wireType);
            }
            if (position > limit) {
                throw new IllegalArgumentException("truncated protobuf message");
            }
        }

        private int length() {
            long length = varint();
            if (length < 0 || position + length > limit) {
                throw new IllegalArgumentException("truncated protobuf message");
            }
            return (int) length;
        }

        private byte next() {
            if (position >= limit) {
                throw new IllegalArgumentException("truncated protobuf message");
            }
            return data[position++];
        }
    }
}
