package org.vinfra.formats.docker;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.vinfra.formats.ImportReport;
import org.vinfra.formats.ModelNames;
import org.vinfra.formats.ShellWords;
import org.vinfra.lang.vinfra.Cmd;
import org.vinfra.lang.vinfra.Command;
import org.vinfra.lang.vinfra.Copy;
import org.vinfra.lang.vinfra.Entrypoint;
import org.vinfra.lang.vinfra.Env;
import org.vinfra.lang.vinfra.Expose;
import org.vinfra.lang.vinfra.Image;
import org.vinfra.lang.vinfra.Protocol;
import org.vinfra.lang.vinfra.Run;
import org.vinfra.lang.vinfra.User;
import org.vinfra.lang.vinfra.VinfraFactory;
import org.vinfra.lang.vinfra.Workdir;

/**
 * Reads a Dockerfile into an image of the model, one instruction per layer. Instructions the model
 * has no place for (MAINTAINER, LABEL, ARG, HEALTHCHECK...) are reported with their line.
 */
public final class DockerfileImporter {

    private static final VinfraFactory MAKE = VinfraFactory.eINSTANCE;

    /** One logical instruction, continuation lines joined, with the line it starts on. */
    record Instruction(int line, String keyword, String arguments) {
    }

    private DockerfileImporter() {
    }

    /** The image of a Dockerfile; {@code name} is used when the file name gives none. */
    public static Image read(Path file, String text, ImportReport report, ModelNames names, String name) {
        Image image = MAKE.createImage();
        image.setName(names.name(imageName(file, name)));
        int stages = 0;
        for (Instruction instruction : instructions(text)) {
            String arguments = instruction.arguments().trim();
            try {
                switch (instruction.keyword()) {
                    case "FROM" -> {
                        stages++;
                        if (stages > 1) {
                            report.unsupported(file, instruction.line(), 1, "A multi-stage build cannot be expressed: the model keeps one"
                                    + " stage per image. The instructions of the earlier stages are replaced by this stage's.");
                            image.getInstructions().clear();
                        }
                        String[] words = arguments.split("\\s+");
                        image.setBaseReference(words[0]);
                        if (words.length > 1) {
                            report.unsupported(file, instruction.line(), 1, "The stage name or platform of FROM ('" + arguments + "') is not kept.");
                        }
                    }
                    case "RUN" -> {
                        Run run = MAKE.createRun();
                        run.setCommand(arguments.startsWith("[") ? String.join(" ", json(arguments)) : arguments);
                        image.getInstructions().add(run);
                    }
                    case "ENV" -> env(image, arguments);
                    case "COPY", "ADD" -> {
                        List<String> paths = arguments.startsWith("[") ? json(arguments) : ShellWords.split(arguments);
                        paths.removeIf(p -> p.startsWith("--"));
                        if (paths.size() != 2) {
                            throw new IllegalArgumentException(instruction.keyword() + " with " + paths.size()
                                    + " paths: the model copies one source to one destination per instruction");
                        }
                        if (instruction.keyword().equals("ADD")) {
                            report.unsupported(file, instruction.line(), 1, "ADD is imported as COPY: the model does not fetch URLs or unpack"
                                    + " archives.");
                        }
                        Copy copy = MAKE.createCopy();
                        copy.setSource(paths.get(0));
                        copy.setDestination(paths.get(1));
                        image.getInstructions().add(copy);
                    }
                    case "WORKDIR" -> {
                        Workdir workdir = MAKE.createWorkdir();
                        workdir.setPath(arguments);
                        image.getInstructions().add(workdir);
                    }
                    case "EXPOSE" -> {
                        for (String port : arguments.split("\\s+")) {
                            Expose expose = MAKE.createExpose();
                            String[] parts = port.split("/");
                            expose.setPort(Integer.valueOf(parts[0]));
                            expose.setProtocol(parts.length > 1 ? Protocol.get(parts[1].toLowerCase(Locale.ROOT)) : Protocol.TCP);
                            image.getInstructions().add(expose);
                        }
                    }
                    case "USER" -> {
                        User user = MAKE.createUser();
                        user.setUser(arguments);
                        image.getInstructions().add(user);
                    }
                    case "ENTRYPOINT" -> {
                        Entrypoint entrypoint = MAKE.createEntrypoint();
                        entrypoint.setCommand(command(arguments));
                        image.getInstructions().add(entrypoint);
                    }
                    case "CMD" -> {
                        Cmd cmd = MAKE.createCmd();
                        cmd.setCommand(command(arguments));
                        image.getInstructions().add(cmd);
                    }
                    default -> report.unsupported(file, instruction.line(), 1, "The model cannot express the " + instruction.keyword()
                            + " instruction; it is not imported.");
                }
            } catch (IllegalArgumentException e) {
                report.malformed(file, instruction.line(), 1, instruction.keyword() + ": " + e.getMessage());
            }
        }
        if (stages == 0) {
            report.malformed(file, 1, 1, "A Dockerfile starts from a base image: FROM is missing.");
        }
        return image;
    }

    private static String imageName(Path file, String fallback) {
        String name = file.getFileName().toString();
        if (name.endsWith(".Dockerfile")) {
            return name.substring(0, name.length() - ".Dockerfile".length());
        }
        if (name.startsWith("Dockerfile.")) {
            return name.substring("Dockerfile.".length());
        }
        if (fallback != null) {
            return fallback;
        }
        Path folder = file.toAbsolutePath().getParent();
        return folder == null || folder.getFileName() == null ? "image" : folder.getFileName().toString();
    }

    /** Logical instructions: comments and blank lines skipped, lines ending in a backslash joined. */
    static List<Instruction> instructions(String text) {
        List<Instruction> instructions = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        StringBuilder current = null;
        int start = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].replace("\r", "");
            String trimmed = line.trim();
            if (current == null && (trimmed.isEmpty() || trimmed.startsWith("#"))) {
                continue;
            }
            if (current != null && trimmed.startsWith("#")) {
                continue;
            }
            if (current == null) {
                current = new StringBuilder();
                start = i + 1;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed.substring(0, trimmed.length() - 1).stripTrailing()).append(' ');
                continue;
            }
            current.append(trimmed);
            String joined = current.toString().trim();
            int space = joined.indexOf(' ');
            String keyword = (space < 0 ? joined : joined.substring(0, space)).toUpperCase(Locale.ROOT);
            instructions.add(new Instruction(start, keyword, space < 0 ? "" : joined.substring(space + 1)));
            current = null;
        }
        return instructions;
    }

    private static void env(Image image, String arguments) {
        if (!arguments.contains("=") || arguments.indexOf(' ') >= 0 && arguments.indexOf(' ') < arguments.indexOf('=')) {
            int space = arguments.indexOf(' ');
            addEnv(image, space < 0 ? arguments : arguments.substring(0, space), space < 0 ? "" : arguments.substring(space + 1).trim());
            return;
        }
        for (String pair : ShellWords.split(arguments)) {
            int equals = pair.indexOf('=');
            if (equals < 0) {
                throw new IllegalArgumentException("'" + pair + "' is not KEY=value");
            }
            addEnv(image, pair.substring(0, equals), pair.substring(equals + 1));
        }
    }

    private static void addEnv(Image image, String key, String value) {
        Env env = MAKE.createEnv();
        env.setKey(key);
        env.setValue(value);
        image.getInstructions().add(env);
    }

    private static Command command(String arguments) {
        Command command = MAKE.createCommand();
        if (arguments.startsWith("[")) {
            command.getArguments().addAll(json(arguments));
        } else {
            command.getArguments().addAll(List.of("/bin/sh", "-c", arguments));
        }
        return command;
    }

    /** A JSON array of strings, as exec-form instructions write them. */
    static List<String> json(String text) {
        String body = text.trim();
        if (!body.startsWith("[") || !body.endsWith("]")) {
            throw new IllegalArgumentException("'" + text + "' is not a JSON array of strings");
        }
        List<String> values = new ArrayList<>();
        int i = 1;
        while (i < body.length() - 1) {
            char c = body.charAt(i);
            if (Character.isWhitespace(c) || c == ',') {
                i++;
                continue;
            }
            if (c != '"') {
                throw new IllegalArgumentException("'" + text + "' is not a JSON array of strings");
            }
            StringBuilder value = new StringBuilder();
            i++;
            while (i < body.length() - 1 && body.charAt(i) != '"') {
                if (body.charAt(i) == '\\' && i + 1 < body.length() - 1) {
                    i++;
                }
                value.append(body.charAt(i++));
            }
            if (i >= body.length() - 1) {
                throw new IllegalArgumentException("'" + text + "' has an unterminated string");
            }
            i++;
            values.add(value.toString());
        }
        return values;
    }
}
