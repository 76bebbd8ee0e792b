package org.vinfra.formats.tests;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.vinfra.formats.ImportException;
import org.vinfra.formats.docker.DockerfileParser;
import org.vinfra.formats.docker.DockerfileParser.Heredoc;
import org.vinfra.formats.docker.DockerfileParser.Instruction;

/**
 * What a Dockerfile says, instruction by instruction, as BuildKit reads it (the parser alone, not
 * the model): the directives, then for each instruction its keyword, its flags and its arguments,
 * with only the differences of spelling removed that BuildKit itself ignores: the exec form of
 * COPY, ADD and VOLUME is the same as their words, ENV and LABEL pairs are compared after quote
 * removal (KEY value is KEY=value), EXPOSE 80 is 80/tcp, durations of HEALTHCHECK are compared in
 * milliseconds, keywords and stage names are case-insensitive, comments are not instructions.
 */
final class DockerfileMeaning {

    private DockerfileMeaning() {
    }

    static List<String> of(String text) throws ImportException {
        DockerfileParser.Dockerfile dockerfile = DockerfileParser.parse(Path.of("Dockerfile"), text);
        List<String> meaning = new ArrayList<>();
        // directives in any order (they only have to come first)
        new TreeMap<>(dockerfile.directives()).forEach((name, value) -> meaning.add("# " + name + "=" + value));
        for (Instruction instruction : dockerfile.instructions()) {
            meaning.add(instruction(instruction));
        }
        return meaning;
    }

    private static String instruction(Instruction instruction) {
        String keyword = instruction.keyword();
        String arguments = instruction.arguments().strip();
        Object args = switch (keyword) {
            case "COPY", "ADD" -> {
                List<String> json = instruction.heredocs().isEmpty() ? DockerfileParser.jsonArray(arguments) : null;
                List<String> paths = new ArrayList<>(json != null ? json : List.of(arguments.split("\\s+")));
                // a heredoc's name names nothing unless it is copied into a folder (DEST/), where it is the file's name
                if (!paths.get(paths.size() - 1).endsWith("/")) {
                    paths.replaceAll(p -> p.matches("<<-?[\"']?\\w+[\"']?") ? "<<" : p);
                }
                yield paths;
            }
            case "VOLUME" -> {
                List<String> json = DockerfileParser.jsonArray(arguments);
                yield json != null ? json : List.of(arguments.split("\\s+"));
            }
            case "ENV", "LABEL" -> pairs(arguments);
            case "ARG" -> {
                int equals = arguments.indexOf('=');
                yield equals < 0 ? arguments : arguments.substring(0, equals) + "=" + unquote(arguments.substring(equals + 1));
            }
            case "EXPOSE" -> {
                List<String> ports = new ArrayList<>();
                for (String port : arguments.split("\\s+")) {
                    ports.add(port.contains("/") ? port.toLowerCase(Locale.ROOT) : port + "/tcp");
                }
                yield ports;
            }
            case "FROM" -> {
                String[] words = arguments.split("\\s+");
                yield words.length == 3 ? words[0] + " AS " + words[2].toLowerCase(Locale.ROOT) : arguments;
            }
            case "HEALTHCHECK" -> {
                String[] split = arguments.split("\\s+", 2);
                if (split.length == 2 && split[0].equalsIgnoreCase("CMD")) {
                    List<String> json = DockerfileParser.jsonArray(split[1]);
                    yield "CMD " + (json != null ? json : split[1].strip());
                }
                yield arguments.toUpperCase(Locale.ROOT);
            }
            case "RUN", "CMD", "ENTRYPOINT", "SHELL" -> {
                List<String> json = instruction.heredocs().isEmpty() ? DockerfileParser.jsonArray(arguments) : null;
                yield json != null ? json : arguments;
            }
            default -> arguments;
        };
        StringBuilder text = new StringBuilder(keyword).append(' ').append(flags(instruction)).append(' ').append(args);
        for (Heredoc heredoc : instruction.heredocs()) {
            text.append(" <<").append(heredoc.quoted() ? "quoted " : "").append(heredoc.chomp() ? "chomp " : "").append(heredoc.content());
        }
        return text.toString();
    }

    private static String flags(Instruction instruction) {
        TreeSet<String> flags = new TreeSet<>();
        for (String flag : instruction.flags()) {
            String bare = flag.substring(2);
            int equals = bare.indexOf('=');
            String name = equals < 0 ? bare : bare.substring(0, equals);
            String value = equals < 0 ? "true" : unquote(bare.substring(equals + 1));
            if (instruction.keyword().equals("HEALTHCHECK") && !name.equals("retries")) {
                try {
                    value = Long.toString(org.vinfra.formats.compose.ComposeValues.millis(value)) + "ms";
                } catch (IllegalArgumentException e) {
                    // compared as written
                }
            }
            if (name.equals("from") || name.equals("platform")) {
                value = value.toLowerCase(Locale.ROOT);
            }
            flags.add(name + "=" + value);
        }
        return flags.toString();
    }

    private static Map<String, String> pairs(String arguments) {
        Map<String, String> pairs = new TreeMap<>();
        List<String> words = rawWords(arguments);
        if (!words.isEmpty() && !words.get(0).contains("=")) {
            String[] split = arguments.split("\\s+", 2);
            pairs.put(split[0], split.length > 1 ? unquote(split[1]) : "");
            return pairs;
        }
        for (String word : words) {
            int equals = word.indexOf('=');
            pairs.put(unquote(word.substring(0, Math.max(equals, 0))), unquote(word.substring(equals + 1)));
        }
        return pairs;
    }

    /** Words on white space outside quotes, quotes kept. */
    private static List<String> rawWords(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote == 0 && c == '\\' && i + 1 < text.length()) {
                word.append(c).append(text.charAt(++i));
            } else if (quote != 0) {
                if (c == '\\' && quote == '"' && i + 1 < text.length()) {
                    word.append(c).append(text.charAt(++i));
                    continue;
                }
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

    /**
     * Quote removal as the shell words of BuildKit do it: a single-quoted part is literal (its '$' does not expand), a
     * double-quoted part takes \" \\ \$ escapes, outside quotes a backslash escapes the next character. A literal '$'
     * is given as \$ (so that 'a$b' and "a\$b" and a\$b mean the same).
     */
    static String unquote(String text) {
        StringBuilder out = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    out.append(c == '$' ? "\\$" : c == '\\' ? "\\\\" : String.valueOf(c));
                }
            } else if (quote == '"') {
                if (c == '"') {
                    quote = 0;
                } else if (c == '\\' && i + 1 < text.length() && "\"\\$".indexOf(text.charAt(i + 1)) >= 0) {
                    char next = text.charAt(++i);
                    out.append(next == '$' ? "\\$" : next == '\\' ? "\\\\" : "\"");
                } else if (c == '\\') {
                    out.append("\\\\");
                } else {
                    out.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                out.append(next == '$' ? "\\$" : next == '\\' ? "\\\\" : String.valueOf(next));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
