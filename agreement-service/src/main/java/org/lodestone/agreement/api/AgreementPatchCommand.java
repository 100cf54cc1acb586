package org.lodestone.agreement.api;

import java.time.LocalDate;
import java.util.List;

import org.lodestone.agreement.Visibility;

/** Fields to change; null leaves a field as it is. Status changes go through the status machine instead. */
public record AgreementPatchCommand(
        String title,
        String type,
        List<String> parties,
        List<String> minerals,
        LocalDate signedOn,
        Visibility visibility,
        String summary,
        String source) {
}
