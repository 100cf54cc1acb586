package org.lodestone.agreement.webhook;

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

import org.lodestone.support.alert.AlertKind;
import org.lodestone.agreement.security.Caller;
import org.lodestone.agreement.security.CurrentCaller;
import org.lodestone.support.ServiceUnavailableException;
import org.lodestone.support.problem.FieldError;
import org.lodestone.support.problem.ForbiddenException;
import org.lodestone.support.problem.InvalidInputException;
import org.lodestone.support.problem.ResourceNotFoundException;
import org.lodestone.support.webhook.DeliveryState;
import org.lodestone.support.webhook.DeliveryView;
import org.lodestone.support.webhook.WebhookSignature;
import org.lodestone.support.webhook.WebhookTarget;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Who may register, see and delete webhooks: an admin any (for any countries, or all when none are named); a member
 * only its own country's (registered for its own country only, and seen and deleted whoever of that country
 * registered them). Anyone else is FORBIDDEN. A webhook the caller may not see reads like a missing one.
 */
@ApplicationScoped
public class WebhookService {

    /** The kinds agreement-service writes to its outbox; webhooks here may ask for these only. */
    public static final Set<AlertKind> EMITTED_KINDS = EnumSet.of(AlertKind.AGREEMENT_CREATED,
            AlertKind.AGREEMENT_UPDATED, AlertKind.AGREEMENT_STATUS_CHANGED, AlertKind.PROGRESS_REPORTED,
            AlertKind.COMMITMENT_AT_RISK, AlertKind.COMMITMENT_OVERDUE);
    public static final int MAX_COUNTRIES = 50;
    public static final int MAX_DELIVERIES = 500;

    private final AgreementWebhooks webhooks;
    private final CurrentCaller currentCaller;
    private final Clock clock;

    public WebhookService(AgreementWebhooks webhooks, CurrentCaller currentCaller, Clock clock) {
        this.webhooks = webhooks;
        this.currentCaller = currentCaller;
        this.clock = clock;
    }

    public WebhookTarget register(WebhookRegistration input) {
        Caller caller = requireAdminOrMember();
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
                caller.isAdmin() ? null : caller.country(), caller.username(),
                OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS));
        return webhooks.store().insert(webhook, secrets.seal(input.secret(), id.toString()));
    }

    public List<WebhookTarget> list() {
        Caller caller = requireAdminOrMember();
        return webhooks.store().findAll().stream().filter(w -> maySee(caller, w)).toList();
    }

    public WebhookTarget delete(String id) {
        WebhookTarget webhook = visible(id);
        webhooks.store().delete(webhook.id());
        return webhook;
    }

    public List<DeliveryView> deliveries(String webhookId, DeliveryState state, Integer limit) {
        int max = limit == null ? 50 : limit;
        if (max < 1 || max > MAX_DELIVERIES) {
            throw InvalidInputException.of("limit", "must be within 1.." + MAX_DELIVERIES);
        }
        return webhooks.store().deliveries(visible(webhookId).id(), state, max);
    }

    private WebhookTarget visible(String id) {
        Caller caller = requireAdminOrMember();
        Optional<WebhookTarget> found;
        try {
            found = webhooks.store().find(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            found = Optional.empty();
        }
        return found.filter(w -> maySee(caller, w)).orElseThrow(() -> new ResourceNotFoundException("Webhook", id));
    }

    private static boolean maySee(Caller caller, WebhookTarget webhook) {
        return caller.isAdmin() || caller.country().equals(webhook.ownerCountry());
    }

    private Caller requireAdminOrMember() {
        Caller caller = currentCaller.get();
        if (!caller.isAdmin() && !caller.isCountryMember()) {
            throw new ForbiddenException("Only admins and members of a country manage webhooks.");
        }
        return caller;
    }

    /** A member's webhook is for its own country, named or not; an admin's for the countries named (none: all). */
    private static List<String> countries(Caller caller, List<String> requested) {
        List<String> normalized = requested == null ? List.of()
                : requested.stream().map(c -> c == null ? "" : c.strip().toUpperCase(Locale.ROOT)).distinct().toList();
        if (caller.isAdmin()) {
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

    private static List<FieldError> kindErrors(List<AlertKind> kinds) {
        String accepted = EMITTED_KINDS.stream().map(Enum::name).collect(Collectors.joining(", "));
        if (kinds == null || kinds.isEmpty()) {
            return List.of(FieldError.of("input.kinds", "name at least one kind; accepted: " + accepted));
        }
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < kinds.size(); i++) {
            if (kinds.get(i) == null || !EMITTED_KINDS.contains(kinds.get(i))) {
                errors.add(FieldError.of("input.kinds[" + i + "]", kinds.get(i) + " is not emitted by agreement-service;"
                        + " accepted: " + accepted));
            }
        }
        return errors;
    }
}
