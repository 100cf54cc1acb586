package org.lodestone.gateway.supergraph;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import graphql.language.Argument;
import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.SchemaDefinition;
import graphql.language.StringValue;

/**
 * A supergraph may give a linked spec another name: {@code @link(url: "https://specs.apollo.dev/join/v0.4", as: "j")}
 * makes the join directives {@code @j__field}, {@code @j__type} and the enum {@code j__Graph}; an
 * {@code inaccessible} spec linked {@code as: "hidden"} makes its directive {@code @hidden}. The loader reads the
 * default names, so this rewrites the SDL's names (never the text of strings, descriptions or comments) back to them.
 */
final class SpecRenames {

    /** The spec a {@code @link} URL names: the path segment before the version, e.g. {@code join} in {@code .../join/v0.4}. */
    private static final Pattern SPEC_URL = Pattern.compile("/([A-Za-z_][A-Za-z0-9_]*)/v\\d+\\.\\d+/?$");

    private SpecRenames() {
    }

    /** The renamed prefixes in {@code document}'s schema links: local name to the spec's default name. */
    static Map<String, String> renames(Document document) {
        Map<String, String> renames = new LinkedHashMap<>();
        for (SchemaDefinition schema : document.getDefinitionsOfType(SchemaDefinition.class)) {
            for (Directive link : schema.getDirectives("link")) {
                String url = string(link, "url");
                String as = string(link, "as");
                if (url == null || as == null) {
                    continue;
                }
                Matcher spec = SPEC_URL.matcher(url);
                if (spec.find() && !spec.group(1).equals(as)) {
                    renames.put(as, spec.group(1));
                }
            }
        }
        return renames;
    }

    /** {@code sdl} with every name {@code @<local>} or {@code <local>__...} given its spec's default name. */
    static String apply(String sdl, Map<String, String> renames) {
        if (renames.isEmpty()) {
            return sdl;
        }
        StringBuilder out = new StringBuilder(sdl.length());
        int i = 0;
        while (i < sdl.length()) {
            char c = sdl.charAt(i);
            if (c == '#') {
                int end = sdl.indexOf('\n', i);
                end = end < 0 ? sdl.length() : end;
                out.append(sdl, i, end);
                i = end;
            } else if (sdl.startsWith("\"\"\"", i)) {
                int end = sdl.indexOf("\"\"\"", i + 3);
                end = end < 0 ? sdl.length() : end + 3;
                out.append(sdl, i, end);
                i = end;
            } else if (c == '"') {
                int end = i + 1;
                while (end < sdl.length() && sdl.charAt(end) != '"' && sdl.charAt(end) != '\n') {
                    end += sdl.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(end + 1, sdl.length());
                out.append(sdl, i, end);
                i = end;
            } else if (isNameStart(c)) {
                int end = i;
                while (end < sdl.length() && isNamePart(sdl.charAt(end))) {
                    end++;
                }
                out.append(rename(sdl.substring(i, end), i > 0 && sdl.charAt(i - 1) == '@', renames));
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static String rename(String name, boolean directive, Map<String, String> renames) {
        int separator = name.indexOf("__");
        if (separator > 0 && renames.containsKey(name.substring(0, separator))) {
            return renames.get(name.substring(0, separator)) + name.substring(separator);
        }
        if (directive && renames.containsKey(name)) {
            return renames.get(name);
        }
        return name;
    }

    private static boolean isNameStart(char c) {
        return c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    private static boolean isNamePart(char c) {
        return isNameStart(c) || (c >= '0' && c <= '9');
    }

    private static String string(Directive directive, String argument) {
        Argument arg = directive.getArgument(argument);
        return arg != null && arg.getValue() instanceof StringValue value ? value.getValue() : null;
    }
}
