package org.vinfra.formats.compose;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.vinfra.formats.ImportCodes;
import org.vinfra.formats.ImportException;
import org.vinfra.formats.ImportReport;
import org.vinfra.formats.Position;
import org.vinfra.formats.compose.YamlTree.Entry;
import org.vinfra.formats.compose.YamlTree.Kind;
import org.vinfra.formats.compose.YamlTree.ListNode;
import org.vinfra.formats.compose.YamlTree.MapNode;
import org.vinfra.formats.compose.YamlTree.Node;
import org.vinfra.formats.compose.YamlTree.Scalar;
import org.vinfra.lang.workspace.Problem;

/**
 * Compose's interpolation: {@code $VAR}, {@code ${VAR}}, {@code ${VAR:-default}} / {@code ${VAR-default}}
 * (default when unset or empty / unset), {@code ${VAR:?message}} / {@code ${VAR?message}} (required),
 * {@code ${VAR:+other}} / {@code ${VAR+other}} (replacement when set), {@code $$} for a literal dollar.
 * Values come from the environment, then from the {@code .env} file beside the compose file; a
 * variable that is set nowhere reads as an empty string, with a warning (as docker-compose warns).
 */
public final class Interpolation {

    private final Map<String, String> variables;
    private final ImportReport report;

    public Interpolation(Map<String, String> variables, ImportReport report) {
        this.variables = variables;
        this.report = report;
    }

    /** The environment over the .env file of {@code folder} (the environment wins, as in compose). */
    public static Map<String, String> variables(Path folder, Map<String, String> environment, ImportReport report) {
        Map<String, String> variables = new LinkedHashMap<>();
        Path dotEnv = folder.resolve(".env");
        if (Files.isRegularFile(dotEnv)) {
            try {
                variables.putAll(dotEnv(dotEnv, Files.readString(dotEnv), environment, report));
            } catch (IOException e) {
                report.malformed(Position.start(dotEnv), "Cannot read the .env file: " + e.getMessage());
            }
        }
        variables.putAll(environment);
        return variables;
    }

    /** A .env file: KEY=VALUE lines, '#' comments, an optional 'export', quoted values (double quotes take \n escapes). */
    static Map<String, String> dotEnv(Path file, String text, Map<String, String> environment, ImportReport report) {
        Map<String, String> values = new LinkedHashMap<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring(7).strip();
            }
            int equals = line.indexOf('=');
            if (equals <= 0) {
                report.unsupported(new Position(file, i + 1, 1), "'" + line + "' is not KEY=VALUE; the line is skipped, as docker-compose skips it.");
                continue;
            }
            String key = line.substring(0, equals).strip();
            String raw = line.substring(equals + 1).strip();
            String value;
            if (raw.startsWith("'") && raw.lastIndexOf('\'') > 0) {
                value = raw.substring(1, raw.lastIndexOf('\''));
            } else if (raw.startsWith("\"") && raw.lastIndexOf('"') > 0) {
                value = raw.substring(1, raw.lastIndexOf('"')).replace("\\n", "\n").replace("\\\"", "\"").replace("\\\\", "\\");
                value = expand(value, key, values, environment);
            } else {
                int comment = raw.indexOf(" #");
                value = expand((comment >= 0 ? raw.substring(0, comment) : raw).strip(), key, values, environment);
            }
            values.put(key, value);
        }
        return values;
    }

    /** ${OTHER} in a .env value: earlier keys of the file, then the environment. */
    private static String expand(String value, String key, Map<String, String> earlier, Map<String, String> environment) {
        if (!value.contains("$")) {
            return value;
        }
        Map<String, String> known = new LinkedHashMap<>(earlier);
        known.putAll(environment);
        try {
            return new Interpolation(known, new ImportReport()).text(value, Position.start(Path.of(".env")));
        } catch (ImportException e) {
            return value;
        }
    }

    /** The tree with every scalar value interpolated (keys are not). */
    public Node apply(Node node) throws ImportException {
        return switch (node) {
            case Scalar scalar -> scalar.kind() == Kind.STRING && scalar.text().contains("$")
                    ? new Scalar(scalar.at(), text(scalar.text(), scalar.at()), Kind.STRING) : scalar;
            case ListNode list -> {
                List<Node> items = new ArrayList<>();
                for (Node item : list.items()) {
                    items.add(apply(item));
                }
                yield new ListNode(list.at(), items);
            }
            case MapNode map -> {
                Map<String, Entry> entries = new LinkedHashMap<>();
                for (Map.Entry<String, Entry> entry : map.entries().entrySet()) {
                    entries.put(entry.getKey(), new Entry(entry.getValue().key(), apply(entry.getValue().value())));
                }
                yield new MapNode(map.at(), entries);
            }
        };
    }

    /** One string interpolated. */
    public String text(String text, Position at) throws ImportException {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '$' || i + 1 >= text.length()) {
                out.append(c);
                i++;
                continue;
            }
            char next = text.charAt(i + 1);
            if (next == '$') {
                out.append('$');
                i += 2;
            } else if (next == '{') {
                int end = closingBrace(text, i + 2);
                if (end < 0) {
                    throw new ImportException(at, "'" + text + "' has a '${' without its '}'. Close it, or write $$ for a literal dollar.");
                }
                out.append(braced(text.substring(i + 2, end), text, at));
                i = end + 1;
            } else if (Character.isLetter(next) || next == '_') {
                int end = i + 1;
                while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
                    end++;
                }
                out.append(lookup(text.substring(i + 1, end), at));
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static int closingBrace(String text, int from) {
        int depth = 1;
        for (int i = from; i < text.length(); i++) {
            if (text.charAt(i) == '{') {
                depth++;
            } else if (text.charAt(i) == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private String braced(String expression, String whole, Position at) throws ImportException {
        int name = 0;
        while (name < expression.length() && (Character.isLetterOrDigit(expression.charAt(name)) || expression.charAt(name) == '_')) {
            name++;
        }
        String variable = expression.substring(0, name);
        if (variable.isEmpty()) {
            throw new ImportException(at, "'${" + expression + "}' in '" + whole + "' names no variable; write ${NAME} or ${NAME:-default}.");
        }
        String rest = expression.substring(name);
        if (rest.isEmpty()) {
            return lookup(variable, at);
        }
        String value = variables.get(variable);
        boolean colon = rest.startsWith(":");
        String operator = colon ? rest.substring(0, Math.min(2, rest.length())) : rest.substring(0, 1);
        String argument = rest.substring(operator.length());
        boolean unset = value == null || colon && value.isEmpty();
        return switch (operator.replace(":", "")) {
            case "-" -> unset ? text(argument, at) : value;
            case "?" -> {
                if (unset) {
                    throw new ImportException(at, "The variable " + variable + " is required here ('" + whole + "') and is not set"
                            + (argument.isEmpty() ? "" : ": " + argument) + ". Set it in the environment or in the .env file beside the compose file.");
                }
                yield value;
            }
            case "+" -> unset ? "" : text(argument, at);
            default -> throw new ImportException(at, "'${" + expression + "}' is not an interpolation compose knows: write ${NAME}, ${NAME:-default},"
                    + " ${NAME:?message} or ${NAME:+other}.");
        };
    }

    private String lookup(String variable, Position at) {
        String value = variables.get(variable);
        if (value == null) {
            report.add(at, Problem.Severity.WARNING, ImportCodes.UNSET_VARIABLE, "The variable " + variable + " is not set, so it reads as an empty"
                    + " string here (as docker-compose reads it). Set it in the environment or in the .env file beside the compose file, or"
                    + " give a default: ${" + variable + ":-value}.");
            return "";
        }
        return value;
    }
}
