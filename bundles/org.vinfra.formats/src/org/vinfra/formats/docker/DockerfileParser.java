package org.vinfra.formats.docker;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.vinfra.formats.ImportException;
import org.vinfra.formats.Position;

/**
 * A Dockerfile read as BuildKit reads it: parser directives at the top ({@code # syntax=},
 * {@code # escape=}, {@code # check=}), comment lines dropped (also inside continued lines), lines
 * ending in the escape character joined (the next line keeps its leading white space), heredocs of
 * RUN, COPY and ADD ({@code <<EOT} ... {@code EOT}, {@code <<-EOT} strips leading tabs from the
 * terminator), and each instruction split into its keyword, its {@code --flags} and its arguments.
 */
public final class DockerfileParser {

    private static final Pattern DIRECTIVE = Pattern.compile("^#\\s*([a-zA-Z][a-zA-Z0-9]*)\\s*=\\s*(.+?)\\s*$");
    private static final Pattern HEREDOC = Pattern.compile("^(\\d*)<<(-?)\\s*([^<]*)$");
    private static final java.util.Set<String> HEREDOC_INSTRUCTIONS = java.util.Set.of("RUN", "COPY", "ADD");

    /** A heredoc: its terminator, whether it was quoted (no variable expansion), whether tabs are stripped ({@code <<-}), and its lines. */
    public record Heredoc(String name, boolean quoted, boolean chomp, String content) {
    }

    /**
     * One instruction: where it starts, its keyword (upper case), its flags as written
     * ({@code --from=build}), its arguments (continuations joined) and its heredocs.
     */
    public record Instruction(int line, String keyword, List<String> flags, String arguments, List<Heredoc> heredocs) {

        /** The value of a flag ({@code --from=build} is "build"; {@code --link} is ""), or null. */
        public String flag(String name) {
            for (String flag : flags) {
                String bare = flag.substring(2);
                int equals = bare.indexOf('=');
                if ((equals < 0 ? bare : bare.substring(0, equals)).equals(name)) {
                    return equals < 0 ? "" : unquote(bare.substring(equals + 1));
                }
            }
            return null;
        }

        public List<String> flagValues(String name) {
            List<String> values = new ArrayList<>();
            for (String flag : flags) {
                String bare = flag.substring(2);
                int equals = bare.indexOf('=');
                if ((equals < 0 ? bare : bare.substring(0, equals)).equals(name)) {
                    values.add(equals < 0 ? "" : unquote(bare.substring(equals + 1)));
                }
            }
            return values;
        }

        public List<String> flagNames() {
            return flags.stream().map(f -> f.substring(2).replaceFirst("=.*", "")).toList();
        }
    }

    /** The parsed file: its directives, in order, and its instructions. */
    public record Dockerfile(Map<String, String> directives, char escape, List<Instruction> instructions) {
    }

    private DockerfileParser() {
    }

    public static Dockerfile parse(Path file, String text) throws ImportException {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<String> lines = new ArrayList<>(List.of(body.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        Map<String, String> directives = new LinkedHashMap<>();
        int index = 0;
        for (; index < lines.size(); index++) {
            Matcher matcher = DIRECTIVE.matcher(trimNewline(lines.get(index)).strip());
            if (!matcher.matches()) {
                break;
            }
            String name = matcher.group(1).toLowerCase(Locale.ROOT);
            if (directives.containsKey(name)) {
                throw new ImportException(new Position(file, index + 1, 1), "The parser directive '" + name + "' is written twice; keep one.");
            }
            directives.put(name, matcher.group(2));
        }
        char escape = '\\';
        if (directives.containsKey("escape")) {
            String value = directives.get("escape");
            if (!value.equals("`") && !value.equals("\\")) {
                throw new ImportException(new Position(file, 1, 1), "The escape directive takes \\ or ` (a backtick), not '" + value + "'.");
            }
            escape = value.charAt(0);
        }
        Pattern continuation = Pattern.compile("([^\\" + escape + "])\\" + escape + "[ \\t]*$|^\\" + escape + "[ \\t]*$");
        List<Instruction> instructions = new ArrayList<>();
        while (index < lines.size()) {
            String raw = trimNewline(lines.get(index));
            int start = index + 1;
            index++;
            String line = raw.stripLeading();
            if (line.startsWith("#") || line.isEmpty()) {
                continue;
            }
            StringBuilder joined = new StringBuilder();
            boolean end = true;
            Matcher matcher = continuation.matcher(line);
            if (matcher.find()) {
                line = matcher.replaceFirst("$1");
                end = false;
            }
            joined.append(line);
            while (!end && index < lines.size()) {
                String next = trimNewline(lines.get(index));
                index++;
                if (next.stripLeading().startsWith("#")) {
                    continue;
                }
                if (next.isBlank()) {
                    continue;
                }
                Matcher more = continuation.matcher(next);
                if (more.find()) {
                    next = more.replaceFirst("$1");
                } else {
                    end = true;
                }
                joined.append(next);
            }
            String whole = joined.toString();
            String[] split = whole.strip().split("[\\t\\u000B\\f\\r ]+", 2);
            String keyword = split[0].toUpperCase(Locale.ROOT);
            String rest = split.length > 1 ? split[1] : "";
            List<String> flags = new ArrayList<>();
            rest = extractFlags(rest, flags);
            List<Heredoc> heredocs = new ArrayList<>();
            String heredocLine = keyword.equals("ONBUILD") ? onbuildInner(rest) : rest;
            boolean canHaveHeredocs = HEREDOC_INSTRUCTIONS.contains(keyword) || keyword.equals("ONBUILD")
                    && HEREDOC_INSTRUCTIONS.contains(heredocLine.strip().split("\\s+", 2)[0].toUpperCase(Locale.ROOT));
            if (canHaveHeredocs && whole.contains("<<")) {
                for (String word : words(heredocLine)) {
                    Matcher heredoc = HEREDOC.matcher(word);
                    if (!heredoc.matches() || heredoc.group(3).isEmpty()) {
                        continue;
                    }
                    String name = heredoc.group(3);
                    boolean quoted = name.length() >= 2 && (name.startsWith("\"") && name.endsWith("\"") || name.startsWith("'") && name.endsWith("'"));
                    if (quoted) {
                        name = name.substring(1, name.length() - 1);
                    }
                    boolean chomp = !heredoc.group(2).isEmpty();
                    StringBuilder content = new StringBuilder();
                    boolean terminated = false;
                    while (index < lines.size()) {
                        String contentLine = lines.get(index);
                        index++;
                        String candidate = trimNewline(contentLine);
                        if (chomp) {
                            candidate = candidate.replaceFirst("^\\t+", "");
                        }
                        if (candidate.equals(name)) {
                            terminated = true;
                            break;
                        }
                        content.append(contentLine).append('\n');
                    }
                    if (!terminated) {
                        throw new ImportException(new Position(file, start, 1), "The heredoc <<" + name + " is never ended: add a line with " + name
                                + " alone after its content.");
                    }
                    heredocs.add(new Heredoc(name, quoted, chomp, content.toString()));
                }
            }
            instructions.add(new Instruction(start, keyword, List.copyOf(flags), rest, List.copyOf(heredocs)));
        }
        return new Dockerfile(directives, escape, instructions);
    }

    private static String trimNewline(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    private static String onbuildInner(String rest) {
        return rest.strip().contains(" ") ? rest.strip().substring(rest.strip().indexOf(' ') + 1) : "";
    }

    /** Leading {@code --name[=value]} words of the arguments, as BuildKit takes them; the rest of the arguments is returned. */
    static String extractFlags(String arguments, List<String> flags) {
        String rest = arguments.stripLeading();
        while (rest.startsWith("--")) {
            int end = 0;
            char quote = 0;
            while (end < rest.length()) {
                char c = rest.charAt(end);
                if (quote != 0) {
                    if (c == quote) {
                        quote = 0;
                    }
                } else if (c == '"' || c == '\'') {
                    quote = c;
                } else if (Character.isWhitespace(c)) {
                    break;
                }
                end++;
            }
            String flag = rest.substring(0, end);
            if (flag.equals("--")) {
                rest = rest.substring(end).stripLeading();
                break;
            }
            flags.add(flag);
            rest = rest.substring(end).stripLeading();
        }
        return rest;
    }

    /** Words split on white space, quotes kept as written (for finding heredoc markers). */
    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                word.append(c);
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                word.append(c);
            } else if (Character.isWhitespace(c)) {
                if (!word.isEmpty()) {
                    words.add(word.toString());
                    word.setLength(0);
                }
            } else {
                word.append(c);
            }
        }
        if (!word.isEmpty()) {
            words.add(word.toString());
        }
        return words;
    }

    static String unquote(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }

    /** A JSON array of strings (the exec form), or null when the text is not one. */
    public static List<String> jsonArray(String text) {
        String body = text.strip();
        if (!body.startsWith("[") || !body.endsWith("]")) {
            return null;
        }
        List<String> values = new ArrayList<>();
        int i = 1;
        boolean expectValue = true;
        while (i < body.length() - 1) {
            char c = body.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (c == ',') {
                if (expectValue) {
                    return null;
                }
                expectValue = true;
                i++;
                continue;
            }
            if (c != '"' || !expectValue) {
                return null;
            }
            StringBuilder value = new StringBuilder();
            i++;
            while (i < body.length() - 1 && body.charAt(i) != '"') {
                char ch = body.charAt(i);
                if (ch == '\\' && i + 1 < body.length() - 1) {
                    char next = body.charAt(++i);
                    switch (next) {
                        case 'n' -> value.append('\n');
                        case 't' -> value.append('\t');
                        case 'r' -> value.append('\r');
                        case 'b' -> value.append('\b');
                        case 'f' -> value.append('\f');
                        case 'u' -> {
                            if (i + 4 >= body.length()) {
                                return null;
                            }
                            value.append((char) Integer.parseInt(body.substring(i + 1, i + 5), 16));
                            i += 4;
                        }
                        default -> value.append(next);
                    }
                    i++;
                    continue;
                }
                value.append(ch);
                i++;
            }
            if (i >= body.length() - 1) {
                return null;
            }
            i++;
            values.add(value.toString());
            expectValue = false;
        }
        if (expectValue && !values.isEmpty()) {
            return null;
        }
        return values;
    }
}
