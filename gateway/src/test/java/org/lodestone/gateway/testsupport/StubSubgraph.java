package org.lodestone.gateway.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.ExecutionInput;
import graphql.GraphQL;
import graphql.language.Definition;
import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.EnumTypeDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.ScalarTypeDefinition;
import graphql.language.SchemaExtensionDefinition;
import graphql.language.StringValue;
import graphql.language.UnionTypeDefinition;
import graphql.parser.Parser;
import graphql.schema.Coercing;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.TypeResolver;
import graphql.schema.idl.FieldWiringEnvironment;
import graphql.schema.idl.InterfaceWiringEnvironment;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnionWiringEnvironment;
import graphql.schema.idl.WiringFactory;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;

/**
 * A subgraph for tests: a plain Vert.x HTTP server on a random port that executes the subgraph's
 * own SDL (federation directives stripped, {@code _entities} added) over canned JSON data with
 * graphql-java, and records every request it receives. It can be told to fail, stall or add errors.
 *
 * <p>Canned data: {@code {"Query": {field: value}, "Mutation": {...}, "entities": {Type: {keyValue: object}}}};
 * entity references anywhere ({@code {"code": "JP"}}) are completed from {@code entities}. A field value
 * {@code {"$byArgument": {"EUR": ..., "USD": ...}}} answers by the value of the field's one argument.
 */
public final class StubSubgraph implements AutoCloseable {

    /** {@code DELAY}: answers normally after {@link #delay(long)} milliseconds. */
    public enum Mode { NORMAL, FAIL_500, STALL, GRAPHQL_ERROR, DELAY }

    /** @param sequence global arrival order across all stubs */
    public record Received(long sequence, String query, Map<String, Object> variables, String authorization) {
    }

    private static final java.util.concurrent.atomic.AtomicLong SEQUENCE = new java.util.concurrent.atomic.AtomicLong();

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Vertx VERTX = Vertx.vertx();

    private final String name;
    private final GraphQL graphQL;
    private final Map<String, Object> data;
    private final Map<String, String> keyFields = new LinkedHashMap<>();
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private final HttpServer server;
    private volatile Mode mode = Mode.NORMAL;
    private volatile Map<String, Object> injectedError;
    private volatile long delayMillis;

    private StubSubgraph(String name, String sdl, Map<String, Object> data) {
        this.name = name;
        this.data = data;
        this.graphQL = GraphQL.newGraphQL(schema(sdl)).build();
        this.server = VERTX.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
          try {
            Map<String, Object> payload;
            try {
                payload = MAPPER.readValue(body.getBytes(), new TypeReference<>() {
                });
            } catch (IOException e) {
                request.response().setStatusCode(400).end();
                return;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> variables = payload.get("variables") == null ? Map.of()
                    : (Map<String, Object>) payload.get("variables");
            received.add(new Received(SEQUENCE.incrementAndGet(), (String) payload.get("query"), variables, request.getHeader("Authorization")));
            switch (mode) {
                case FAIL_500 -> request.response().setStatusCode(503).end("down for maintenance");
                case STALL -> VERTX.setTimer(5000, id -> request.response().end("{}"));
                case DELAY -> VERTX.setTimer(delayMillis, id -> answer(request, payload, variables));
                default -> answer(request, payload, variables);
            }
          } catch (RuntimeException e) {
            e.printStackTrace();
            request.response().setStatusCode(500).end(String.valueOf(e));
          }
        }));
        try {
            server.listen(0).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start stub " + name, e);
        }
    }

    private void answer(io.vertx.core.http.HttpServerRequest request, Map<String, Object> payload,
            Map<String, Object> variables) {
        Map<String, Object> result = graphQL.execute(ExecutionInput.newExecutionInput((String) payload.get("query"))
                .variables(variables).build()).toSpecification();
        if (mode == Mode.GRAPHQL_ERROR && injectedError != null) {
            result = new LinkedHashMap<>(result);
            result.put("errors", List.of(injectedError));
        }
        try {
            request.response().putHeader("Content-Type", "application/json").end(MAPPER.writeValueAsString(result));
        } catch (IOException e) {
            request.response().setStatusCode(500).end();
        }
    }

    /** Starts {@code subgraphs/<group>/<name>.graphql} with data {@code subgraphs/<group>/<name>.json}. */
    public static StubSubgraph start(String group, String name) {
        return start(name, resource("subgraphs/" + group + "/" + name + ".graphql"),
                resource("subgraphs/" + group + "/" + name + ".json"));
    }

    public static StubSubgraph start(String name, String sdl, String json) {
        try {
            return new StubSubgraph(name, sdl, MAPPER.readValue(json, new TypeReference<Map<String, Object>>() {
            }));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String resource(String path) {
        try (InputStream in = StubSubgraph.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String name() {
        return name;
    }

    public String url() {
        return "http://localhost:" + server.actualPort() + "/graphql";
    }

    public List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    public int requestCount() {
        return received.size();
    }

    public void reset() {
        received.clear();
        mode = Mode.NORMAL;
        injectedError = null;
    }

    public void mode(Mode newMode) {
        this.mode = newMode;
    }

    /** Answers every request normally, {@code millis} after it arrived. */
    public void delay(long millis) {
        this.delayMillis = millis;
        this.mode = Mode.DELAY;
    }

    public void failWith(Map<String, Object> error) {
        this.injectedError = error;
        this.mode = Mode.GRAPHQL_ERROR;
    }

    @Override
    public void close() {
        server.close();
    }

    private GraphQLSchema schema(String sdl) {
        Document document = Parser.parse(sdl);
        List<Definition> definitions = new ArrayList<>();
        List<String> entities = new ArrayList<>();
        for (Definition<?> definition : document.getDefinitions()) {
            if (definition instanceof SchemaExtensionDefinition || definition instanceof graphql.language.SchemaDefinition
                    || definition instanceof graphql.language.TypeDefinition<?> type && type.getName().startsWith("_")) {
                // Federation plumbing is re-added below, the same way for every subgraph.
                continue;
            }
            if (definition instanceof ObjectTypeDefinition object) {
                for (Directive key : object.getDirectives("key")) {
                    // Several keys: one _Entity member; lookups use the last key's field.
                    if (!entities.contains(object.getName())) {
                        entities.add(object.getName());
                    }
                    keyFields.put(object.getName(), ((StringValue) key.getArgument("fields").getValue()).getValue());
                }
                definitions.add(object.transform(b -> b.directives(List.of()).fieldDefinitions(strip(object.getFieldDefinitions()))));
            } else if (definition instanceof InterfaceTypeDefinition iface) {
                for (Directive key : iface.getDirectives("key")) {
                    keyFields.put(iface.getName(), ((StringValue) key.getArgument("fields").getValue()).getValue());
                }
                definitions.add(iface.transform(b -> b.directives(List.of()).definitions(strip(iface.getFieldDefinitions()))));
            } else if (definition instanceof UnionTypeDefinition union) {
                definitions.add(union.transform(b -> b.directives(List.of())));
            } else if (definition instanceof EnumTypeDefinition enumType) {
                definitions.add(enumType.transform(b -> b.directives(List.of()).enumValueDefinitions(enumType.getEnumValueDefinitions()
                        .stream().map(v -> v.transform(vb -> vb.directives(List.of()))).toList())));
            } else if (definition instanceof InputObjectTypeDefinition input) {
                definitions.add(input.transform(b -> b.directives(List.of())));
            } else if (definition instanceof ScalarTypeDefinition scalar) {
                definitions.add(scalar.transform(b -> b.directives(List.of())));
            }
        }
        TypeDefinitionRegistry registry = new SchemaParser().buildRegistry(Document.newDocument().definitions(definitions).build());
        registry.merge(new SchemaParser().parse("scalar _Any\nunion _Entity = " + String.join(" | ", entities)
                + (registry.getType("Query").isPresent() ? "\nextend" : "\n") + " type Query { _entities(representations: [_Any!]!): [_Entity]! }"));
        RuntimeWiring.Builder wiring = RuntimeWiring.newRuntimeWiring().wiringFactory(new StubWiring());
        for (ScalarTypeDefinition scalar : registry.scalars().values().stream()
                .filter(s -> !List.of("Int", "Float", "String", "Boolean", "ID").contains(s.getName())).toList()) {
            wiring.scalar(passThrough(scalar.getName()));
        }
        return new SchemaGenerator().makeExecutableSchema(registry, wiring.build());
    }

    private static List<FieldDefinition> strip(List<FieldDefinition> fields) {
        return fields.stream().filter(f -> !f.getName().startsWith("_"))
                .map(f -> f.transform(b -> b.directives(List.of()).inputValueDefinitions(f.getInputValueDefinitions().stream()
                        .map(i -> i.transform(ib -> ib.directives(List.of()))).toList())))
                .toList();
    }

    private static GraphQLScalarType passThrough(String name) {
        return GraphQLScalarType.newScalar().name(name).coercing(new Coercing<Object, Object>() {
            @Override
            public Object serialize(Object input) {
                return input;
            }

            @Override
            public Object parseValue(Object input) {
                return input;
            }

            @Override
            public Object parseLiteral(Object input) {
                return input instanceof StringValue s ? s.getValue() : input;
            }
        }).build();
    }

    private final class StubWiring implements WiringFactory {
        private final TypeResolver byTypename = env -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> object = (Map<String, Object>) env.getObject();
            return env.getSchema().getObjectType((String) object.get("__typename"));
        };

        @Override
        public boolean providesTypeResolver(InterfaceWiringEnvironment environment) {
            return true;
        }

        @Override
        public TypeResolver getTypeResolver(InterfaceWiringEnvironment environment) {
            return byTypename;
        }

        @Override
        public boolean providesTypeResolver(UnionWiringEnvironment environment) {
            return true;
        }

        @Override
        public TypeResolver getTypeResolver(UnionWiringEnvironment environment) {
            return byTypename;
        }

        @Override
        public DataFetcher<?> getDefaultDataFetcher(FieldWiringEnvironment environment) {
            return StubSubgraph.this::fetch;
        }
    }

    @SuppressWarnings("unchecked")
    private Object fetch(DataFetchingEnvironment env) {
        String field = env.getField().getName();
        GraphQLObjectType parent = (GraphQLObjectType) env.getParentType();
        Object value;
        if (field.equals("_entities")) {
            List<Object> result = new ArrayList<>();
            for (Object representation : (List<Object>) env.getArgument("representations")) {
                Map<String, Object> rep = (Map<String, Object>) representation;
                Map<String, Object> entity = lookup((String) rep.get("__typename"), rep);
                if (entity != null) {
                    Map<String, Object> merged = new LinkedHashMap<>(rep);
                    merged.putAll(entity);
                    result.add(merged);
                } else {
                    result.add(null);
                }
            }
            return result;
        }
        if (parent.getName().equals("Query") || parent.getName().equals("Mutation")) {
            Map<String, Object> root = (Map<String, Object>) data.getOrDefault(parent.getName(), Map.of());
            value = root.get(field);
            if (value == null && !root.containsKey(field) && !env.getArguments().isEmpty()) {
                // country(code: "JP"), mineral(id: "lithium"): look the entity up by its key argument.
                value = lookup(named(env.getFieldType()), env.getArguments());
            }
        } else {
            value = ((Map<String, Object>) env.getSource()).get(field);
        }
        if (value instanceof Map<?, ?> byArgument && byArgument.containsKey("$byArgument")) {
            // {"$byArgument": {"EUR": ...}}: the answer depends on the field's one argument value.
            Object argument = env.getArguments().values().stream().findFirst().orElse(null);
            value = ((Map<String, Object>) byArgument.get("$byArgument")).get(String.valueOf(argument));
        }
        return complete(env.getFieldType(), value);
    }

    @SuppressWarnings("unchecked")
    private Object complete(GraphQLType type, Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(item -> complete(type, item)).toList();
        }
        if (value instanceof Map<?, ?> map) {
            String typeName = named(type);
            Map<String, Object> object = new LinkedHashMap<>((Map<String, Object>) map);
            object.putIfAbsent("__typename", typeName);
            Map<String, Object> entity = lookup((String) object.get("__typename"), object);
            if (entity != null) {
                Map<String, Object> merged = new LinkedHashMap<>(entity);
                merged.putAll(object);
                return merged;
            }
            return object;
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> lookup(String typeName, Map<String, Object> keySource) {
        String key = keyFields.get(typeName);
        Map<String, Object> byType = (Map<String, Object>) ((Map<String, Object>) data.getOrDefault("entities", Map.of()))
                .get(typeName);
        if (key == null || byType == null || keySource.get(key) == null) {
            return null;
        }
        Map<String, Object> entity = (Map<String, Object>) byType.get(String.valueOf(keySource.get(key)));
        if (entity == null) {
            return null;
        }
        Map<String, Object> result = new LinkedHashMap<>(entity);
        result.putIfAbsent("__typename", typeName);
        result.putIfAbsent(key, keySource.get(key));
        return result;
    }

    private static String named(GraphQLType type) {
        while (type instanceof GraphQLNonNull || type instanceof GraphQLList) {
            type = type instanceof GraphQLNonNull nonNull ? nonNull.getWrappedType() : ((GraphQLList) type).getWrappedType();
        }
        return ((GraphQLNamedType) type).getName();
    }

}
