package org.lodestone.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.lodestone.agreement.service.ScenarioRule;

class ScenarioRuleTest {

    @Test
    void mineralsAreRelatedWhenEqualGroupedOrGeneral() {
        assertTrue(ScenarioRule.mineralsRelated("gallium", "gallium"));
        assertTrue(ScenarioRule.mineralsRelated("gallium", ScenarioRule.GENERAL));
        assertTrue(ScenarioRule.mineralsRelated(ScenarioRule.GENERAL, "rare_earths"));
        // groups work both ways: an agreement on rare earths covers dysprosium, a Dy/Tb deal answers a rare-earth cut
        assertTrue(ScenarioRule.mineralsRelated("dysprosium", "rare_earths"));
        assertTrue(ScenarioRule.mineralsRelated("rare_earths", "heavy_rare_earths"));
        assertTrue(ScenarioRule.mineralsRelated("terbium", "heavy_rare_earths"));
        // siblings inside a group are not related
        assertFalse(ScenarioRule.mineralsRelated("samarium", "heavy_rare_earths"));
        assertFalse(ScenarioRule.mineralsRelated("gallium", "germanium"));
        assertFalse(ScenarioRule.mineralsRelated("lithium", "rare_earths"));
    }

    @Test
    void impactCodesAreNormalised() {
        ScenarioRule.Impact impact = ScenarioRule.Impact.of(" jp ", List.of("rare_earths"), Arrays.asList("au", null, "US"));
        assertEquals("JP", impact.member());
        assertEquals(Set.of("AU", "US"), impact.producers());
    }

    @Test
    void statusesDefaultToSignedAndInForce() {
        assertEquals(ScenarioRule.DEFAULT_STATUSES, ScenarioRule.statuses(null));
        assertEquals(Set.of(), ScenarioRule.statuses(List.of()));
        assertEquals(Set.of(AgreementStatus.SUSPENDED), ScenarioRule.statuses(List.of(AgreementStatus.SUSPENDED)));
    }
}
