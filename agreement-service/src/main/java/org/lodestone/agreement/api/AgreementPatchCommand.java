package org.lodestone.agreement.api;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.lodestone.agreement.Agreement;
import org.lodestone.agreement.Visibility;

/**
 * Fields to change; null leaves a field as it is. Status changes go through the status machine instead.
 * {@code expectedVersion} is the version the change was read at (over REST it may come as If-Match instead).
 */
public record AgreementPatchCommand(
        Integer expectedVersion,
        String title,
        @Schema(description = "One of: " + Agreement.TYPE_TERMS + " (any case).") String type,
        List<String> parties,
        List<String> minerals,
        LocalDate signedOn,
        Visibility visibility,
        String summary,
        String source) {

    /** The same change, expecting the given version. */
    public AgreementPatchCommand expecting(int version) {
        return new AgreementPatchCommand(version, title, type, parties, minerals, signedOn, visibility, summary, source);
    }
}
