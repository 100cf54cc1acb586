package org.lodestone.gateway.supergraph;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.Definition;
import graphql.language.Directive;
import graphql.language.DirectivesContainer;
import graphql.language.Document;
import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValue;
import graphql.language.EnumValueDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.ObjectTypeDefinition;
import graphql.language.StringValue;
import graphql.language.Type;
import graphql.language.TypeDefinition;
import graphql.language.TypeName;
import graphql.language.UnionTypeDefinition;
import graphql.language.Value;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;

/**
 * Reads a Federation 2 supergraph SDL (as composed by a federation composition library) into a
 * {@link Supergraph}. Only the join/link/inaccessible/authentication directives are interpreted;
 * everything else about types comes from the SDL itself, so new fields need no gateway code.
 */
public final class SupergraphLoader {

    private static final Set<String> FEDERATION_TYPES_PREFIXES = Set.of("join__", "link__", "requiresScopes__",
            "policy__", "authenticated__", "context__");

    private SupergraphLoader() {
    }

    /** {@code classpath:name} or a file path. */
    public static Supergraph load(String location) {
        return parse(readLocation(location));
    }

    public static String readLocation(String location) {
        try {
            if (location.startsWith("classpath:")) {
                String resource = location.substring("classpath:".length());
                ClassLoader loader = Thread.currentThread().getContextClassLoader();
                try (InputStream in = loader.getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new IllegalStateException("Supergraph resource not found on classpath: " + resource);
                    }
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            return Files.readString(Path.of(location));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read supergraph from " + location, e);
        }
    }

    public static Supergraph parse(String sdl) {
        Document document = parseDocument(sdl);
        Map<String, String> renames = SpecRenames.renames(document);
        if (!renames.isEmpty()) {
            document = parseDocument(SpecRenames.apply(sdl, renames));
        }
        Map<String, Subgraph> subgraphs = readGraphs(document);
        if (subgraphs.isEmpty()) {
            throw new IllegalStateException("Not a supergraph: no join__Graph enum with @join__graph values");
        }
        Map<String, TypeMeta> types = new LinkedHashMap<>();
        for (Definition<?> definition : document.getDefinitions()) {
            if (definition instanceof TypeDefinition<?> type && !isFederationType(type.getName())) {
                types.put(type.getName(), readType(type));
            }
        }
        return new Supergraph(subgraphs, types, ApiSchemaBuilder.build(document), readContexts(document));
    }

    private static Document parseDocument(String sdl) {
        return new Parser().parseDocument(ParserEnvironment.newParserEnvironment()
                .document(sdl).parserOptions(ParserOptions.getDefaultSdlParserOptions()).build());
    }

    private static Map<String, Subgraph> readGraphs(Document document) {
        Map<String, Subgraph> result = new LinkedHashMap<>();
        for (EnumTypeDefinition enumType : document.getDefinitionsOfType(EnumTypeDefinition.class)) {
            if (!enumType.getName().equals("join__Graph")) {
                continue;
            }
            for (EnumValueDefinition value : enumType.getEnumValueDefinitions()) {
                Directive graph = value.getDirectives("join__graph").stream().findFirst().orElse(null);
                String name = graph == null ? value.getName().toLowerCase() : string(graph, "name");
                String url = graph == null ? null : string(graph, "url");
                result.put(value.getName(), new Subgraph(value.getName(), name, url));
            }
        }
        return result;
    }

    private static TypeMeta readType(TypeDefinition<?> type) {
        Set<String> graphs = new LinkedHashSet<>();
        List<KeyMeta> keys = new ArrayList<>();
        Set<String> interfaceObjectGraphs = new LinkedHashSet<>();
        for (Directive joinType : type.getDirectives("join__type")) {
            String graph = enumValue(joinType, "graph");
            graphs.add(graph);
            String key = string(joinType, "key");
            if (key != null) {
                Boolean resolvable = bool(joinType, "resolvable");
                keys.add(new KeyMeta(graph, FieldSet.parse(key), resolvable == null || resolvable));
            }
            if (Boolean.TRUE.equals(bool(joinType, "isInterfaceObject"))) {
                interfaceObjectGraphs.add(graph);
            }
        }
        Map<String, FieldMeta> fields = new LinkedHashMap<>();
        List<FieldDefinition> fieldDefinitions = List.of();
        if (type instanceof ObjectTypeDefinition object) {
            fieldDefinitions = object.getFieldDefinitions();
        } else if (type instanceof InterfaceTypeDefinition iface) {
            fieldDefinitions = iface.getFieldDefinitions();
        }
        for (FieldDefinition field : fieldDefinitions) {
            fields.put(field.getName(), readField(field, graphs));
        }
        TypeMeta.Kind kind = TypeMeta.Kind.SCALAR;
        if (type instanceof ObjectTypeDefinition) {
            kind = TypeMeta.Kind.OBJECT;
        } else if (type instanceof InterfaceTypeDefinition) {
            kind = TypeMeta.Kind.INTERFACE;
        } else if (type instanceof UnionTypeDefinition) {
            kind = TypeMeta.Kind.UNION;
        } else if (type instanceof EnumTypeDefinition) {
            kind = TypeMeta.Kind.ENUM;
        } else if (type instanceof InputObjectTypeDefinition) {
            kind = TypeMeta.Kind.INPUT_OBJECT;
        }
        Map<String, Set<String>> membership = new LinkedHashMap<>();
        for (Directive implementsDirective : type.getDirectives("join__implements")) {
            membership.computeIfAbsent(enumValue(implementsDirective, "graph"), g -> new LinkedHashSet<>())
                    .add(string(implementsDirective, "interface"));
        }
        for (Directive member : type.getDirectives("join__unionMember")) {
            membership.computeIfAbsent(enumValue(member, "graph"), g -> new LinkedHashSet<>()).add(string(member, "member"));
        }
        return new TypeMeta(type.getName(), kind, graphs, keys, fields, interfaceObjectGraphs, accessRule(type), membership);
    }

    private static FieldMeta readField(FieldDefinition field, Set<String> typeGraphs) {
        List<FieldSource> sources = new ArrayList<>();
        List<Directive> joinFields = field.getDirectives("join__field");
        for (Directive joinField : joinFields) {
            String graph = enumValue(joinField, "graph");
            if (graph == null) {
                // A join__field without graph marks a field no subgraph resolves directly (e.g. interfaceObject).
                continue;
            }
            sources.add(new FieldSource(graph, FieldSet.parse(string(joinField, "requires")),
                    FieldSet.parse(string(joinField, "provides")), Boolean.TRUE.equals(bool(joinField, "external")),
                    string(joinField, "override"), Boolean.TRUE.equals(bool(joinField, "usedOverridden")),
                    joinField.getArgument("contextArguments") != null, subgraphType(joinField, field),
                    string(joinField, "overrideLabel"), string(joinField, "type"), contextArguments(joinField)));
        }
        if (joinFields.isEmpty()) {
            // No join__field: every graph defining the type resolves the field.
            for (String graph : typeGraphs) {
                sources.add(new FieldSource(graph, FieldSet.EMPTY, FieldSet.EMPTY, false, null, false, false));
            }
        }
        return new FieldMeta(field.getName(), namedType(field.getType()), List.copyOf(sources), accessRule(field));
    }

    /** {@code contextArguments: [{context, name, type, selection}]} of a {@code @join__field}. */
    private static List<ContextArgument> contextArguments(Directive joinField) {
        Argument argument = joinField.getArgument("contextArguments");
        if (argument == null) {
            return List.of();
        }
        List<Value> values = argument.getValue() instanceof ArrayValue array ? array.getValues()
                : List.of(argument.getValue());
        List<ContextArgument> result = new ArrayList<>();
        for (Value<?> value : values) {
            if (!(value instanceof ObjectValue object)) {
                continue;
            }
            Map<String, String> fields = new LinkedHashMap<>();
            for (ObjectField field : object.getObjectFields()) {
                if (field.getValue() instanceof StringValue string) {
                    fields.put(field.getName(), string.getValue());
                }
            }
            String selection = fields.getOrDefault("selection", "").trim();
            // Written as a selection set (" { currency }"); a field set has no outer braces.
            if (selection.startsWith("{") && selection.endsWith("}")) {
                selection = selection.substring(1, selection.length() - 1);
            }
            result.add(new ContextArgument(fields.get("name"), fields.get("type"), fields.get("context"), selection));
        }
        return List.copyOf(result);
    }

    /** Context name to the types declaring it ({@code @context(name:)} on an object, interface or union). */
    private static Map<String, Set<String>> readContexts(Document document) {
        Map<String, Set<String>> result = new LinkedHashMap<>();
        for (Definition<?> definition : document.getDefinitions()) {
            if (definition instanceof TypeDefinition<?> type && !isFederationType(type.getName())) {
                for (Directive context : type.getDirectives("context")) {
                    String name = string(context, "name");
                    if (name != null) {
                        result.computeIfAbsent(name, n -> new LinkedHashSet<>()).add(type.getName());
                    }
                }
            }
        }
        return result;
    }

    /** The named type in {@code @join__field(type:)} when it differs from the field's supergraph type, else null. */
    private static String subgraphType(Directive joinField, FieldDefinition field) {
        String declared = string(joinField, "type");
        if (declared == null) {
            return null;
        }
        String named = declared.replaceAll("[\\[\\]!\\s]", "");
        return named.equals(namedType(field.getType())) ? null : named;
    }

    private static AccessRule accessRule(DirectivesContainer<?> element) {
        boolean authenticated = !element.getDirectives("authenticated").isEmpty();
        List<List<String>> scopes = alternatives(element, "requiresScopes", "scopes");
        List<List<String>> policies = alternatives(element, "policy", "policies");
        return authenticated || !scopes.isEmpty() || !policies.isEmpty()
                ? new AccessRule(authenticated, scopes, policies) : AccessRule.OPEN;
    }

    /** The {@code [[String]]} argument of every {@code directive} on {@code element}: alternatives of conjunctions. */
    private static List<List<String>> alternatives(DirectivesContainer<?> element, String directive, String argumentName) {
        List<List<String>> alternatives = new ArrayList<>();
        for (Directive found : element.getDirectives(directive)) {
            Argument argument = found.getArgument(argumentName);
            if (argument != null && argument.getValue() instanceof ArrayValue outer) {
                for (Value<?> inner : outer.getValues()) {
                    List<String> conjunction = new ArrayList<>();
                    if (inner instanceof ArrayValue innerList) {
                        innerList.getValues().forEach(v -> conjunction.add(((StringValue) v).getValue()));
                    } else if (inner instanceof StringValue single) {
                        conjunction.add(single.getValue());
                    }
                    alternatives.add(List.copyOf(conjunction));
                }
            }
        }
        return List.copyOf(alternatives);
    }

    static boolean isFederationType(String name) {
        return FEDERATION_TYPES_PREFIXES.stream().anyMatch(name::startsWith);
    }

    static String namedType(Type<?> type) {
        if (type instanceof NonNullType nonNull) {
            return namedType(nonNull.getType());
        }
        if (type instanceof ListType list) {
            return namedType(list.getType());
        }
        return ((TypeName) type).getName();
    }

    private static String string(Directive directive, String argument) {
        Argument arg = directive.getArgument(argument);
        return arg != null && arg.getValue() instanceof StringValue value ? value.getValue() : null;
    }

    private static String enumValue(Directive directive, String argument) {
        Argument arg = directive.getArgument(argument);
        return arg != null && arg.getValue() instanceof EnumValue value ? value.getName() : null;
    }

    private static Boolean bool(Directive directive, String argument) {
        Argument arg = directive.getArgument(argument);
        return arg != null && arg.getValue() instanceof BooleanValue value ? value.isValue() : null;
    }
}
