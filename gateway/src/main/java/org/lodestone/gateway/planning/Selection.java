package org.lodestone.gateway.planning;

import java.util.List;

/**
 * One node of a normalized operation: fragments spread inline, {@code @skip}/{@code @include}
 * already applied. Arguments stay as GraphQL text (variables referenced as {@code $name}) so they
 * can be forwarded verbatim.
 */
public sealed interface Selection permits Selection.FieldSelection, Selection.FragmentSelection {

    /**
     * @param arguments printed arguments, e.g. {@code code: $code}; empty when none
     * @param denied true when the caller may not see the field (it resolves to null with FORBIDDEN)
     */
    record FieldSelection(String responseKey, String name, String arguments, List<Selection> selections,
            boolean denied, List<String> variables) implements Selection {

        public boolean isTypename() {
            return name.equals("__typename");
        }

        public FieldSelection deny() {
            return new FieldSelection(responseKey, name, arguments, List.of(), true, List.of());
        }

        public FieldSelection withSelections(List<Selection> newSelections) {
            return new FieldSelection(responseKey, name, arguments, newSelections, denied, variables);
        }
    }

    /**
     * @param typeCondition null for an inline fragment without type condition
     * @param defer set when the client asked to receive this fragment later ({@code @defer}), else null
     */
    record FragmentSelection(String typeCondition, List<Selection> selections, Defer defer) implements Selection {

        public FragmentSelection(String typeCondition, List<Selection> selections) {
            this(typeCondition, selections, null);
        }

        public boolean deferred() {
            return defer != null;
        }

        public FragmentSelection withSelections(List<Selection> newSelections) {
            return new FragmentSelection(typeCondition, newSelections, defer);
        }
    }

    /**
     * A deferred fragment: delivered in a later payload of an incremental response.
     *
     * @param id position of the fragment among the operation's deferred fragments, in document order
     * @param label the client's label, or null
     */
    record Defer(int id, String label) {
    }
}
