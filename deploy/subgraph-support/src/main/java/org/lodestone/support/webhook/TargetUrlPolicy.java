package org.lodestone.support.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Which URLs a webhook may target. Strict (the production default): {@code https} only, and every address the host
 * resolves to must be public: no loopback, private (RFC 1918), shared (100.64/10), link-local (169.254/16, fe80::/10,
 * which covers cloud metadata endpoints), unique-local (fc00::/7), multicast or unspecified address. With local
 * targets allowed (the local stack and tests only) {@code http} and loopback addresses are accepted too; the other
 * ranges stay refused.
 */
public final class TargetUrlPolicy {

    public static final int MAX_LENGTH = 2048;

    private final boolean allowLocalTargets;
    private final HostResolver resolver;

    /** Resolves a host name to all its addresses (DNS in production; replaceable in unit tests). */
    @FunctionalInterface
    public interface HostResolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    public TargetUrlPolicy(boolean allowLocalTargets) {
        this(allowLocalTargets, InetAddress::getAllByName);
    }

    public TargetUrlPolicy(boolean allowLocalTargets, HostResolver resolver) {
        this.allowLocalTargets = allowLocalTargets;
        this.resolver = resolver;
    }

    /** Why the URL may not be a webhook target, or empty when it may. */
    public Optional<String> refusal(String url) {
        if (url == null || url.isBlank()) {
            return Optional.of("is required");
        }
        if (url.length() > MAX_LENGTH) {
            return Optional.of("must be at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowLocalTargets && scheme.equals("http"))) {
            return Optional.of(allowLocalTargets ? "must be an http or https URL" : "must be an https URL");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not carry credentials (user:password@); the signature authenticates deliveries");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("must not have a fragment");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            return Optional.of("must name a host");
        }
        return addressRefusal(host);
    }

    /** Why the host may not be reached, judged on every address it resolves to now, or empty when it may. */
    public Optional<String> addressRefusal(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(bare);
        } catch (UnknownHostException e) {
            return Optional.of("host " + bare + " does not resolve");
        }
        for (InetAddress address : addresses) {
            Optional<String> blocked = blockedRange(address);
            if (blocked.isPresent()) {
                return Optional.of("host " + bare + " resolves to " + address.getHostAddress() + ", a "
                        + blocked.get() + " address, which webhooks may not target");
            }
        }
        return Optional.empty();
    }

    private Optional<String> blockedRange(InetAddress address) {
        InetAddress a = unmapped(address);
        if (a.isLoopbackAddress()) {
            return allowLocalTargets ? Optional.empty() : Optional.of("loopback");
        }
        if (a.isAnyLocalAddress()) {
            return Optional.of("unspecified");
        }
        if (a.isLinkLocalAddress()) {
            return Optional.of("link-local");
        }
        if (a.isSiteLocalAddress()) {
            return Optional.of("private");
        }
        if (a.isMulticastAddress()) {
            return Optional.of("multicast");
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 0 || (first == 100 && second >= 64 && second < 128) || first >= 240) {
                return Optional.of("reserved or shared");
            }
            if (first == 192 && second == 0 && (b[2] & 0xff) == 0) {
                return Optional.of("reserved");
            }
        } else if (a instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return Optional.of("unique-local");
            }
            if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0xc0) {
                return Optional.of("site-local");
            }
        }
        return Optional.empty();
    }

    /** An IPv4-mapped IPv6 address (::ffff:10.0.0.1) is judged as the IPv4 address it carries. */
    private static InetAddress unmapped(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address && b.length == 16) {
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            mapped &= (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
            if (mapped) {
                try {
                    return InetAddress.getByAddress(new byte[] { b[12], b[13], b[14], b[15] });
                } catch (UnknownHostException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return address;
    }
}
