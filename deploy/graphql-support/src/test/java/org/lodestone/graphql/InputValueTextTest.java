package org.lodestone.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class InputValueTextTest {

    @Test
    void literalsAreShownAsWritten() {
        assertEquals("\"2026-13-01\"", InputValueText.fromLiteral("StringValue{value='2026-13-01'}"));
        assertEquals("3.5", InputValueText.fromLiteral("FloatValue{value=3.5}"));
        assertEquals("42", InputValueText.fromLiteral("IntValue{value=42}"));
        assertEquals("NOPE", InputValueText.fromLiteral("EnumValue{name='NOPE'}"));
        assertEquals("true", InputValueText.fromLiteral("BooleanValue{value=true}"));
        assertEquals("a list", InputValueText.fromLiteral("ArrayValue{values=[IntValue{value=1}]}"));
        assertEquals("an object", InputValueText.fromLiteral("ObjectValue{objectFields=[]}"));
        assertEquals("null", InputValueText.fromLiteral("NullValue{}"));
        assertEquals("the value", InputValueText.fromLiteral("VariableReference{name='x'}"));
    }

    @Test
    void textsAreQuotedEscapedAndCut() {
        assertEquals("\"a\\\"b\\\\c\\u000A\"", InputValueText.quoted("a\"b\\c\n"));
        String long70 = "x".repeat(70);
        assertEquals("\"" + "x".repeat(60) + "...\"", InputValueText.quoted(long70));
    }
}
