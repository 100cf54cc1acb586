package org.lodestone.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.restassured.path.json.JsonPath;

/**
 * One browser sign-in through Keycloak's own login pages, driven over plain HTTP: the authorization code flow with
 * PKCE (S256), HTML forms read and posted the way a browser submits them, cookies kept for the one Keycloak host. No
 * JavaScript is run; Keycloak's login pages do not need it.
 */
final class BrowserLogin {

    /** A response from Keycloak: a page to read (200), or a redirect. */
    record Page(int status, String location, String body) {

        boolean isForm(String formId) {
            return status == 200 && body.contains("id=\"" + formId + "\"");
        }

        /** Text of the first element with this id, tags stripped (e.g. the TOTP secret shown for manual entry). */
        Optional<String> textOf(String elementId) {
            Matcher m = Pattern.compile("id=\"" + Pattern.quote(elementId) + "\"[^>]*>(.*?)</", Pattern.DOTALL).matcher(body);
            return m.find() ? Optional.of(unescape(m.group(1).replaceAll("<[^>]*>", "")).strip()) : Optional.empty();
        }

        /** Keycloak's feedback line on a page (e.g. why a new password was refused). */
        Optional<String> feedback() {
            Matcher m = Pattern.compile("class=\"[^\"]*kc-feedback-text[^\"]*\"[^>]*>([^<]+)<").matcher(body);
            return m.find() ? Optional.of(unescape(m.group(1)).strip()) : Optional.empty();
        }

        /** The href of the first link whose URL contains the fragment. */
        Optional<String> link(String urlFragment) {
            Matcher m = Pattern.compile("href=\"([^\"]*" + Pattern.quote(urlFragment) + "[^\"]*)\"").matcher(body);
            return m.find() ? Optional.of(unescape(m.group(1))) : Optional.empty();
        }

        /** A short description for assertion messages: status, location or the page title and any error text. */
        String summary() {
            if (location != null) {
                return status + " -> " + location;
            }
            Matcher title = Pattern.compile("<title>(.*?)</title>", Pattern.DOTALL).matcher(body);
            String forms = Pattern.compile("<form[^>]*id=\"([^\"]+)\"").matcher(body).results()
                    .map(r -> r.group(1)).collect(Collectors.joining(","));
            return status + " page '" + (title.find() ? title.group(1).strip() : "?") + "' forms [" + forms + "]"
                    + feedback().map(f -> " feedback '" + f + "'").orElse("")
                    + textOf("kc-error-message").map(e -> " message '" + e + "'").orElse("");
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z_:][-a-zA-Z0-9_:.]*)\\s*=\\s*\"([^\"]*)\"");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final String realmUrl;
    private final String clientId;
    private final String redirectUri;
    private final String verifier = randomToken(48);
    private final String state = randomToken(16);

    /** @param realmUrl e.g. {@code http://localhost:8180/realms/coalition} */
    BrowserLogin(String realmUrl, String clientId, String redirectUri) {
        this.realmUrl = realmUrl;
        this.clientId = clientId;
        this.redirectUri = redirectUri;
    }

    /** GET of the authorization endpoint (response_type=code, PKCE S256), following Keycloak's own redirects. */
    Page start() {
        return start(Map.of());
    }

    /**
     * The same with extra parameters, e.g. {@code kc_action=CONFIGURE_TOTP}: what the account console sends when a
     * signed-in user asks to set something up (an application-initiated action on the existing session).
     */
    Page start(Map<String, String> extra) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", clientId);
        query.put("response_type", "code");
        query.put("scope", "openid");
        query.put("redirect_uri", redirectUri);
        query.put("state", state);
        query.put("code_challenge", challenge(verifier));
        query.put("code_challenge_method", "S256");
        query.putAll(extra);
        return follow(get(realmUrl + "/protocol/openid-connect/auth?" + form(query)));
    }

    /**
     * Submits the form with this id the way a browser does: its hidden and text inputs with their values (checked
     * checkboxes only, no submit buttons), overridden by {@code fields}; then follows redirects inside Keycloak.
     */
    Page submit(Page page, String formId, Map<String, String> fields) {
        if (!page.isForm(formId)) {
            throw new AssertionError("expected the form '" + formId + "', got " + page.summary());
        }
        Matcher formMatch = Pattern.compile("<form([^>]*id=\"" + Pattern.quote(formId) + "\"[^>]*)>(.*?)</form>",
                Pattern.DOTALL).matcher(page.body());
        if (!formMatch.find()) {
            throw new AssertionError("form '" + formId + "' not parsable in " + page.summary());
        }
        String action = attributes(formMatch.group(1)).get("action");
        Map<String, String> values = new LinkedHashMap<>();
        Matcher inputs = Pattern.compile("<input([^>]*)/?>").matcher(formMatch.group(2));
        while (inputs.find()) {
            Map<String, String> input = attributes(inputs.group(1));
            String type = input.getOrDefault("type", "text");
            String name = input.get("name");
            boolean checkbox = "checkbox".equals(type) || "radio".equals(type);
            if (name == null || List.of("submit", "button", "image", "reset").contains(type)
                    || (checkbox && !inputs.group(1).matches("(?s).*\\schecked(\\s|=|/|$).*"))) {
                continue;
            }
            values.put(name, input.getOrDefault("value", checkbox ? "on" : ""));
        }
        values.putAll(fields);
        return follow(send(HttpRequest.newBuilder(URI.create(action))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(values)))));
    }

    /** A plain GET within the session (e.g. a link on a page), following Keycloak's redirects. */
    Page open(String url) {
        return follow(get(url));
    }

    /** The authorization code, when Keycloak redirected back to the client; the state must be ours. */
    Optional<String> code(Page page) {
        if (page.location() == null || !page.location().startsWith(redirectUri)) {
            return Optional.empty();
        }
        Map<String, String> params = queryOf(page.location());
        if (!state.equals(params.get("state"))) {
            throw new AssertionError("redirect with a foreign state: " + page.location());
        }
        if (params.containsKey("error")) {
            throw new AssertionError("Keycloak redirected back with an error: " + page.location());
        }
        return Optional.ofNullable(params.get("code"));
    }

    /** Redeems the code with the PKCE verifier; returns the token endpoint's JSON answer and its status. */
    TokenResponse exchange(String code) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("grant_type", "authorization_code");
        values.put("client_id", clientId);
        values.put("code", code);
        values.put("redirect_uri", redirectUri);
        values.put("code_verifier", verifier);
        HttpResponse<String> response = exchange(HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(values))).build());
        return new TokenResponse(response.statusCode(), JsonPath.from(response.body()), response.body());
    }

    record TokenResponse(int status, JsonPath json, String body) {

        String accessToken() {
            if (status != 200) {
                throw new AssertionError("token endpoint answered " + status + ": " + body);
            }
            return json.getString("access_token");
        }
    }

    private Page follow(Page page) {
        Page current = page;
        for (int hops = 0; current.location() != null && !current.location().startsWith(redirectUri); hops++) {
            if (hops > 10) {
                throw new AssertionError("redirect loop at " + current.location());
            }
            current = get(URI.create(realmUrl).resolve(current.location()).toString());
        }
        return current;
    }

    private Page get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    private Page send(HttpRequest.Builder builder) {
        HttpResponse<String> response = exchange(builder.build());
        return new Page(response.statusCode(), response.headers().firstValue("Location").orElse(null), response.body());
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        HttpRequest.Builder withCookies = HttpRequest.newBuilder(request, (name, value) -> true)
                .timeout(Duration.ofSeconds(30));
        if (!cookies.isEmpty()) {
            withCookies.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        try {
            HttpResponse<String> response = http.send(withCookies.build(), HttpResponse.BodyHandlers.ofString());
            keepCookies(response);
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * One host, one realm: every cookie Keycloak sets is sent back (its Secure flag included, since the test stack
     * speaks plain HTTP on loopback); a cookie set to expire is dropped.
     */
    private void keepCookies(HttpResponse<String> response) {
        for (String header : response.headers().allValues("Set-Cookie")) {
            String[] parts = header.split(";");
            int eq = parts[0].indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = parts[0].substring(0, eq).strip();
            String value = parts[0].substring(eq + 1).strip();
            boolean expired = value.isEmpty();
            for (int i = 1; i < parts.length; i++) {
                String attribute = parts[i].strip().toLowerCase();
                expired |= attribute.equals("max-age=0") || attribute.startsWith("expires=thu, 01 jan 1970") || attribute.startsWith("expires=thu, 01-jan-1970");
            }
            if (expired) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
    }

    private static Map<String, String> attributes(String tag) {
        Map<String, String> attributes = new LinkedHashMap<>();
        Matcher m = ATTRIBUTE.matcher(tag);
        while (m.find()) {
            attributes.put(m.group(1), unescape(m.group(2)));
        }
        return attributes;
    }

    static String unescape(String html) {
        return html.replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'").replace("&#x27;", "'")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&#61;", "=").replace("&#x3D;", "=");
    }

    static Map<String, String> queryOf(String url) {
        Map<String, String> params = new LinkedHashMap<>();
        String query = URI.create(url).getRawQuery();
        if (query == null) {
            return params;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            params.put(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    private static String form(Map<String, String> values) {
        return values.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String randomToken(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
