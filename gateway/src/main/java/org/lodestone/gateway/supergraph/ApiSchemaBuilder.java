package org.lodestone.gateway.supergraph;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.language.Definition;
import graphql.language.Directive;
import graphql.language.DirectiveDefinition;
import graphql.language.DirectivesContainer;
import graphql.language.Document;
import graphql.language.EnumTypeDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.ScalarTypeDefinition;
import graphql.language.SchemaDefinition;
import graphql.language.TypeDefinition;
import graphql.language.TypeName;
import graphql.language.UnionTypeDefinition;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.MockedWiringFactory;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.ScalarWiringEnvironment;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;

/** The public API schema of a supergraph: its definitions without federation machinery and {@code @inaccessible} elements. */
final class ApiSchemaBuilder {

    private static final Set<String> KEPT_DIRECTIVES = Set.of("deprecated", "specifiedBy", "oneOf");

    private ApiSchemaBuilder() {
    }

    /** Public API schema: definitions minus federation machinery and {@code @inaccessible} elements. */
    static GraphQLSchema build(Document document) {
        Set<String> inaccessibleTypes = new LinkedHashSet<>();
        for (Definition<?> definition : document.getDefinitions()) {
            if (definition instanceof TypeDefinition<?> type && isInaccessible(type)) {
                inaccessibleTypes.add(type.getName());
            }
        }
        List<Definition> kept = new ArrayList<>();
        for (Definition<?> definition : document.getDefinitions()) {
            if (definition instanceof DirectiveDefinition) {
                continue;
            }
            if (definition instanceof SchemaDefinition schema) {
                kept.add(schema.transform(b -> b.directives(List.of())));
                continue;
            }
            if (!(definition instanceof TypeDefinition<?> type) || SupergraphLoader.isFederationType(type.getName())
                    || inaccessibleTypes.contains(type.getName())) {
                continue;
            }
            kept.add(strip(type, inaccessibleTypes));
        }
        TypeDefinitionRegistry registry = new SchemaParser().buildRegistry(Document.newDocument().definitions(kept).build());
        return new SchemaGenerator().makeExecutableSchema(registry, wiring());
    }

    /**
     * No resolvers (the gateway plans and executes itself), but real input checks for every scalar
     * ({@link InputScalars}): validation then refuses a bad date or number before any subgraph sees it. Other
     * scalars a supergraph may declare accept any value, as before.
     */
    private static RuntimeWiring wiring() {
        Map<String, GraphQLScalarType> scalars = InputScalars.byName();
        // not strict: the built-in scalars are replaced by name
        RuntimeWiring.Builder wiring = RuntimeWiring.newRuntimeWiring().strictMode(false).wiringFactory(new MockedWiringFactory() {
            @Override
            public boolean providesScalar(ScalarWiringEnvironment environment) {
                return scalars.containsKey(environment.getScalarTypeDefinition().getName())
                        || super.providesScalar(environment);
            }

            @Override
            public GraphQLScalarType getScalar(ScalarWiringEnvironment environment) {
                ScalarTypeDefinition definition = environment.getScalarTypeDefinition();
                GraphQLScalarType scalar = scalars.get(definition.getName());
                if (scalar == null) {
                    return super.getScalar(environment);
                }
                return definition.getDescription() == null ? scalar
                        : scalar.transform(b -> b.description(definition.getDescription().getContent()));
            }
        });
        scalars.values().forEach(wiring::scalar);
        return wiring.build();
    }

    private static Definition<?> strip(TypeDefinition<?> type, Set<String> inaccessibleTypes) {
        if (type instanceof ObjectTypeDefinition object) {
            return object.transform(b -> b.directives(kept(object))
                    .implementz(object.getImplements().stream()
                            .filter(i -> !inaccessibleTypes.contains(((TypeName) i).getName())).toList())
                    .fieldDefinitions(stripFields(object.getFieldDefinitions())));
        }
        if (type instanceof InterfaceTypeDefinition iface) {
            return iface.transform(b -> b.directives(kept(iface))
                    .implementz(iface.getImplements().stream()
                            .filter(i -> !inaccessibleTypes.contains(((TypeName) i).getName())).toList())
                    .definitions(stripFields(iface.getFieldDefinitions())));
        }
        if (type instanceof UnionTypeDefinition union) {
            return union.transform(b -> b.directives(kept(union))
                    .memberTypes(union.getMemberTypes().stream()
                            .filter(m -> !inaccessibleTypes.contains(((TypeName) m).getName())).toList()));
        }
        if (type instanceof EnumTypeDefinition enumType) {
            return enumType.transform(b -> b.directives(kept(enumType))
                    .enumValueDefinitions(enumType.getEnumValueDefinitions().stream()
                            .filter(v -> !isInaccessible(v))
                            .map(v -> v.transform(vb -> vb.directives(kept(v)))).toList()));
        }
        if (type instanceof InputObjectTypeDefinition input) {
            return input.transform(b -> b.directives(kept(input))
                    .inputValueDefinitions(stripInputs(input.getInputValueDefinitions())));
        }
        if (type instanceof ScalarTypeDefinition scalar) {
            return scalar.transform(b -> b.directives(kept(scalar)));
        }
        return type;
    }

    private static List<FieldDefinition> stripFields(List<FieldDefinition> fields) {
        return fields.stream().filter(f -> !isInaccessible(f))
                .map(f -> f.transform(b -> b.directives(kept(f)).inputValueDefinitions(stripInputs(f.getInputValueDefinitions()))))
                .toList();
    }

    private static List<InputValueDefinition> stripInputs(List<InputValueDefinition> inputs) {
        return inputs.stream().filter(i -> !isInaccessible(i)).map(i -> i.transform(b -> b.directives(kept(i)))).toList();
    }

    private static List<Directive> kept(DirectivesContainer<?> element) {
        return element.getDirectives().stream().filter(d -> KEPT_DIRECTIVES.contains(d.getName())).toList();
    }

    private static boolean isInaccessible(DirectivesContainer<?> element) {
        return !element.getDirectives("inaccessible").isEmpty();
    }
}
