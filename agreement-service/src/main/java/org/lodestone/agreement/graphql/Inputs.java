package org.lodestone.agreement.graphql;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.lodestone.agreement.Agreement;
import org.lodestone.agreement.AgreementStatus;
import org.lodestone.agreement.Commitment;
import org.lodestone.agreement.CommitmentStatus;
import org.lodestone.agreement.Visibility;

/** GraphQL input types; mapped to service commands in {@link Nodes}. */
public final class Inputs {

    private static final String TYPE = "One of: " + Agreement.TYPE_TERMS
            + ". Any case is accepted; the value is stored in the spelling listed here.";
    private static final String KIND = "One of: " + Commitment.KIND_TERMS
            + ". Any case is accepted; the value is stored in the spelling listed here.";

    private Inputs() {
    }

    @Input("NewAgreement")
    public record NewAgreement(
            @Id String id,
            @NonNull String title,
            @Description(TYPE) @NonNull String type,
            @Id @NonNull List<@NonNull String> parties,
            @Id @NonNull List<@NonNull String> minerals,
            LocalDate signedOn,
            AgreementStatus status,
            @NonNull Visibility visibility,
            String summary,
            @NonNull String source) {
    }

    @Input("AgreementPatch")
    public record AgreementPatch(
            String title,
            @Description(TYPE) String type,
            @Id List<String> parties,
            @Id List<String> minerals,
            LocalDate signedOn,
            Visibility visibility,
            String summary,
            String source) {
    }

    @Input("NewCommitment")
    public record NewCommitment(
            @Id @NonNull String obligor,
            @Description(KIND) @NonNull String kind,
            @NonNull String description,
            @Id String mineral,
            Double targetQuantity,
            String unit,
            Double targetAmount,
            String currency,
            LocalDate dueOn) {
    }

    @Input("ProgressInput")
    public record ProgressInput(Double quantity, Double amount, @NonNull LocalDate asOf, String note) {
    }

    @Input("AgreementFilter")
    public record AgreementFilter(@Id String party, @Id String mineral, AgreementStatus status, Visibility visibility,
            @Description("Matches regardless of case.") String type) {
    }

    @Input("CommitmentFilter")
    public record CommitmentFilter(@Id String obligor, CommitmentStatus status, LocalDate dueBefore,
            Integer dueWithinDays, @Id String agreement) {
    }
}
