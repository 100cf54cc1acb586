package org.lodestone.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** The TOTP calculator the sign-in tests use, against the published test vectors (no stack needed). */
@Order(0)
class TotpTest {

    private static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    void rfc6238Sha1TestVectors() {
        // RFC 6238 appendix B, SHA1 column (8 digits)
        Totp totp = Totp.fromKey(RFC_SECRET);
        assertEquals("94287082", totp.code(Totp.timeStep(59), 8));
        assertEquals("07081804", totp.code(Totp.timeStep(1111111109), 8));
        assertEquals("14050471", totp.code(Totp.timeStep(1111111111), 8));
        assertEquals("89005924", totp.code(Totp.timeStep(1234567890), 8));
        assertEquals("69279037", totp.code(Totp.timeStep(2000000000), 8));
        assertEquals("65353130", totp.code(Totp.timeStep(20000000000L), 8));
    }

    @Test
    void rfc4226HotpTestVectors() {
        // RFC 4226 appendix D: the counter is the time step
        String[] expected = {"755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871",
            "520489"};
        Totp totp = Totp.fromKey(RFC_SECRET);
        for (int counter = 0; counter < expected.length; counter++) {
            assertEquals(expected[counter], totp.code(counter), "counter " + counter);
        }
    }

    @Test
    void base32AsKeycloakDisplaysIt() {
        // RFC 4648 section 10 vectors, then Keycloak's grouping in blocks of four
        assertArrayEquals("foobar".getBytes(StandardCharsets.US_ASCII), Totp.base32Decode("MZXW6YTBOI======"));
        assertArrayEquals("fooba".getBytes(StandardCharsets.US_ASCII), Totp.base32Decode("MZXW6YTB"));
        assertArrayEquals(RFC_SECRET, Totp.base32Decode("GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ"));
    }
}
