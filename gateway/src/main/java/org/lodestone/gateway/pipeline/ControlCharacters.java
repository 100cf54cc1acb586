package org.lodestone.gateway.pipeline;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.Document;
import graphql.language.Node;
import graphql.language.NodeTraverser;
import graphql.language.NodeVisitorStub;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;

/**
 * Text values (in arguments and in variables) must not carry control characters other than tab, line feed and
 * carriage return: they are refused with BAD_USER_INPUT and the path of the value, before any subgraph sees them.
 */
final class ControlCharacters {

    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");

    private ControlCharacters() {
    }

    /** Refuses the first argument literal holding a control character. */
    static void checkArguments(Document document) {
        new NodeTraverser().depthFirst(new NodeVisitorStub() {
            @Override
            public TraversalControl visitArgument(Argument node, TraverserContext<Node> context) {
                check(node.getName(), node.getValue());
                return TraversalControl.CONTINUE;
            }
        }, document);
    }

    /** Refuses the first variable value holding a control character. */
    static void checkVariables(Map<String, Object> variables) {
        if (variables != null) {
            variables.forEach((name, value) -> check("$" + name, (Object) value));
        }
    }

    private static void check(String path, Value<?> value) {
        if (value instanceof StringValue s) {
            refuseIfControl(path, s.getValue());
        } else if (value instanceof ArrayValue list) {
            List<Value> values = list.getValues();
            for (int i = 0; i < values.size(); i++) {
                check(path + "[" + i + "]", values.get(i));
            }
        } else if (value instanceof ObjectValue object) {
            for (ObjectField field : object.getObjectFields()) {
                check(path + "." + field.getName(), field.getValue());
            }
        }
    }

    private static void check(String path, Object value) {
        if (value instanceof String s) {
            refuseIfControl(path, s);
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                check(path + "[" + i + "]", list.get(i));
            }
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((key, each) -> check(path + "." + key, (Object) each));
        }
    }

    private static void refuseIfControl(String path, String text) {
        Matcher control = CONTROL.matcher(text);
        if (control.find()) {
            throw RequestRejectedException.argument(path, path + ": the text contains the control character U+"
                    + String.format("%04X", (int) text.charAt(control.start())) + " at position " + control.start()
                    + "; only tab, line feed and carriage return are allowed");
        }
    }
}
