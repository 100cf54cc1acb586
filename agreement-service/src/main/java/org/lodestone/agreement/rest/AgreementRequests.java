package org.lodestone.agreement.rest;

import java.time.LocalDate;
import java.util.List;

import org.lodestone.agreement.AgreementStatus;
import org.lodestone.agreement.Visibility;
import org.lodestone.agreement.api.AgreementPatchCommand;

/** REST request bodies that carry more than a service command (the expected version). */
public final class AgreementRequests {

    private AgreementRequests() {
    }

    /** PATCH/PUT body: the fields to change, and the version they were read at (unless sent as If-Match). */
    public record AgreementPatchRequest(
            Integer expectedVersion,
            String title,
            String type,
            List<String> parties,
            List<String> minerals,
            LocalDate signedOn,
            Visibility visibility,
            String summary,
            String source) {

        AgreementPatchCommand command() {
            return new AgreementPatchCommand(title, type, parties, minerals, signedOn, visibility, summary, source);
        }
    }

    public record StatusChangeRequest(AgreementStatus status, Integer expectedVersion, String reason) {
    }
}
