package org.vinfra.formats.docker;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.eclipse.emf.common.util.EList;
import org.vinfra.formats.ImportContext;
import org.vinfra.formats.ImportException;
import org.vinfra.formats.ImportReport;
import org.vinfra.formats.ModelNames;
import org.vinfra.formats.Natives;
import org.vinfra.formats.Position;
import org.vinfra.formats.compose.ComposeValues;
import org.vinfra.formats.docker.DockerfileParser.Dockerfile;
import org.vinfra.formats.docker.DockerfileParser.Heredoc;
import org.vinfra.lang.model.Written;
import org.vinfra.lang.settings.Add;
import org.vinfra.lang.settings.Arg;
import org.vinfra.lang.vinfra.Cmd;
import org.vinfra.lang.vinfra.Command;
import org.vinfra.lang.vinfra.Copy;
import org.vinfra.lang.vinfra.Entrypoint;
import org.vinfra.lang.vinfra.Env;
import org.vinfra.lang.vinfra.EnvironmentVariable;
import org.vinfra.lang.vinfra.Expose;
import org.vinfra.lang.settings.ExposedPort;
import org.vinfra.lang.vinfra.HealthCheck;
import org.vinfra.lang.vinfra.Image;
import org.vinfra.lang.vinfra.Instruction;
import org.vinfra.lang.settings.Label;
import org.vinfra.lang.settings.LabelInstruction;
import org.vinfra.lang.vinfra.Model;
import org.vinfra.lang.settings.NativeFormat;
import org.vinfra.lang.settings.OnBuild;
import org.vinfra.lang.vinfra.Run;
import org.vinfra.lang.settings.Shell;
import org.vinfra.lang.settings.Stage;
import org.vinfra.lang.settings.StopSignal;
import org.vinfra.lang.vinfra.User;
import org.vinfra.lang.settings.SettingsFactory;
import org.vinfra.lang.vinfra.VinfraFactory;
import org.vinfra.lang.vinfra.VinfraPackage.Literals;
import org.vinfra.lang.settings.VolumeInstruction;
import org.vinfra.lang.vinfra.Workdir;

/**
 * Reads a Dockerfile (BuildKit's syntax) into an image of the model: the parser directives, the
 * build arguments declared before the first FROM, one stage per earlier FROM, and the last stage's
 * base and instructions. Each instruction keeps its form (exec or shell, heredocs, several sources,
 * flags); one the model has no form for (MAINTAINER, an unknown flag) is kept as a typed
 * {@code native dockerfile} instruction, in its place, so the image is written again the same.
 */
public final class DockerfileImporter {

    private static final VinfraFactory MAKE = VinfraFactory.eINSTANCE;
    private static final Set<String> COPY_FLAGS = Set.of("from", "chown", "chmod", "link", "parents", "exclude");
    private static final Set<String> ADD_FLAGS = Set.of("chown", "chmod", "link", "exclude", "checksum", "keep-git-dir");

    private final Path file;
    private final ImportContext context;
    private final ImportReport report;
    private final ModelNames names;
    private final Map<String, Stage> stages = new HashMap<>();

    private DockerfileImporter(Path file, ImportContext context, ImportReport report, ModelNames names) {
        this.file = file;
        this.context = context;
        this.report = report;
        this.names = names;
    }

    /** Adds the image of a Dockerfile to the model; {@code name} is used when the file name gives none. */
    public static Image read(Path file, String text, Model model, ImportReport report, ModelNames names, ImportContext context) {
        Image image = read(file, text, report, names, null, context);
        if (image != null) {
            model.getElements().add(image);
        }
        return image;
    }

    /** The image of a Dockerfile (null when it is malformed; the report says where). */
    public static Image read(Path file, String text, ImportReport report, ModelNames names, String name, ImportContext context) {
        try {
            return new DockerfileImporter(file, context, report, names).read(text, name);
        } catch (ImportException e) {
            report.malformed(e);
            return null;
        }
    }

    private Image read(String text, String name) throws ImportException {
        Dockerfile dockerfile = DockerfileParser.parse(file, text);
        Image image = context.at(MAKE.createImage(), Position.start(file));
        image.setName(names.name(imageName(file, name)));
        for (Map.Entry<String, String> directive : dockerfile.directives().entrySet()) {
            switch (directive.getKey()) {
                case "syntax" -> image.setSyntax(directive.getValue());
                case "escape" -> image.setEscape(directive.getValue());
                default -> image.getInstructions().add(Natives.of(NativeFormat.DOCKERFILE, "# " + directive.getKey(), directive.getValue()));
            }
        }
        List<DockerfileParser.Instruction> instructions = dockerfile.instructions();
        int fromCount = (int) instructions.stream().filter(i -> i.keyword().equals("FROM")).count();
        if (fromCount == 0) {
            throw new ImportException(Position.start(file), "A Dockerfile starts from a base image: FROM is missing.");
        }
        List<Instruction> directiveNatives = new ArrayList<>(image.getInstructions());
        image.getInstructions().clear();
        int seen = 0;
        Map<String, Integer> stageNames = new HashMap<>(); // lower-cased, as BuildKit compares them: the line declaring each
        EList<Instruction> target = null;
        Stage stage = null;
        for (DockerfileParser.Instruction instruction : instructions) {
            Position at = new Position(file, instruction.line(), 1);
            if (instruction.keyword().equals("FROM")) {
                seen++;
                FromLine from = from(instruction, at);
                if (seen < fromCount) {
                    stage = context.at(SettingsFactory.eINSTANCE.createStage(), at);
                    String stageName = from.name != null ? from.name : "stage" + (seen - 1);
                    String modelName = names.name(stageName);
                    if (from.name != null && !modelName.equals(stageName)) {
                        report.unsupported(at, "The stage name '" + stageName + "' is not a valid .vinfra name; it is imported as '" + modelName
                                + "', and exporting gives the new name.");
                    }
                    String unique = modelName;
                    for (int n = 2; stageNames.containsKey(unique.toLowerCase(Locale.ROOT)); n++) {
                        unique = modelName + "_" + n;
                    }
                    if (!unique.equals(modelName)) {
                        report.unsupported(at, "A stage named '" + stageName + "' is declared already, on line "
                                + stageNames.get(modelName.toLowerCase(Locale.ROOT)) + "; BuildKit then takes the later stage for what follows"
                                + " (undefined behaviour, its DuplicateStageName check warns). It is imported as '" + unique
                                + "', with what follows pointing to it, and exporting gives the new name. Give each stage a name of its own.");
                        modelName = unique;
                    }
                    stageNames.put(modelName.toLowerCase(Locale.ROOT), instruction.line());
                    stage.setName(modelName);
                    setBase(stage, from, at);
                    stage.setPlatform(from.platform);
                    image.getStages().add(stage);
                    if (from.name != null) {
                        stages.put(from.name.toLowerCase(Locale.ROOT), stage);
                    } else {
                        stages.put(Integer.toString(seen - 1), stage);
                    }
                    target = stage.getInstructions();
                } else {
                    Stage last = SettingsFactory.eINSTANCE.createStage();
                    setBase(last, from, at);
                    image.setBaseStage(last.getBaseStage());
                    image.setBaseReference(last.getBaseReference());
                    image.setPlatform(from.platform);
                    if (from.name != null) {
                        image.setStageName(names.name(from.name));
                    }
                    target = image.getInstructions();
                    target.addAll(directiveNatives);
                    directiveNatives.clear();
                }
                continue;
            }
            if (target == null) {
                if (!instruction.keyword().equals("ARG")) {
                    throw new ImportException(at, instruction.keyword() + " comes before the first FROM; only ARG may (its value is then"
                            + " used in FROM lines). Move it after FROM.");
                }
                for (Instruction global : instruction(instruction, at)) {
                    image.getArgs().add(context.at(global, at));
                }
                continue;
            }
            for (Instruction converted : instruction(instruction, at)) {
                target.add(context.at(converted, at));
            }
        }
        if (!directiveNatives.isEmpty()) {
            image.getInstructions().addAll(0, directiveNatives);
        }
        return image;
    }

    private record FromLine(String image, String name, String platform) {
    }

    private FromLine from(DockerfileParser.Instruction instruction, Position at) throws ImportException {
        for (String flag : instruction.flagNames()) {
            if (!flag.equals("platform")) {
                throw new ImportException(at, "FROM takes --platform only, not --" + flag + ".");
            }
        }
        String[] words = instruction.arguments().strip().split("\\s+");
        if (words.length == 0 || words[0].isEmpty()) {
            throw new ImportException(at, "FROM names no base image: write FROM IMAGE[:TAG] [AS NAME].");
        }
        if (words.length == 3 && words[1].equalsIgnoreCase("as")) {
            return new FromLine(words[0], words[2], instruction.flag("platform"));
        }
        if (words.length != 1) {
            throw new ImportException(at, "FROM " + instruction.arguments() + " is not FROM IMAGE or FROM IMAGE AS NAME.");
        }
        return new FromLine(words[0], null, instruction.flag("platform"));
    }

    private void setBase(Stage stage, FromLine from, Position at) {
        Stage earlier = stages.get(from.image.toLowerCase(Locale.ROOT));
        if (earlier != null) {
            stage.setBaseStage(earlier);
        } else {
            stage.setBaseReference(from.image);
        }
    }

    private static String imageName(Path file, String fallback) {
        String name = file.getFileName().toString();
        for (String suffix : List.of(".Dockerfile", ".dockerfile", ".Containerfile")) {
            if (name.endsWith(suffix)) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        if (name.startsWith("Dockerfile.") || name.startsWith("dockerfile.")) {
            return name.substring("Dockerfile.".length());
        }
        if (fallback != null) {
            return fallback;
        }
        Path folder = file.toAbsolutePath().getParent();
        return folder == null || folder.getFileName() == null ? "image" : folder.getFileName().toString();
    }

    /** The model's instructions for one of the file (ENV with several pairs stays one instruction). */
    private List<Instruction> instruction(DockerfileParser.Instruction instruction, Position at) throws ImportException {
        String arguments = instruction.arguments();
        try {
            Instruction converted = switch (instruction.keyword()) {
                case "RUN" -> run(instruction, at);
                case "ENV" -> env(instruction, at);
                case "LABEL" -> label(instruction, at);
                case "COPY" -> copy(instruction, at, false);
                case "ADD" -> copy(instruction, at, true);
                case "WORKDIR" -> noFlags(instruction, () -> {
                    Workdir workdir = MAKE.createWorkdir();
                    workdir.setPath(arguments.strip());
                    return workdir;
                });
                case "USER" -> noFlags(instruction, () -> {
                    User user = MAKE.createUser();
                    user.setUser(arguments.strip());
                    return user;
                });
                case "EXPOSE" -> expose(instruction, at);
                case "ENTRYPOINT" -> noFlags(instruction, () -> {
                    Entrypoint entrypoint = MAKE.createEntrypoint();
                    entrypoint.setCommand(command(arguments));
                    return entrypoint;
                });
                case "CMD" -> noFlags(instruction, () -> {
                    Cmd cmd = MAKE.createCmd();
                    cmd.setCommand(command(arguments));
                    return cmd;
                });
                case "ARG" -> arg(instruction);
                case "HEALTHCHECK" -> healthcheck(instruction, at);
                case "SHELL" -> {
                    List<String> json = DockerfileParser.jsonArray(arguments);
                    if (json == null || json.isEmpty()) {
                        throw new ImportException(at, "SHELL takes the exec form, a JSON list: SHELL [\"/bin/bash\", \"-c\"].");
                    }
                    Shell shell = SettingsFactory.eINSTANCE.createShell();
                    Command command = MAKE.createCommand();
                    command.getArguments().addAll(json);
                    shell.setCommand(command);
                    yield shell;
                }
                case "STOPSIGNAL" -> noFlags(instruction, () -> {
                    StopSignal signal = SettingsFactory.eINSTANCE.createStopSignal();
                    signal.setSignal(arguments.strip());
                    return signal;
                });
                case "VOLUME" -> noFlags(instruction, () -> {
                    VolumeInstruction volume = SettingsFactory.eINSTANCE.createVolumeInstruction();
                    List<String> json = DockerfileParser.jsonArray(arguments);
                    volume.getPaths().addAll(json != null ? json : List.of(arguments.strip().split("\\s+")));
                    return volume;
                });
                case "ONBUILD" -> onbuild(instruction, at);
                default -> null;
            };
            if (converted != null) {
                return List.of(converted);
            }
        } catch (NotExpressible e) {
            // falls through: kept as written
        }
        return List.of(nativeInstruction(instruction));
    }

    /** An instruction as written: keyword, flags, arguments and heredocs, in a native dockerfile instruction. */
    private static Instruction nativeInstruction(DockerfileParser.Instruction instruction) {
        StringBuilder text = new StringBuilder();
        for (String flag : instruction.flags()) {
            text.append(flag).append(' ');
        }
        text.append(instruction.arguments());
        for (Heredoc heredoc : instruction.heredocs()) {
            text.append('\n').append(heredoc.content()).append(heredoc.name());
        }
        return Natives.of(NativeFormat.DOCKERFILE, instruction.keyword(), text.toString());
    }

    /** An instruction form the model has no place for: the instruction is kept as written. */
    private static final class NotExpressible extends Exception {
        private static final long serialVersionUID = 1L;
    }

    private interface Maker {
        Instruction make() throws ImportException, NotExpressible;
    }

    private static Instruction noFlags(DockerfileParser.Instruction instruction, Maker maker) throws ImportException, NotExpressible {
        if (!instruction.flags().isEmpty()) {
            throw new NotExpressible();
        }
        return maker.make();
    }

    private static Command command(String arguments) {
        Command command = MAKE.createCommand();
        List<String> json = DockerfileParser.jsonArray(arguments);
        if (json != null) {
            command.getArguments().addAll(json);
        } else {
            command.setShell(arguments.strip());
        }
        return command;
    }

    /** The text of a shell-form instruction with its heredocs (RUN <<EOT ... EOT), as written. */
    private static String withHeredocs(DockerfileParser.Instruction instruction) {
        StringBuilder text = new StringBuilder(instruction.arguments().strip());
        for (Heredoc heredoc : instruction.heredocs()) {
            text.append('\n').append(heredoc.content()).append(heredoc.name());
        }
        return text.toString();
    }

    private Instruction run(DockerfileParser.Instruction instruction, Position at) throws NotExpressible {
        Run run = MAKE.createRun();
        for (String flag : instruction.flagNames()) {
            if (!Set.of("mount", "network", "security").contains(flag)) {
                throw new NotExpressible();
            }
        }
        run.getMounts().addAll(instruction.flagValues("mount"));
        run.setNetwork(instruction.flag("network"));
        run.setSecurity(instruction.flag("security"));
        List<String> json = instruction.heredocs().isEmpty() ? DockerfileParser.jsonArray(instruction.arguments()) : null;
        if (json != null) {
            Command exec = MAKE.createCommand();
            exec.getArguments().addAll(json);
            run.setExec(exec);
        } else {
            run.setCommand(withHeredocs(instruction));
        }
        return run;
    }

    /** KEY=VALUE pairs as BuildKit reads them (the legacy "KEY value" form too); quotes are removed, a literal '$' is kept as \$. */
    static List<String[]> pairs(String arguments, boolean legacyAllowed) throws IllegalArgumentException {
        List<String> words = rawWords(arguments);
        List<String[]> pairs = new ArrayList<>();
        if (words.isEmpty()) {
            throw new IllegalArgumentException("no KEY=value is given");
        }
        if (!words.get(0).contains("=")) {
            if (!legacyAllowed) {
                throw new IllegalArgumentException("'" + words.get(0) + "' is not KEY=value");
            }
            String trimmed = arguments.strip();
            String[] split = trimmed.split("\\s+", 2);
            pairs.add(new String[] { split[0], split.length > 1 ? unquoteValue(split[1]) : "" });
            return pairs;
        }
        for (String word : words) {
            int equals = word.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("'" + word + "' is not KEY=value");
            }
            pairs.add(new String[] { unquoteValue(word.substring(0, equals)), unquoteValue(word.substring(equals + 1)) });
        }
        return pairs;
    }

    /** Words on white space outside quotes (quotes and escapes kept). */
    static List<String> rawWords(String text) {
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
        if (quote != 0) {
            throw new IllegalArgumentException("a quote is not closed in '" + text + "'");
        }
        if (!word.isEmpty()) {
            words.add(word.toString());
        }
        return words;
    }

    /** Quote removal: "a b" -> a b, 'x$y' -> x\$y (no expansion), \  -> space; \$ stays \$ (a literal dollar). */
    static String unquoteValue(String text) {
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
                } else if (c == '\\' && i + 1 < text.length()) {
                    char next = text.charAt(++i);
                    out.append(next == '$' ? "\\$" : next == '\\' ? "\\\\" : next == '"' ? "\"" : "\\" + next);
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
        if (quote != 0) {
            throw new IllegalArgumentException("a quote is not closed in '" + text + "'");
        }
        return out.toString();
    }

    /** Pairs the exporter writes back to the same pairs; others (odd quoting) are kept as written. */
    private static List<String[]> reproducible(List<String[]> pairs) throws NotExpressible {
        StringBuilder written = new StringBuilder();
        for (String[] pair : pairs) {
            written.append(DockerfileExporter.quote(pair[0])).append('=').append(DockerfileExporter.quote(pair[1])).append(' ');
        }
        try {
            List<String[]> again = pairs(written.toString(), false);
            for (int i = 0; i < pairs.size(); i++) {
                if (!again.get(i)[0].equals(pairs.get(i)[0]) || !again.get(i)[1].equals(pairs.get(i)[1])) {
                    throw new NotExpressible();
                }
            }
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new NotExpressible();
        }
        return pairs;
    }

    private Instruction env(DockerfileParser.Instruction instruction, Position at) throws ImportException, NotExpressible {
        if (!instruction.flags().isEmpty()) {
            throw new NotExpressible();
        }
        List<String[]> pairs;
        try {
            pairs = reproducible(pairs(instruction.arguments(), true));
        } catch (IllegalArgumentException e) {
            throw new NotExpressible(); // quotes the model cannot read back the same: kept as written
        }
        Env env = MAKE.createEnv();
        env.setKey(pairs.get(0)[0]);
        env.setValue(pairs.get(0)[1]);
        for (String[] pair : pairs.subList(1, pairs.size())) {
            EnvironmentVariable more = MAKE.createEnvironmentVariable();
            more.setKey(pair[0]);
            more.setValue(pair[1]);
            env.getMore().add(more);
        }
        return env;
    }

    private Instruction label(DockerfileParser.Instruction instruction, Position at) throws ImportException, NotExpressible {
        if (!instruction.flags().isEmpty()) {
            throw new NotExpressible();
        }
        List<String[]> pairs;
        try {
            pairs = reproducible(pairs(instruction.arguments(), true));
        } catch (IllegalArgumentException e) {
            throw new NotExpressible();
        }
        LabelInstruction labels = SettingsFactory.eINSTANCE.createLabelInstruction();
        for (String[] pair : pairs) {
            Label label = SettingsFactory.eINSTANCE.createLabel();
            label.setKey(pair[0]);
            label.setValue(pair[1]);
            labels.getLabels().add(label);
        }
        return labels;
    }

    private Instruction copy(DockerfileParser.Instruction instruction, Position at, boolean add) throws ImportException, NotExpressible {
        for (String flag : instruction.flagNames()) {
            if (!(add ? ADD_FLAGS : COPY_FLAGS).contains(flag)) {
                throw new NotExpressible();
            }
        }
        Copy copy = add ? SettingsFactory.eINSTANCE.createAdd() : MAKE.createCopy();
        List<String> json = instruction.heredocs().isEmpty() ? DockerfileParser.jsonArray(instruction.arguments()) : null;
        // BuildKit splits the non-JSON form on white space only (quotes and escapes are the build's business)
        List<String> paths = json != null ? json : List.of(instruction.arguments().strip().split("\\s+"));
        if (paths.size() < 2) {
            throw new ImportException(at, instruction.keyword() + " needs a source and a destination: " + instruction.keyword() + " SRC... DEST.");
        }
        if (!instruction.heredocs().isEmpty()) {
            Heredoc heredoc = instruction.heredocs().get(0);
            // into a folder (DEST/), the heredoc's name is the file's name: kept as written
            if (instruction.heredocs().size() != 1 || paths.size() != 2 || heredoc.chomp() || !paths.get(0).startsWith("<<")
                    || paths.get(1).endsWith("/")) {
                throw new NotExpressible();
            }
            copy.setText(heredoc.content());
            if (heredoc.quoted()) {
                throw new NotExpressible();
            }
        } else {
            copy.setSource(paths.get(0));
            copy.getMoreSources().addAll(paths.subList(1, paths.size() - 1));
        }
        copy.setDestination(paths.get(paths.size() - 1));
        String from = instruction.flag("from");
        if (from != null) {
            Stage stage = stages.get(from.toLowerCase(Locale.ROOT));
            if (stage != null) {
                copy.setFromStage(stage);
            } else if (from.matches("\\d+")) {
                throw new ImportException(at, "COPY --from=" + from + " names a stage by a number this file does not have.");
            } else {
                copy.setFromImage(from);
            }
        }
        copy.setChown(instruction.flag("chown"));
        copy.setChmod(instruction.flag("chmod"));
        copy.setLink(instruction.flag("link") != null && !instruction.flag("link").equals("false"));
        copy.setParents(instruction.flag("parents") != null && !instruction.flag("parents").equals("false"));
        copy.getExcludes().addAll(instruction.flagValues("exclude"));
        if (copy instanceof Add addition) {
            addition.setChecksum(instruction.flag("checksum"));
            addition.setKeepGitDir(instruction.flag("keep-git-dir") != null && !instruction.flag("keep-git-dir").equals("false"));
        }
        return copy;
    }

    private Instruction expose(DockerfileParser.Instruction instruction, Position at) throws ImportException, NotExpressible {
        if (!instruction.flags().isEmpty() || instruction.arguments().contains("$")) {
            throw new NotExpressible();
        }
        String[] words = instruction.arguments().strip().split("\\s+");
        Expose expose = MAKE.createExpose();
        for (int i = 0; i < words.length; i++) {
            ExposedPort port;
            try {
                port = ComposeValues.exposedPort(words[i]);
            } catch (IllegalArgumentException e) {
                throw new ImportException(at, "EXPOSE: " + ImportReport.reason(e));
            }
            boolean written = words[i].contains("/");
            if (i == 0) {
                expose.setPort(port.getPort());
                expose.setPortEnd(port.getPortEnd());
                if (written) {
                    expose.setProtocol(port.getProtocol());
                    Written.mark(expose, Literals.EXPOSE__PROTOCOL);
                }
            } else {
                if (written) {
                    Written.mark(port, org.vinfra.lang.settings.SettingsPackage.Literals.EXPOSED_PORT__PROTOCOL);
                }
                expose.getMore().add(port);
            }
        }
        return expose;
    }

    private Instruction arg(DockerfileParser.Instruction instruction) throws NotExpressible {
        List<String> words;
        try {
            words = rawWords(instruction.arguments());
        } catch (IllegalArgumentException e) {
            throw new NotExpressible();
        }
        if (!instruction.flags().isEmpty() || words.size() != 1) {
            throw new NotExpressible();
        }
        String word = words.get(0);
        int equals = word.indexOf('=');
        Arg arg = SettingsFactory.eINSTANCE.createArg();
        String name = equals < 0 ? word : word.substring(0, equals);
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new NotExpressible();
        }
        arg.setName(name);
        if (equals >= 0) {
            arg.setValue(unquoteValue(word.substring(equals + 1)));
        }
        return arg;
    }

    private Instruction healthcheck(DockerfileParser.Instruction instruction, Position at) throws ImportException, NotExpressible {
        HealthCheck health = MAKE.createHealthCheck();
        String arguments = instruction.arguments().strip();
        if (arguments.equalsIgnoreCase("NONE")) {
            if (!instruction.flags().isEmpty()) {
                throw new NotExpressible();
            }
            health.setDisabled(true);
            return health;
        }
        for (String flag : instruction.flagNames()) {
            String value = instruction.flag(flag);
            try {
                switch (flag) {
                    case "interval" -> health.setInterval(ComposeValues.millis(value));
                    case "timeout" -> health.setTimeout(ComposeValues.millis(value));
                    case "start-period" -> health.setStartPeriod(ComposeValues.millis(value));
                    case "start-interval" -> health.setStartInterval(ComposeValues.millis(value));
                    case "retries" -> health.setRetries(Integer.valueOf(value));
                    default -> throw new NotExpressible();
                }
            } catch (IllegalArgumentException e) {
                throw new ImportException(at, "HEALTHCHECK --" + flag + "=" + value.strip() + ": " + ImportReport.reason(e));
            }
        }
        String[] split = arguments.split("\\s+", 2);
        if (!split[0].equalsIgnoreCase("CMD") || split.length < 2 || split[1].isBlank()) {
            throw new NotExpressible(); // HEALTHCHECK alone, CMD without a command, another type: kept as written
        }
        Command test = MAKE.createCommand();
        List<String> json = DockerfileParser.jsonArray(split[1]);
        if (json != null) {
            test.getArguments().add("CMD");
            test.getArguments().addAll(json);
        } else {
            test.setShell(split[1].strip());
        }
        health.setTest(test);
        return health;
    }

    private Instruction onbuild(DockerfileParser.Instruction instruction, Position at) throws ImportException, NotExpressible {
        if (!instruction.flags().isEmpty()) {
            throw new NotExpressible();
        }
        String inner = instruction.arguments().strip();
        String[] split = inner.split("\\s+", 2);
        String keyword = split[0].toUpperCase(Locale.ROOT);
        if (Set.of("ONBUILD", "FROM", "MAINTAINER").contains(keyword)) {
            throw new ImportException(at, "ONBUILD " + keyword + " is not allowed (an ONBUILD cannot hold ONBUILD, FROM or MAINTAINER).");
        }
        List<String> flags = new ArrayList<>();
        String rest = DockerfileParser.extractFlags(split.length > 1 ? split[1] : "", flags);
        DockerfileParser.Instruction nested = new DockerfileParser.Instruction(instruction.line(), keyword, flags, rest, instruction.heredocs());
        List<Instruction> converted = instruction(nested, at);
        if (converted.size() != 1 || converted.get(0) instanceof org.vinfra.lang.settings.Native) {
            throw new NotExpressible();
        }
        OnBuild onBuild = SettingsFactory.eINSTANCE.createOnBuild();
        onBuild.setInstruction(converted.get(0));
        return onBuild;
    }
}
