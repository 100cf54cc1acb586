package org.lodestone.gateway.planning;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.lodestone.gateway.supergraph.FieldSet;

/** A selection set being assembled for one subgraph; same response keys merge. */
final class ForwardedSelection {

    /**
     * Prefix of the alias given to a field in one type condition whose type in the subgraph differs from the field
     * under the same response key in a sibling type condition ({@code ... on A { code } ... on B { code }} with
     * {@code String!} and {@code String}), which the subgraph's validation would refuse. The executor renames such
     * keys back ({@code _lodestoneT_code} to {@code code}) in the subgraph's answer. Distinct from
     * {@link #INTERNAL_ALIAS_PREFIX}, whose aliases are kept.
     */
    static final String TYPED_ALIAS_PREFIX = Fetch.TYPED_ALIAS_PREFIX;

    private final Map<String, ForwardedField> fields = new LinkedHashMap<>();
    private final Map<String, ForwardedSelection> fragments = new LinkedHashMap<>();
    private final ForwardedSelection parent;

    ForwardedSelection() {
        this(null);
    }

    private ForwardedSelection(ForwardedSelection parent) {
        this.parent = parent;
    }

    ForwardedField field(String responseKey, String name, String arguments, List<String> variables) {
        return fields.computeIfAbsent(responseKey, k -> new ForwardedField(responseKey, name, arguments, variables));
    }

    /**
     * As {@link #field(String, String, String, List)}, for a field whose whole type in the subgraph is
     * {@code type}: aliased with {@link #TYPED_ALIAS_PREFIX} when a sibling type condition (or the enclosing
     * selection) has the response key with another type.
     */
    ForwardedField typedField(String responseKey, String name, String arguments, List<String> variables, String type) {
        String key = parent != null && parent.conflicts(this, responseKey, type) ? TYPED_ALIAS_PREFIX + responseKey
                : responseKey;
        ForwardedField field = field(key, name, arguments, variables);
        field.type = type;
        return field;
    }

    /** True when the response key has another type here or in a type condition other than {@code except}. */
    private boolean conflicts(ForwardedSelection except, String responseKey, String type) {
        ForwardedField own = fields.get(responseKey);
        if (own != null && own.type != null && !own.type.equals(type)) {
            return true;
        }
        for (ForwardedSelection fragment : fragments.values()) {
            ForwardedField sibling = fragment == except ? null : fragment.fields.get(responseKey);
            if (sibling != null && sibling.type != null && !sibling.type.equals(type)) {
                return true;
            }
        }
        return false;
    }

    ForwardedField field(String name) {
        return field(name, name, "", List.of());
    }

    ForwardedSelection fragment(String typeCondition) {
        return fragments.computeIfAbsent(typeCondition, k -> new ForwardedSelection(this));
    }

    /** Prefix of the alias used when the client already uses a field's name as a response key for something else. */
    static final String INTERNAL_ALIAS_PREFIX = "_lodestone_";

    /**
     * Adds key or {@code @requires} fields the gateway needs for itself.
     *
     * @return field name to response key, for the top-level fields that had to be aliased
     */
    Map<String, String> addFieldSet(FieldSet fieldSet) {
        Map<String, String> aliased = new LinkedHashMap<>();
        fieldSet.fields().forEach((name, child) -> {
            String key = responseKeyFor(name);
            if (!key.equals(name)) {
                aliased.put(name, key);
            }
            ForwardedField field = field(key, name, "", List.of());
            if (!child.isEmpty()) {
                field.selection().addFieldSet(child);
            }
        });
        return aliased;
    }

    /** The response key under which plain field {@code name} can be added without clashing. */
    String responseKeyFor(String name) {
        ForwardedField existing = fields.get(name);
        boolean clash = existing != null && (!existing.name.equals(name) || !existing.arguments.isEmpty());
        return clash ? INTERNAL_ALIAS_PREFIX + name : name;
    }

    /** True when {@code other} can be folded into this selection without a response key meaning two things. */
    boolean canMerge(ForwardedSelection other) {
        for (ForwardedField theirs : other.fields.values()) {
            ForwardedField mine = fields.get(theirs.responseKey);
            if (mine == null) {
                continue;
            }
            if (!mine.name.equals(theirs.name) || !mine.arguments.equals(theirs.arguments)) {
                return false;
            }
            if (mine.selection != null && theirs.selection != null && !mine.selection.canMerge(theirs.selection)) {
                return false;
            }
        }
        for (Map.Entry<String, ForwardedSelection> fragment : other.fragments.entrySet()) {
            ForwardedSelection mine = fragments.get(fragment.getKey());
            if (mine != null && !mine.canMerge(fragment.getValue())) {
                return false;
            }
        }
        return true;
    }

    /** Folds {@code other} into this selection (check {@link #canMerge} first). */
    void merge(ForwardedSelection other) {
        for (ForwardedField theirs : other.fields.values()) {
            ForwardedField mine = field(theirs.responseKey, theirs.name, theirs.arguments, theirs.variables);
            if (theirs.selection != null) {
                mine.selection().merge(theirs.selection);
            }
        }
        other.fragments.forEach((type, selection) -> fragment(type).merge(selection));
    }

    boolean isEmpty() {
        return fields.isEmpty() && fragments.isEmpty();
    }

    List<String> fieldKeys() {
        return List.copyOf(fields.keySet());
    }

    void collectVariables(Set<String> into) {
        for (ForwardedField field : fields.values()) {
            into.addAll(field.variables);
            if (field.selection != null) {
                field.selection.collectVariables(into);
            }
        }
        fragments.values().forEach(f -> f.collectVariables(into));
    }

    void print(StringBuilder out) {
        out.append('{');
        boolean first = true;
        for (ForwardedField field : fields.values()) {
            if (!first) {
                out.append(' ');
            }
            first = false;
            if (!field.responseKey.equals(field.name)) {
                out.append(field.responseKey).append(':');
            }
            out.append(field.name);
            if (!field.arguments.isEmpty()) {
                out.append('(').append(field.arguments).append(')');
            }
            if (field.selection != null && !field.selection.isEmpty()) {
                field.selection.print(out);
            }
        }
        for (Map.Entry<String, ForwardedSelection> fragment : fragments.entrySet()) {
            if (!first) {
                out.append(' ');
            }
            first = false;
            out.append("...on ").append(fragment.getKey());
            fragment.getValue().print(out);
        }
        out.append('}');
    }

    static final class ForwardedField {
        private final String responseKey;
        private final String name;
        private final String arguments;
        private final List<String> variables;
        private ForwardedSelection selection;
        /** The field's whole type in the subgraph, when the planner gave it. */
        private String type;

        private ForwardedField(String responseKey, String name, String arguments, List<String> variables) {
            this.responseKey = responseKey;
            this.name = name;
            this.arguments = arguments;
            this.variables = variables;
        }

        ForwardedSelection selection() {
            if (selection == null) {
                selection = new ForwardedSelection();
            }
            return selection;
        }
    }
}
