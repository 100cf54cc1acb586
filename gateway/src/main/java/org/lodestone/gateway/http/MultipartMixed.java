package org.lodestone.gateway.http;

import java.nio.charset.StandardCharsets;


import io.smallrye.mutiny.Multi;

/**
 * An incremental GraphQL response ({@code @defer}) as {@code multipart/mixed; boundary="-"; deferSpec=20220824}, the
 * framing Apollo Router, Hive Gateway and Apollo Client use: each payload is one part holding a JSON object, and the
 * closing delimiter follows the last one.
 *
 * @param parts the payloads, each already serialized as JSON
 */
public record MultipartMixed(Multi<byte[]> parts) {

    static final String CONTENT_TYPE = "multipart/mixed; boundary=\"-\"; deferSpec=20220824";
    static final byte[] PART_START = "\r\n---\r\nContent-Type: application/json; charset=utf-8\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII);
    static final byte[] END = "\r\n-----\r\n".getBytes(StandardCharsets.US_ASCII);

    /**
     * True when the Accept header allows {@code multipart/mixed} in the incremental delivery format this gateway
     * writes: no {@code deferSpec} parameter, or {@code deferSpec=20220824}.
     */
    static boolean accepts(String accept) {
        for (AcceptedType type : AcceptedType.parse(accept)) {
            if (type.is("multipart", "mixed") && (!type.parameters().containsKey("deferspec")
                    || type.parameters().get("deferspec").equals("20220824"))) {
                return true;
            }
        }
        return false;
    }

    static byte[] frame(byte[] json) {
        byte[] framed = new byte[PART_START.length + json.length];
        System.arraycopy(PART_START, 0, framed, 0, PART_START.length);
        System.arraycopy(json, 0, framed, PART_START.length, json.length);
        return framed;
    }
}
