package org.lodestone.gateway.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class OperationNamesTest {

    @Test
    void namedOperationsKeepTheirNameUpToTheLimitThenShareOneValue() {
        OperationNames names = new OperationNames(2);
        assertEquals("CountryAgreements", names.tagFor("CountryAgreements"));
        assertEquals("Minerals", names.tagFor("Minerals"));
        assertEquals(OperationNames.OTHER, names.tagFor("ThirdName"));
        // Names seen before the limit was reached keep their series.
        assertEquals("CountryAgreements", names.tagFor("CountryAgreements"));
    }

    @Test
    void anonymousAndMalformedNamesAreGrouped() {
        OperationNames names = new OperationNames(10);
        assertEquals(OperationNames.ANONYMOUS, names.tagFor(null));
        assertEquals(OperationNames.ANONYMOUS, names.tagFor(""));
        assertEquals(OperationNames.OTHER, names.tagFor("not a GraphQL name"));
        assertEquals(OperationNames.OTHER, names.tagFor("x".repeat(65)));
    }
}
