package org.lodestone.gateway.planning;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import graphql.language.AstPrinter;
import graphql.language.OperationDefinition;
import graphql.language.VariableDefinition;

import org.lodestone.gateway.supergraph.FieldSet;

/** One {@link Fetch} being assembled: a root selection, or the {@code _entities} calls of one subgraph at one level. */
final class FetchBuilder {

    final int id;
    final String graph;
    final int level;
    /** The deferred fragment this fetch serves, or null for the initial part. */
    final Selection.Defer defer;
    final ForwardedSelection rootSelection = new ForwardedSelection();
    final List<String> rootKeys = new ArrayList<>();
    private final Map<String, JumpBuilder> jumps = new LinkedHashMap<>();

    FetchBuilder(int id, String graph, int level, Selection.Defer defer) {
        this.id = id;
        this.graph = graph;
        this.level = level;
        this.defer = defer;
    }

    /** The {@code _entities} call for objects of {@code typeName} at {@code path}, created on first use. */
    JumpBuilder jump(String typeName, List<String> path) {
        return jumps.computeIfAbsent(jumpKey(typeName, path), k -> new JumpBuilder(typeName, path));
    }

    boolean hasJump(String typeName, List<String> path) {
        return jumps.containsKey(jumpKey(typeName, path));
    }

    private static String jumpKey(String typeName, List<String> path) {
        return typeName + "@" + String.join(".", path);
    }

    Fetch build(NormalizedOperation operation, String subgraphName) {
        Set<String> variables = new LinkedHashSet<>();
        StringBuilder body = new StringBuilder();
        List<EntityJump> builtJumps = new ArrayList<>();
        List<String> declarations = new ArrayList<>();
        if (jumps.isEmpty()) {
            rootSelection.collectVariables(variables);
            rootSelection.print(body);
        } else {
            printEntityCalls(body, variables, declarations, builtJumps);
        }
        for (String variable : variables) {
            VariableDefinition definition = operation.variableDefinitions().get(variable);
            declarations.add(AstPrinter.printAstCompact(definition));
        }
        String keyword = jumps.isEmpty() && operation.type() == OperationDefinition.Operation.MUTATION
                ? "mutation" : "query";
        String header = declarations.isEmpty() ? keyword
                : keyword + declarations.stream().collect(Collectors.joining(",", "(", ")"));
        return new Fetch(id, graph, subgraphName, level, header + body, List.copyOf(variables), List.copyOf(rootKeys),
                List.copyOf(builtJumps));
    }

    /**
     * Calls for the same type and representation share one representations list (their selections united
     * when no response key clashes), so an object reached through several paths is sent once.
     */
    private void printEntityCalls(StringBuilder body, Set<String> variables, List<String> declarations,
            List<EntityJump> builtJumps) {
        body.append('{');
        Map<String, List<JumpBuilder>> merged = new LinkedHashMap<>();
        Map<String, ForwardedSelection> unitedSelections = new LinkedHashMap<>();
        for (JumpBuilder jump : jumps.values()) {
            String base = jump.typeName + "|" + jump.representation + "|" + jump.representationKeys;
            String groupKey = null;
            for (int attempt = 0; groupKey == null; attempt++) {
                String candidate = base + "|" + attempt;
                ForwardedSelection united = unitedSelections.computeIfAbsent(candidate, k -> new ForwardedSelection());
                if (united.canMerge(jump.selection)) {
                    united.merge(jump.selection);
                    groupKey = candidate;
                }
            }
            merged.computeIfAbsent(groupKey, k -> new ArrayList<>()).add(jump);
        }
        int index = 0;
        for (Map.Entry<String, List<JumpBuilder>> entry : merged.entrySet()) {
            List<JumpBuilder> group = entry.getValue();
            JumpBuilder jump = group.get(0);
            ForwardedSelection selection = unitedSelections.get(entry.getKey());
            selection.collectVariables(variables);
            String variable = merged.size() == 1 ? "representations" : "representations" + index;
            String alias = merged.size() == 1 ? "_entities" : "_" + index;
            declarations.add("$" + variable + ":[_Any!]!");
            List<ContextValue> contexts = group.stream().flatMap(j -> j.contexts.stream()).toList();
            contexts.forEach(c -> declarations.add("$" + c.variable() + ":" + c.type()));
            if (index > 0) {
                body.append(' ');
            }
            if (merged.size() > 1) {
                body.append(alias).append(':');
            }
            body.append("_entities(representations:$").append(variable).append("){...on ").append(jump.typeName);
            selection.print(body);
            body.append('}');
            builtJumps.add(new EntityJump(alias, variable, jump.typeName, group.stream().map(j -> j.path).toList(),
                    jump.representation, jump.key, Map.copyOf(jump.representationKeys), selection.fieldKeys(),
                    List.copyOf(contexts)));
            index++;
        }
        body.append('}');
    }

    /** One {@code _entities} call being assembled. */
    static final class JumpBuilder {
        final String typeName;
        final List<String> path;
        final ForwardedSelection selection = new ForwardedSelection();
        FieldSet representation = FieldSet.EMPTY;
        FieldSet key = FieldSet.EMPTY;
        /** Representation fields the parent selection had to alias (field name to response key). */
        final Map<String, String> representationKeys = new LinkedHashMap<>();
        /** {@code @fromContext} arguments this call passes. */
        final List<ContextValue> contexts = new ArrayList<>();

        JumpBuilder(String typeName, List<String> path) {
            this.typeName = typeName;
            this.path = List.copyOf(path);
        }

        /** Adds key fields (and {@code @requires} fields) to what each representation carries. */
        void addRepresentation(FieldSet keyFields, FieldSet requires) {
            representation = representation.union(keyFields).union(requires);
            key = key.union(keyFields);
        }
    }
}
