package org.lodestone.agreement.api;

import org.lodestone.agreement.AgreementStatus;
import org.lodestone.agreement.Visibility;

/** All fields optional; set ones must all match. */
public record AgreementFilter(String party, String mineral, AgreementStatus status, Visibility visibility, String type) {

    public static final AgreementFilter NONE = new AgreementFilter(null, null, null, null, null);
}
