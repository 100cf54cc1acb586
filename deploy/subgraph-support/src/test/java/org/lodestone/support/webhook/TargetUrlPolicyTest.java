package org.lodestone.support.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class TargetUrlPolicyTest {

    /** A fixed "DNS": names below resolve to what a hostile registrant could point them at. */
    private static final Map<String, String> DNS = Map.of(
            "hooks.example.org", "93.184.215.14",
            "internal.example.org", "10.1.2.3",
            "metadata.example.org", "169.254.169.254",
            "rebind.example.org", "127.0.0.1",
            "v6-ula.example.org", "fd12:3456::1");

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        String address = DNS.get(host);
        if (address != null) {
            return new InetAddress[] { InetAddress.getByName(address) };
        }
        if (host.matches("[0-9.]+") || host.contains(":")) {
            return new InetAddress[] { InetAddress.getByName(host) };
        }
        throw new UnknownHostException(host);
    }

    private final TargetUrlPolicy strict = new TargetUrlPolicy(false, TargetUrlPolicyTest::resolve);
    private final TargetUrlPolicy local = new TargetUrlPolicy(true, TargetUrlPolicyTest::resolve);

    @Test
    void strictAcceptsHttpsToPublicAddressesOnly() {
        assertEquals(Optional.empty(), strict.refusal("https://hooks.example.org/lodestone?x=1"));
        assertEquals(Optional.of("must be an https URL"), strict.refusal("http://hooks.example.org/"));
        assertEquals(Optional.of("must be an https URL"), strict.refusal("ftp://hooks.example.org/"));
        assertRefused(strict, "https://127.0.0.1:8443/", "loopback");
        assertRefused(strict, "https://rebind.example.org/", "loopback");
        assertRefused(strict, "https://[::1]/", "loopback");
        assertRefused(strict, "https://internal.example.org/", "private");
        assertRefused(strict, "https://192.168.1.10/", "private");
        assertRefused(strict, "https://172.16.0.1/", "private");
        assertRefused(strict, "https://metadata.example.org/latest", "link-local");
        assertRefused(strict, "https://[fe80::1]/", "link-local");
        assertRefused(strict, "https://v6-ula.example.org/", "unique-local");
        assertRefused(strict, "https://[::ffff:10.0.0.1]/", "private");
        assertRefused(strict, "https://100.64.0.1/", "reserved or shared");
        assertRefused(strict, "https://0.0.0.0/", "unspecified");
        assertEquals(Optional.of("host nowhere.invalid does not resolve"), strict.refusal("https://nowhere.invalid/"));
        assertEquals(Optional.of("must not carry credentials (user:password@); the signature authenticates deliveries"),
                strict.refusal("https://user:pw@hooks.example.org/"));
        assertEquals(Optional.of("is not a valid URL"), strict.refusal("https://exa mple.org/"));
        assertEquals(Optional.of("must name a host"), strict.refusal("https:///path"));
    }

    @Test
    void localTargetsAllowHttpAndLoopbackButNotOtherPrivateRanges() {
        assertEquals(Optional.empty(), local.refusal("http://127.0.0.1:8099/hook"));
        assertEquals(Optional.empty(), local.refusal("http://[::1]:8099/hook"));
        assertEquals(Optional.of("must be an http or https URL"), local.refusal("ftp://127.0.0.1/"));
        assertRefused(local, "http://internal.example.org/", "private");
        assertRefused(local, "http://169.254.169.254/", "link-local");
        assertRefused(local, "http://[fd00::1]/", "unique-local");
    }

    private static void assertRefused(TargetUrlPolicy policy, String url, String range) {
        Optional<String> refusal = policy.refusal(url);
        assertTrue(refusal.isPresent() && refusal.get().contains("a " + range + " address"), url + " -> " + refusal);
    }
}
