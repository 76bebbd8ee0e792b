package org.vinfra.cli;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.vinfra.lang.model.Replicas;
import org.vinfra.lang.vinfra.Model;
import org.vinfra.sim.engine.SimulationOptions;
import org.vinfra.sim.engine.StackSimulation;
import org.vinfra.sim.entities.SimModel;
import org.vinfra.sim.lang.ModelToSimulation;
import org.vinfra.sim.results.Sweep;

/**
 * A what-if sweep ({@code ./vinfra simulate FILE --sweep PARAMETER=VALUES ...}): the parameters and
 * their values, checked against the models, and the runs, one per combination, in parallel on all
 * cores. Parameters: {@code overcommit.cpu}, {@code overcommit.memory} (every hypervisor's ratio),
 * {@code replicas.NAME} (the replica count of a replicated element), {@code seed}, {@code jitter}.
 * Values: a list ({@code 1.0,2.0,4.0}), a range of whole numbers ({@code 2..8}), or both
 * ({@code 1,2,4..6}). A bad parameter is a {@link UserError} that points at the part of the
 * argument that is wrong and says what would be right.
 */
final class SweepPlan {

    /** More runs than this is a mistake (a range written too wide), not a what-if. */
    static final int MAX_RUNS = 10_000;

    record Parameter(String name, List<String> values) {
    }

    private final List<Parameter> parameters;

    private SweepPlan(List<Parameter> parameters) {
        this.parameters = parameters;
    }

    /** Reads the --sweep arguments; {@code jitter}: the --jitter of the command (a seed sweep needs one). */
    static SweepPlan parse(List<String> arguments, List<Model> models, double jitter) {
        List<Parameter> parameters = new ArrayList<>();
        Map<String, EObject> replicated = replicated(models);
        long runs = 1;
        for (String argument : arguments) {
            int equals = argument.indexOf('=');
            if (equals <= 0 || equals == argument.length() - 1) {
                throw error(argument, 0, argument.length(), "a sweep is PARAMETER=VALUES, e.g. --sweep overcommit.cpu=1.0,2.0,4.0 or"
                        + " --sweep replicas.web=2..8");
            }
            String name = argument.substring(0, equals);
            String text = argument.substring(equals + 1);
            int valuesAt = equals + 1;
            for (Parameter earlier : parameters) {
                if (earlier.name().equals(name)) {
                    throw error(argument, 0, equals, "'" + name + "' is swept twice: give all its values in one --sweep, e.g. " + name + "="
                            + String.join(",", earlier.values()) + ",...");
                }
            }
            List<String> values = values(argument, text, valuesAt, name);
            switch (name) {
                case "overcommit.cpu", "overcommit.memory" -> checkNumbers(argument, text, valuesAt, values, 1, Double.MAX_VALUE,
                        "an overcommit ratio is a number of at least 1.0 (1.0: no overcommit; 2.0: twice the host's " + (name.endsWith("cpu")
                                ? "logical CPUs in vCPUs)" : "memory given to VMs)"));
                case "jitter" -> checkNumbers(argument, text, valuesAt, values, 0, 1,
                        "a jitter is a fraction from 0 to 1: boot times vary by +/- half of it");
                case "seed" -> {
                    checkWhole(argument, text, valuesAt, values, Long.MIN_VALUE, "a seed is a whole number");
                    if (jitter == 0 && arguments.stream().noneMatch(a -> a.startsWith("jitter="))) {
                        throw error(argument, 0, equals, "the seed draws the boot-time jitter, and there is none: every run would be the"
                                + " same. Add --jitter, e.g. --jitter 0.2 (boot times vary by +/- 10 %), or sweep jitter too");
                    }
                }
                default -> {
                    if (!name.startsWith("replicas.")) {
                        throw error(argument, 0, equals, "unknown parameter '" + name + "': a sweep varies overcommit.cpu, overcommit.memory,"
                                + " replicas.NAME (NAME: a replicated element, such as vm web[1..4]), seed or jitter");
                    }
                    String element = name.substring("replicas.".length());
                    if (!replicated.containsKey(element)) {
                        throw error(argument, "replicas.".length(), equals, notReplicated(element, models, replicated));
                    }
                    checkWhole(argument, text, valuesAt, values, 1, "a replica count is a whole number of at least 1 ("
                            + element + "[1..N] with N the count)");
                }
            }
            runs *= values.size();
            if (runs > MAX_RUNS) {
                throw error(argument, valuesAt, argument.length(), "the sweep would make " + runs + " runs or more, above "
                        + MAX_RUNS + ": narrow its ranges");
            }
            parameters.add(new Parameter(name, values));
        }
        return new SweepPlan(parameters);
    }

    List<String> names() {
        return parameters.stream().map(Parameter::name).toList();
    }

    /** The combinations, the last parameter varying fastest. */
    List<List<String>> combinations() {
        List<List<String>> combinations = new ArrayList<>();
        combinations.add(List.of());
        for (Parameter parameter : parameters) {
            List<List<String>> longer = new ArrayList<>();
            for (List<String> combination : combinations) {
                for (String value : parameter.values()) {
                    List<String> next = new ArrayList<>(combination);
                    next.add(value);
                    longer.add(next);
                }
            }
            combinations = longer;
        }
        return combinations;
    }

    /** Runs every combination, as many at once as there are cores; the models are mapped one at a time (EMF is not thread-safe). */
    Sweep run(List<Model> models, SimulationOptions base, double jitter) throws InterruptedException {
        List<List<String>> combinations = combinations();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(combinations.size(), Runtime.getRuntime().availableProcessors())));
        try {
            List<Future<Sweep.Row>> rows = new ArrayList<>();
            for (List<String> combination : combinations) {
                rows.add(pool.submit(() -> {
                    Double cpu = null;
                    Double memory = null;
                    long seed = base.seed();
                    double runJitter = jitter;
                    Map<String, Integer> replicas = new HashMap<>();
                    for (int i = 0; i < combination.size(); i++) {
                        String name = parameters.get(i).name();
                        String value = combination.get(i);
                        switch (name) {
                            case "overcommit.cpu" -> cpu = Double.parseDouble(value);
                            case "overcommit.memory" -> memory = Double.parseDouble(value);
                            case "seed" -> seed = Long.parseLong(value);
                            case "jitter" -> runJitter = Double.parseDouble(value);
                            default -> replicas.put(name.substring("replicas.".length()), Integer.parseInt(value));
                        }
                    }
                    SimModel model;
                    synchronized (models) {
                        model = ModelToSimulation.map(models, new ModelToSimulation.Variation(cpu, memory, Map.copyOf(replicas)));
                    }
                    return Sweep.Row.of(combination, new StackSimulation(model, base.withJitter(seed, runJitter)).run(null));
                }));
            }
            List<Sweep.Row> done = new ArrayList<>();
            for (Future<Sweep.Row> row : rows) {
                done.add(row.get());
            }
            return new Sweep(names(), done);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    // ------------------------------------------------------------------ reading and checking values

    private static List<String> values(String argument, String text, int at, String name) {
        List<String> values = new ArrayList<>();
        int start = 0;
        for (String part : text.split(",", -1)) {
            int partAt = at + start;
            start += part.length() + 1;
            if (part.isBlank()) {
                throw error(argument, partAt, partAt + Math.max(1, part.length()), "an empty value: separate values with single commas, e.g. "
                        + name + "=1,2,4");
            }
            int dots = part.indexOf("..");
            if (dots < 0) {
                values.add(part);
                continue;
            }
            String from = part.substring(0, dots);
            String to = part.substring(dots + 2);
            if (!from.matches("-?[0-9]+") || !to.matches("-?[0-9]+")) {
                throw error(argument, partAt, partAt + part.length(), "'" + part + "' is not a range: a range is FROM..TO of whole numbers, e.g. 2..8;"
                        + " list other values with commas, e.g. 1.0,1.5,2.0");
            }
            long first = Long.parseLong(from);
            long last = Long.parseLong(to);
            if (first > last) {
                throw error(argument, partAt, partAt + part.length(), "the range " + part + " is empty: write the smaller bound first, e.g. " + to
                        + ".." + from);
            }
            if (last - first >= MAX_RUNS) {
                throw error(argument, partAt, partAt + part.length(), "the range " + part + " has more than " + MAX_RUNS + " values: narrow it");
            }
            for (long value = first; value <= last; value++) {
                values.add(Long.toString(value));
            }
        }
        return values;
    }

    private static void checkNumbers(String argument, String text, int at, List<String> values, double min, double max, String rule) {
        for (String value : values) {
            double number;
            try {
                number = new BigDecimal(value).doubleValue();
            } catch (NumberFormatException e) {
                throw error(argument, at + Math.max(0, text.indexOf(value)), at + Math.max(0, text.indexOf(value)) + value.length(),
                        "'" + value + "' is not a number: " + rule);
            }
            if (number < min || number > max) {
                throw error(argument, at + Math.max(0, text.indexOf(value)), at + Math.max(0, text.indexOf(value)) + value.length(),
                        value + " is out of range: " + rule);
            }
        }
    }

    private static void checkWhole(String argument, String text, int at, List<String> values, long min, String rule) {
        for (String value : values) {
            int where = at + Math.max(0, text.indexOf(value));
            if (!value.matches("-?[0-9]{1,18}") || Long.parseLong(value) < min) {
                throw error(argument, where, where + value.length(), "'" + value + "' does not do: " + rule);
            }
        }
    }

    /** The replicated elements of the models, by name: hosts, VMs, containers and workloads declared NAME[FIRST..LAST]. */
    private static Map<String, EObject> replicated(List<Model> models) {
        Map<String, EObject> replicated = new LinkedHashMap<>();
        for (Model model : models) {
            model.eAllContents().forEachRemaining(object -> {
                if (Replicas.of(object) != null) {
                    String name = org.eclipse.xtext.util.SimpleAttributeResolver.NAME_RESOLVER.apply(object);
                    if (name != null) {
                        replicated.putIfAbsent(name, object);
                    }
                }
            });
        }
        return replicated;
    }

    private static String notReplicated(String element, List<Model> models, Map<String, EObject> replicated) {
        String known = replicated.isEmpty() ? "the models have none" : "the models have " + String.join(", ", replicated.keySet());
        for (Model model : models) {
            var contents = model.eAllContents();
            while (contents.hasNext()) {
                EObject object = contents.next();
                if (element.equals(org.eclipse.xtext.util.SimpleAttributeResolver.NAME_RESOLVER.apply(object))) {
                    ICompositeNode node = NodeModelUtils.getNode(object);
                    String where = node == null || object.eResource() == null ? "" : " (" + object.eResource().getURI().lastSegment() + ":"
                            + node.getStartLine() + ")";
                    return "'" + element + "'" + where + " is not replicated: only elements declared with a range, such as vm " + element
                            + "[1..4], have a replica count to sweep (" + known + ")";
                }
            }
        }
        return "there is no replicated element named '" + element + "' (" + known + ")";
    }

    /** A usage error that shows the argument and marks the part of it that is wrong. */
    private static UserError error(String argument, int from, int to, String message) {
        int end = Math.max(from + 1, Math.min(to, argument.length()));
        return new UserError("--sweep " + argument + ": " + message + "\n  --sweep " + argument + "\n          " + " ".repeat(from) + "^".repeat(end - from),
                VinfraCli.USAGE_OR_IO);
    }
}
