package org.lodestone.agreement.rest;

import org.lodestone.support.problem.InvalidInputException;

/** The agreement version a write expects, for optimistic locking over REST. */
final class IfMatch {

    private IfMatch() {
    }

    /**
     * The version the client expects: the If-Match header (an ETag such as "3" or W/"3") wins over the body field.
     */
    static int expectedVersion(String ifMatch, Integer bodyVersion) {
        if (ifMatch != null && !ifMatch.isBlank()) {
            String tag = ifMatch.trim();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            tag = tag.replace("\"", "");
            try {
                return Integer.parseInt(tag);
            } catch (NumberFormatException e) {
                throw InvalidInputException.of("If-Match", "'" + ifMatch + "' is not an agreement version");
            }
        }
        if (bodyVersion == null) {
            throw InvalidInputException.of("expectedVersion", "is required (or send If-Match with the version)");
        }
        return bodyVersion;
    }
}
