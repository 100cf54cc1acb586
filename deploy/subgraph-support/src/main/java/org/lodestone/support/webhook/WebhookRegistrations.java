package org.lodestone.support.webhook;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.lodestone.support.ServiceUnavailableException;
import org.lodestone.support.alert.AlertKind;
import org.lodestone.support.problem.FieldError;
import org.lodestone.support.problem.ForbiddenException;
import org.lodestone.support.problem.InvalidInputException;
import org.lodestone.support.problem.ResourceNotFoundException;

/**
 * Who may register, see and delete webhooks: an admin any (for any countries, or all when none are named); a member
 * only its own country's (registered for its own country only, and seen and deleted whoever of that country
 * registered them). Anyone else is FORBIDDEN. A webhook the caller may not see reads like a missing one.
 */
public class WebhookRegistrations {

    public static final int MAX_COUNTRIES = 50;
    public static final int MAX_DELIVERIES = 500;

    private final WebhookEngine webhooks;
    private final String service;
    private final Set<AlertKind> emittedKinds;
    private final Clock clock;

    /**
     * {@code service} names the owning service in messages; {@code emittedKinds} are the kinds it writes to its
     * outbox, the only ones its webhooks may ask for.
     */
    public WebhookRegistrations(WebhookEngine webhooks, String service, Set<AlertKind> emittedKinds, Clock clock) {
        this.webhooks = webhooks;
        this.service = service;
        this.emittedKinds = EnumSet.copyOf(emittedKinds);
        this.clock = clock;
    }

    public Set<AlertKind> emittedKinds() {
        return Set.copyOf(emittedKinds);
    }

    public WebhookTarget register(WebhookCaller caller, WebhookRegistration input) {
        requireAdminOrMember(caller);
        List<String> countries = countries(caller, input.countries());
        List<FieldError> errors = new ArrayList<>();
        webhooks.urlPolicy().refusal(input.url()).ifPresent(reason -> errors.add(FieldError.of("input.url", reason)));
        errors.addAll(kindErrors(input.kinds()));
        for (int i = 0; i < countries.size(); i++) {
            if (!countries.get(i).matches("[A-Z]{2}")) {
                errors.add(FieldError.of("input.countries[" + i + "]", "must be an ISO 3166-1 alpha-2 code (or EU)"));
            }
        }
        if (countries.size() > MAX_COUNTRIES) {
            errors.add(FieldError.of("input.countries", "at most " + MAX_COUNTRIES + " countries"));
        }
        try {
            WebhookSignature.key(input.secret());
        } catch (IllegalArgumentException e) {
            errors.add(FieldError.of("input.secret", e.getMessage()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        var secrets = webhooks.secrets().orElseThrow(() -> new ServiceUnavailableException(
                "Webhooks are not configured on this deployment (no secret key); ask its operator.", null));
        UUID id = UUID.randomUUID();
        WebhookTarget webhook = new WebhookTarget(id, input.url(),
                input.kinds().stream().distinct().map(Enum::name).toList(), countries,
                caller.admin() ? null : caller.country(), caller.username(),
                OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS));
        return webhooks.store().insert(webhook, secrets.seal(input.secret(), id.toString()));
    }

    public List<WebhookTarget> list(WebhookCaller caller) {
        requireAdminOrMember(caller);
        return webhooks.store().findAll().stream().filter(w -> maySee(caller, w)).toList();
    }

    public WebhookTarget delete(WebhookCaller caller, String id) {
        WebhookTarget webhook = visible(caller, id);
        webhooks.store().delete(webhook.id());
        return webhook;
    }

    public List<DeliveryView> deliveries(WebhookCaller caller, String webhookId, DeliveryState state, Integer limit) {
        int max = limit == null ? 50 : limit;
        if (max < 1 || max > MAX_DELIVERIES) {
            throw InvalidInputException.of("limit", "must be within 1.." + MAX_DELIVERIES);
        }
        return webhooks.store().deliveries(visible(caller, webhookId).id(), state, max);
    }

    private WebhookTarget visible(WebhookCaller caller, String id) {
        requireAdminOrMember(caller);
        Optional<WebhookTarget> found;
        try {
            found = webhooks.store().find(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            found = Optional.empty();
        }
        return found.filter(w -> maySee(caller, w)).orElseThrow(() -> new ResourceNotFoundException("Webhook", id));
    }

    private static boolean maySee(WebhookCaller caller, WebhookTarget webhook) {
        return caller.admin() || caller.country().equals(webhook.ownerCountry());
    }

    private static void requireAdminOrMember(WebhookCaller caller) {
        if (!caller.admin() && !caller.isCountryMember()) {
            throw new ForbiddenException("Only admins and members of a country manage webhooks.");
        }
    }

    /** A member's webhook is for its own country, named or not; an admin's for the countries named (none: all). */
    private static List<String> countries(WebhookCaller caller, List<String> requested) {
        List<String> normalized = requested == null ? List.of()
                : requested.stream().map(c -> c == null ? "" : c.strip().toUpperCase(Locale.ROOT)).distinct().toList();
        if (caller.admin()) {
            return normalized;
        }
        Set<String> others = new LinkedHashSet<>(normalized);
        others.remove(caller.country());
        if (!others.isEmpty()) {
            throw new ForbiddenException("A member registers webhooks for its own country (" + caller.country()
                    + ") only, not for " + String.join(", ", others) + ".");
        }
        return List.of(caller.country());
    }

    private List<FieldError> kindErrors(List<AlertKind> kinds) {
        String accepted = emittedKinds.stream().map(Enum::name).collect(Collectors.joining(", "));
        if (kinds == null || kinds.isEmpty()) {
            return List.of(FieldError.of("input.kinds", "name at least one kind; accepted: " + accepted));
        }
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < kinds.size(); i++) {
            if (kinds.get(i) == null || !emittedKinds.contains(kinds.get(i))) {
                errors.add(FieldError.of("input.kinds[" + i + "]", kinds.get(i) + " is not emitted by " + service + ";"
                        + " accepted: " + accepted));
            }
        }
        return errors;
    }
}
