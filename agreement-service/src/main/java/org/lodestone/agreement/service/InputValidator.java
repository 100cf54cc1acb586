package org.lodestone.agreement.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.lodestone.agreement.Agreement;
import org.lodestone.agreement.AgreementStatus;
import org.lodestone.agreement.ClosedVocabulary;
import org.lodestone.agreement.Commitment;
import org.lodestone.agreement.api.AgreementPatchCommand;
import org.lodestone.agreement.api.NewAgreementCommand;
import org.lodestone.agreement.api.NewCommitmentCommand;
import org.lodestone.agreement.api.ProgressCommand;
import org.lodestone.support.problem.FieldError;
import org.lodestone.support.problem.InvalidInputException;

import jakarta.enterprise.context.ApplicationScoped;

/** Checks every input field and reports all problems at once; nothing is written when anything is wrong. */
@ApplicationScoped
public class InputValidator {

    static final int MAX_TEXT = 10_000;
    static final int MAX_SHORT = 500;

    private final ReferenceData reference;

    public InputValidator(ReferenceData reference) {
        this.reference = reference;
    }

    public void validateNew(NewAgreementCommand cmd) {
        List<FieldError> errors = new ArrayList<>();
        if (cmd.id() != null && !cmd.id().matches("[A-Za-z0-9][A-Za-z0-9_-]{2,63}")) {
            errors.add(FieldError.of("id", "must be 3-64 letters, digits, '-' or '_'"));
        }
        requireText(errors, "title", cmd.title(), MAX_SHORT);
        requireTerm(errors, "type", cmd.type(), Agreement.TYPES);
        checkParties(errors, cmd.parties(), true);
        checkMinerals(errors, cmd.minerals());
        if (cmd.visibility() == null) {
            errors.add(FieldError.of("visibility", "is required (PUBLIC, COALITION or PARTIES)"));
        }
        AgreementStatus status = cmd.status() == null ? AgreementStatus.DRAFT : cmd.status();
        if (status.ordinal() > AgreementStatus.IN_FORCE.ordinal()) {
            errors.add(FieldError.of("status", "a new agreement starts as DRAFT, NEGOTIATING, SIGNED or IN_FORCE"));
        }
        if (status.isSigned() && cmd.signedOn() == null) {
            errors.add(FieldError.of("signedOn", "is required for a " + status + " agreement"));
        }
        optionalText(errors, "summary", cmd.summary(), MAX_TEXT);
        requireText(errors, "source", cmd.source(), MAX_TEXT);
        throwIfAny(errors);
    }

    public void validatePatch(AgreementPatchCommand patch, LocalDate earliestDue) {
        List<FieldError> errors = new ArrayList<>();
        if (patch.title() == null && patch.type() == null && patch.parties() == null && patch.minerals() == null
                && patch.signedOn() == null && patch.visibility() == null && patch.summary() == null
                && patch.source() == null) {
            errors.add(FieldError.of("input", "names no field to change"));
        }
        if (patch.title() != null) {
            requireText(errors, "title", patch.title(), MAX_SHORT);
        }
        if (patch.type() != null) {
            requireTerm(errors, "type", patch.type(), Agreement.TYPES);
        }
        if (patch.parties() != null) {
            checkParties(errors, patch.parties(), true);
        }
        if (patch.minerals() != null) {
            checkMinerals(errors, patch.minerals());
        }
        if (patch.signedOn() != null && earliestDue != null && earliestDue.isBefore(patch.signedOn())) {
            errors.add(FieldError.of("signedOn", "is after the due date " + earliestDue + " of one of its commitments"));
        }
        optionalText(errors, "summary", patch.summary(), MAX_TEXT);
        if (patch.source() != null) {
            requireText(errors, "source", patch.source(), MAX_TEXT);
        }
        throwIfAny(errors);
    }

    public void validateCommitment(NewCommitmentCommand cmd, List<String> parties, LocalDate signedOn) {
        List<FieldError> errors = new ArrayList<>();
        if (!reference.isCountry(cmd.obligor())) {
            errors.add(FieldError.of("obligor", "unknown country code '" + cmd.obligor()
                    + "' (ISO 3166-1 alpha-2 upper case, or EU)"));
        } else if (!parties.contains(cmd.obligor())) {
            errors.add(FieldError.of("obligor", "'" + cmd.obligor() + "' is not a party to the agreement " + parties));
        }
        requireTerm(errors, "kind", cmd.kind(), Commitment.KINDS);
        requireText(errors, "description", cmd.description(), MAX_TEXT);
        if (cmd.mineral() != null && !reference.isMineral(cmd.mineral())) {
            errors.add(FieldError.of("mineral", "unknown mineral id '" + cmd.mineral() + "'"));
        }
        if (cmd.targetQuantity() != null && cmd.targetAmount() != null) {
            errors.add(FieldError.of("targetAmount", "a commitment has a target quantity or a target amount, not both"));
        }
        checkNonNegative(errors, "targetQuantity", cmd.targetQuantity());
        checkNonNegative(errors, "targetAmount", cmd.targetAmount());
        if (cmd.targetQuantity() != null && isBlank(cmd.unit())) {
            errors.add(FieldError.of("unit", "is required with targetQuantity"));
        }
        if (cmd.targetQuantity() == null && !isBlank(cmd.unit())) {
            errors.add(FieldError.of("unit", "is only meaningful with targetQuantity"));
        }
        if (cmd.targetAmount() != null && isBlank(cmd.currency())) {
            errors.add(FieldError.of("currency", "is required with targetAmount"));
        }
        if (cmd.targetAmount() == null && !isBlank(cmd.currency())) {
            errors.add(FieldError.of("currency", "is only meaningful with targetAmount"));
        }
        if (!isBlank(cmd.currency()) && !isCurrency(cmd.currency())) {
            errors.add(FieldError.of("currency", "unknown ISO 4217 currency '" + cmd.currency() + "'"));
        }
        if (cmd.unit() != null && cmd.unit().length() > 80) {
            errors.add(FieldError.of("unit", "is longer than 80 characters"));
        }
        if (cmd.dueOn() != null && signedOn != null && cmd.dueOn().isBefore(signedOn)) {
            errors.add(FieldError.of("dueOn", "is before the agreement's signing date " + signedOn));
        }
        throwIfAny(errors);
    }

    public void validateProgress(ProgressCommand cmd, boolean quantityTarget, boolean amountTarget, LocalDate signedOn,
            LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        checkNonNegative(errors, "quantity", cmd.quantity());
        checkNonNegative(errors, "amount", cmd.amount());
        if (cmd.asOf() == null) {
            errors.add(FieldError.of("asOf", "is required"));
        } else {
            if (cmd.asOf().isAfter(today)) {
                errors.add(FieldError.of("asOf", "is in the future"));
            }
            if (signedOn != null && cmd.asOf().isBefore(signedOn)) {
                errors.add(FieldError.of("asOf", "is before the agreement's signing date " + signedOn));
            }
        }
        if (quantityTarget && cmd.quantity() == null) {
            errors.add(FieldError.of("quantity", "is required: the commitment's target is a quantity"));
        }
        if (amountTarget && cmd.amount() == null) {
            errors.add(FieldError.of("amount", "is required: the commitment's target is an amount"));
        }
        if (!quantityTarget && cmd.quantity() != null) {
            errors.add(FieldError.of("quantity", "the commitment has no quantity target"));
        }
        if (!amountTarget && cmd.amount() != null) {
            errors.add(FieldError.of("amount", "the commitment has no amount target"));
        }
        if (!quantityTarget && !amountTarget && isBlank(cmd.note())) {
            errors.add(FieldError.of("note", "is required for a commitment without a quantified target"));
        }
        optionalText(errors, "note", cmd.note(), MAX_TEXT);
        throwIfAny(errors);
    }

    private void checkParties(List<FieldError> errors, List<String> parties, boolean required) {
        if (parties == null || parties.isEmpty()) {
            if (required) {
                errors.add(FieldError.of("parties", "needs at least one party"));
            }
            return;
        }
        Set<String> seen = new HashSet<>();
        for (String code : parties) {
            if (!reference.isCountry(code)) {
                errors.add(FieldError.of("parties", "unknown country code '" + code
                        + "' (ISO 3166-1 alpha-2 upper case, or EU)"));
            } else if (!seen.add(code)) {
                errors.add(FieldError.of("parties", "'" + code + "' is listed twice"));
            }
        }
    }

    private void checkMinerals(List<FieldError> errors, List<String> minerals) {
        if (minerals == null) {
            errors.add(FieldError.of("minerals", "is required (may be empty)"));
            return;
        }
        Set<String> seen = new HashSet<>();
        for (String id : minerals) {
            if (!reference.isMineral(id)) {
                errors.add(FieldError.of("minerals", "unknown mineral id '" + id + "'"));
            } else if (!seen.add(id)) {
                errors.add(FieldError.of("minerals", "'" + id + "' is listed twice"));
            }
        }
    }

    private static void checkNonNegative(List<FieldError> errors, String field, Double value) {
        if (value != null && (value.isNaN() || value.isInfinite() || value < 0)) {
            errors.add(FieldError.of(field, "must be a finite number >= 0"));
        }
    }

    private static void requireText(List<FieldError> errors, String field, String value, int max) {
        if (isBlank(value)) {
            errors.add(FieldError.of(field, "is required"));
        } else if (value.length() > max) {
            errors.add(FieldError.of(field, "is longer than " + max + " characters"));
        }
    }

    /** A term of a closed vocabulary, in any case; the error names every allowed term. */
    private static void requireTerm(List<FieldError> errors, String field, String value, ClosedVocabulary terms) {
        if (isBlank(value)) {
            errors.add(FieldError.of(field, "is required (one of: " + terms + ")"));
        } else if (terms.canonical(value) == null) {
            errors.add(FieldError.of(field, "must be one of: " + terms));
        }
    }

    private static void optionalText(List<FieldError> errors, String field, String value, int max) {
        if (value != null && value.length() > max) {
            errors.add(FieldError.of(field, "is longer than " + max + " characters"));
        }
    }

    private static boolean isCurrency(String code) {
        try {
            return Currency.getInstance(code).getCurrencyCode().equals(code);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
