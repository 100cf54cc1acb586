package org.lodestone.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

class ArgumentRefusalTest {

    private static final ArgumentRefusal.WrongType PLAIN = (value, type, detail) -> value + " is not a " + type;

    @Test
    void aWrongScalarIsWordedByTheCaller() {
        ArgumentRefusal refusal = ArgumentRefusal.parse("Validation error (WrongType@[prices]) : argument 'year' with value"
                + " 'FloatValue{value=3.5}' is not a valid 'Int' - Expected a value that can be converted to type 'Int'");
        assertEquals("year", refusal.path());
        assertEquals("Int", refusal.type());
        assertEquals("3.5 is not a Int", refusal.detail(null, PLAIN));
    }

    @Test
    void enumsListTheirValues() {
        ArgumentRefusal refusal = ArgumentRefusal.parse("argument 'kinds[0]' with value 'EnumValue{name='NOPE'}' is not a"
                + " valid 'AlertKind' - Literal value not in allowable values for enum 'AlertKind'");
        assertEquals("kinds[0]", refusal.path());
        assertEquals("NOPE is not one of A, B", refusal.detail(List.of("A", "B"), PLAIN));
    }

    @Test
    void missingNullAndUnknownFieldsAreSaidPlainly() {
        assertEquals("a value is required", ArgumentRefusal.parse("argument 'id' with value 'NullValue{}' must not be"
                + " null").detail(null, PLAIN));
        assertEquals("required fields missing: name", ArgumentRefusal.parse("argument 'input' with value"
                + " 'ObjectValue{objectFields=[]}' is missing required fields '[name]'").detail(null, PLAIN));
        assertEquals("NewMineral has no field colour", ArgumentRefusal.parse("argument 'input' with value"
                + " 'ObjectValue{objectFields=[]}' contains a field not in 'NewMineral': 'colour'").detail(null, PLAIN));
        assertNull(ArgumentRefusal.parse("Field 'nope' in type 'Query' is undefined"));
    }
}
