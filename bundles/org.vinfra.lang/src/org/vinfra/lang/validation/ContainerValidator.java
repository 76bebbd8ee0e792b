package org.vinfra.lang.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.validation.Check;
import org.vinfra.lang.model.Defaults;
import org.vinfra.lang.model.Replicas;
import org.vinfra.lang.model.Topology;
import org.vinfra.lang.vinfra.Container;
import org.vinfra.lang.vinfra.Dependency;
import org.vinfra.lang.vinfra.DependencyCondition;
import org.vinfra.lang.vinfra.Env;
import org.vinfra.lang.vinfra.EnvironmentVariable;
import org.vinfra.lang.vinfra.Image;
import org.vinfra.lang.vinfra.Machine;
import org.vinfra.lang.vinfra.Model;
import org.vinfra.lang.vinfra.Network;
import org.vinfra.lang.vinfra.PortForward;
import org.vinfra.lang.vinfra.PortMapping;
import org.vinfra.lang.vinfra.Protocol;
import org.vinfra.lang.vinfra.Runtime;
import org.vinfra.lang.vinfra.VinfraPackage.Literals;

/** Containers, images and compose deployments. */
public class ContainerValidator extends VinfraCheck {

    private static final Pattern SECRET_KEY = Pattern.compile("(?i).*(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|CREDENTIAL).*");
    private static final Pattern CPUSET = Pattern.compile("\\d+(-\\d+)?(,\\d+(-\\d+)?)*");

    /**
     * An image's {@code from} chain must end at a registry image or a stage: one that comes back to the
     * image (a from b, b from a) has no first layer, and nothing could build or pull it.
     */
    @Check
    public void imagesDoNotBuildOnThemselves(Image image) {
        List<String> chain = new ArrayList<>(List.of(String.valueOf(image.getName())));
        java.util.Set<Image> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        seen.add(image);
        for (Image base = image.getBase(); base != null && !base.eIsProxy(); base = base.getBase()) {
            chain.add(String.valueOf(base.getName()));
            if (base == image) {
                error("Image '" + image.getName() + "' is built from itself (" + String.join(" from ", chain) + "): the chain of 'from'"
                        + " must end at a registry image (from \"debian:12\") or a stage, where its first layer comes from. Make one"
                        + " image of the chain start from a registry image.", image, Literals.IMAGE__BASE, IssueCodes.IMAGE_CYCLE);
                return;
            }
            if (!seen.add(base)) {
                return; // a cycle further up the chain: reported on the images that are in it
            }
        }
    }

    @Check
    public void hasImage(Container container) {
        boolean hasImage = container.getImage() != null || container.getImageReference() != null || container.getBuild() != null;
        if (container.getRuntime() == Runtime.LXC) {
            if (!hasImage && container.getTemplate() == null) {
                error("LXC container '" + container.getName() + "' has no template to build its root file system from. Add one, e.g."
                        + " template \"alpine:3.19\" (distribution:release, as lxc-create -t download takes them).", container,
                        Literals.CONTAINER__NAME, IssueCodes.CONTAINER_WITHOUT_IMAGE);
            }
        } else if (!hasImage) {
            error("Docker container '" + container.getName() + "' has no image. A container is a read-write layer on top of an image;"
                    + " add 'image \"nginx:1.27\"', 'image NAME' for an image declared in the model, or 'build \"./folder\"' to build it.", container,
                    Literals.CONTAINER__NAME, IssueCodes.CONTAINER_WITHOUT_IMAGE);
        }
    }

    @Check
    public void imageIsPinned(Container container) {
        checkPinned(container.getImageReference(), container, Literals.CONTAINER__IMAGE_REFERENCE);
    }

    @Check
    public void baseImageIsPinned(Image image) {
        checkPinned(resolveArguments(image.getBaseReference(), image), image, Literals.IMAGE__BASE_REFERENCE);
        for (org.vinfra.lang.settings.Stage stage : image.getStages()) {
            checkPinned(resolveArguments(stage.getBaseReference(), image), stage,
                    org.vinfra.lang.settings.SettingsPackage.Literals.STAGE__BASE_REFERENCE);
        }
    }

    /** The reference with the build arguments' defaults put in; null when one has none (then nobody can tell the tag). */
    private static String resolveArguments(String reference, Image image) {
        if (reference == null || !reference.contains("$")) {
            return reference;
        }
        String resolved = reference;
        for (org.vinfra.lang.settings.Arg arg : image.getArgs().stream().filter(org.vinfra.lang.settings.Arg.class::isInstance)
                .map(org.vinfra.lang.settings.Arg.class::cast).toList()) {
            if (arg.getValue() != null) {
                resolved = resolved.replace("${" + arg.getName() + "}", arg.getValue()).replaceAll("\\$" + arg.getName() + "\\b",
                        java.util.regex.Matcher.quoteReplacement(arg.getValue()));
            }
        }
        return resolved.contains("$") ? null : resolved;
    }

    private void checkPinned(String reference, EObject owner, EStructuralFeature feature) {
        if (reference == null || reference.contains("@") || reference.contains("$") || reference.equals("scratch")) {
            return;
        }
        String afterRegistry = reference.substring(reference.lastIndexOf('/') + 1);
        int colon = afterRegistry.indexOf(':');
        String tag = colon < 0 ? null : afterRegistry.substring(colon + 1);
        if (tag == null || tag.equals("latest")) {
            warning("Image '" + reference + "' is not pinned to a version" + (tag == null ? " (no tag means :latest)" : "")
                    + ". 'latest' moves whenever a new image is pushed, so the same model builds different systems on different days."
                    + " Pin a tag, e.g. '" + afterRegistry.replace(":latest", "") + ":1.2.3', or a digest (@sha256:...).", owner, feature,
                    IssueCodes.UNPINNED_IMAGE, reference);
        }
    }

    @Check
    public void noPlainSecrets(EnvironmentVariable variable) {
        checkPlainSecret(variable.getKey(), variable.getValue(), variable, Literals.ENVIRONMENT_VARIABLE__VALUE);
    }

    @Check
    public void noPlainSecrets(Env instruction) {
        checkPlainSecret(instruction.getKey(), instruction.getValue(), instruction, Literals.ENV__VALUE);
    }

    private void checkPlainSecret(String key, String value, EObject owner, EStructuralFeature feature) {
        boolean pointsAtAFile = key != null && key.endsWith("_FILE") || value != null && value.startsWith("/run/secrets/");
        if (key != null && value != null && !value.isEmpty() && !pointsAtAFile && SECRET_KEY.matcher(key).matches()) {
            warning("'" + key + "' looks like a secret, and its value is written in plain text: anyone who can read the model, the"
                    + " exported files or 'docker inspect' sees it. Declare a secret (secret " + key.toLowerCase() + " { file \"...\" }),"
                    + " give it to the container with 'secret NAME', and point the program at /run/secrets/NAME (e.g. "
                    + key + "_FILE).", owner, feature, IssueCodes.PLAIN_SECRET, key);
        }
    }

    @Check
    public void lxcRunsUnprivileged(Container container) {
        if (container.getRuntime() == Runtime.LXC && container.getUnprivileged() == null) {
            warning("LXC container '" + container.getName() + "' is privileged: without a user namespace id map, root in the container is"
                    + " root on the host, and a container escape owns the host. Nothing in it needs that; run it unprivileged with"
                    + " 'unprivileged idmap 0 100000 65536' (container ids 0-65535 become host ids 100000-165535).", container,
                    Literals.CONTAINER__NAME, IssueCodes.LXC_PRIVILEGED);
        } else if (container.isPrivileged()) {
            warning("Container '" + container.getName() + "' is privileged: it gets every capability and all host devices, so root in"
                    + " it is root on the host. Remove 'privileged' and grant only the capabilities it needs ('capabilities NET_ADMIN').",
                    container, Literals.CONTAINER__PRIVILEGED, IssueCodes.LXC_PRIVILEGED);
        }
    }

    @Check
    public void healthyNeedsHealthCheck(Dependency dependency) {
        Container target = dependency.getTarget();
        if (dependency.getCondition() == DependencyCondition.HEALTHY && target != null && !target.eIsProxy() && target.getHealth() == null) {
            error("This waits until '" + target.getName() + "' is healthy, but '" + target.getName() + "' has no health check, so it never"
                    + " becomes healthy and this container never starts. Add a health block to '" + target.getName()
                    + "' (health { test [\"CMD\", \"...\"] interval 10 s }) or wait for 'started'.", dependency,
                    Literals.DEPENDENCY__CONDITION, IssueCodes.HEALTHY_WITHOUT_HEALTHCHECK);
        }
    }

    @Check
    public void limitsFitTheMachine(Container container) {
        Machine machine = Topology.machineOf(container);
        if (machine == null || machine.eIsProxy() || container.getCgroup() == null) {
            return;
        }
        Long limit = Defaults.memoryLimit(container);
        Long memory = Defaults.memory(machine);
        if (limit != null && memory != null && limit > memory) {
            error("Container '" + container.getName() + "' may use up to " + Messages.size(limit) + " but " + Messages.describe(machine)
                    + " has only " + Messages.size(memory) + ". A cgroup limit above the machine's memory never protects the machine;"
                    + " lower the limit below " + Messages.size(memory) + ".", container.getCgroup(), Literals.CGROUP__MEMORY_LIMIT,
                    IssueCodes.CONTAINER_MEMORY_EXCEEDS_MACHINE);
        }
        int cpus = Defaults.cpus(machine);
        Double quota = container.getCgroup().getCpus();
        if (quota != null && quota > cpus) {
            error("Container '" + container.getName() + "' is allowed " + Messages.ratio(quota) + " CPUs but " + Messages.describe(machine)
                    + " has " + cpus + ". The quota can never be reached; lower 'cpus' to " + cpus + " or less.", container.getCgroup(),
                    Literals.CGROUP__CPUS, IssueCodes.CONTAINER_CPUS_EXCEED_MACHINE);
        }
        String cpuset = container.getCgroup().getCpuset();
        if (cpuset != null) {
            if (!CPUSET.matcher(cpuset).matches()) {
                error("cpuset \"" + cpuset + "\" is not a CPU list: write CPU numbers and ranges separated by commas, e.g. \"0-1,3\".",
                        container.getCgroup(), Literals.CGROUP__CPUSET, IssueCodes.INVALID_CPUSET);
            } else {
                long highest = 0;
                for (String number : cpuset.split("[,-]")) {
                    // digits only (the pattern says so), but maybe more than a long holds: such a CPU exists on no machine
                    highest = Math.max(highest, number.length() > 18 ? Long.MAX_VALUE : Long.parseLong(number));
                }
                if (highest >= cpus) {
                    error("cpuset \"" + cpuset + "\" names CPU " + highest + ", but " + Messages.describe(machine) + " has CPUs 0 to "
                            + (cpus - 1) + ". Pin the container to CPUs that exist.", container.getCgroup(), Literals.CGROUP__CPUSET,
                            IssueCodes.INVALID_CPUSET);
                }
            }
        }
    }

    /**
     * Kernel parameters a container may set are those of its own namespaces: IPC (kernel.msg*, kernel.sem, kernel.shm*,
     * fs.mqueue.*) and network (net.*, only with a network namespace of its own). Others belong to the host.
     */
    @Check
    public void sysctlsAreNamespaced(org.vinfra.lang.settings.Sysctl sysctl) {
        String key = sysctl.getKey();
        if (key == null) {
            return;
        }
        org.vinfra.lang.vinfra.Container container = org.eclipse.xtext.EcoreUtil2.getContainerOfType(sysctl, org.vinfra.lang.vinfra.Container.class);
        boolean ipc = NAMESPACED_IPC.contains(key) || key.startsWith("kernel.shm") || key.startsWith("kernel.msg") || key.startsWith("fs.mqueue.");
        boolean net = key.startsWith("net.");
        boolean sharedNetwork = container != null && !container.getNamespaces().isEmpty()
                && !container.getNamespaces().contains(org.vinfra.lang.vinfra.Namespace.NETWORK);
        if (!ipc && !net) {
            error("'" + key + "' is not a kernel parameter of the container's namespaces: it belongs to the whole host, so the container"
                    + " runtime refuses to start the container. A container may set IPC parameters (kernel.msg*, kernel.sem, kernel.shm*,"
                    + " fs.mqueue.*) and network ones (net.*); set this one on the host instead.", sysctl,
                    org.vinfra.lang.settings.SettingsPackage.Literals.SYSCTL__KEY, IssueCodes.SYSCTL_NOT_NAMESPACED);
        } else if (net && sharedNetwork) {
            error("'" + key + "' is a network parameter, but this container shares the host's network namespace, so setting it would"
                    + " change the host's network: the runtime refuses. Give the container its own network namespace (list 'network'"
                    + " in its namespaces) or set it on the host.", sysctl, org.vinfra.lang.settings.SettingsPackage.Literals.SYSCTL__KEY,
                    IssueCodes.SYSCTL_NOT_NAMESPACED);
        }
    }

    private static final java.util.Set<String> NAMESPACED_IPC = java.util.Set.of("kernel.sem");

    @Check
    public void ulimitSoftBelowHard(org.vinfra.lang.settings.Ulimit ulimit) {
        if (ulimit.getHard() != null && ulimit.getSoft() != null && ulimit.getSoft() > ulimit.getHard()) {
            error("The soft limit " + ulimit.getSoft() + " of '" + ulimit.getName() + "' is above its hard limit " + ulimit.getHard()
                    + ". A process may raise its soft limit up to the hard one, never past it, so the runtime refuses this pair. Write"
                    + " the smaller number first (soft:hard), e.g. " + ulimit.getHard() + ":" + ulimit.getSoft() + ".", ulimit,
                    org.vinfra.lang.settings.SettingsPackage.Literals.ULIMIT__SOFT, IssueCodes.ULIMIT_SOFT_ABOVE_HARD);
        }
    }

    /** Linux capabilities (capabilities(7)), without the CAP_ prefix; ALL stands for every one. */
    static final java.util.Set<String> CAPABILITIES = java.util.Set.of("ALL", "AUDIT_CONTROL", "AUDIT_READ", "AUDIT_WRITE", "BLOCK_SUSPEND", "BPF",
            "CHECKPOINT_RESTORE", "CHOWN", "DAC_OVERRIDE", "DAC_READ_SEARCH", "FOWNER", "FSETID", "IPC_LOCK", "IPC_OWNER", "KILL", "LEASE",
            "LINUX_IMMUTABLE", "MAC_ADMIN", "MAC_OVERRIDE", "MKNOD", "NET_ADMIN", "NET_BIND_SERVICE", "NET_BROADCAST", "NET_RAW", "PERFMON",
            "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_ADMIN", "SYS_BOOT", "SYS_CHROOT", "SYS_MODULE", "SYS_NICE", "SYS_PACCT",
            "SYS_PTRACE", "SYS_RAWIO", "SYS_RESOURCE", "SYS_TIME", "SYS_TTY_CONFIG", "SYSLOG", "WAKE_ALARM");

    @Check
    public void capabilitiesExist(Container container) {
        checkCapabilities(container, container.getCapabilities(), Literals.CONTAINER__CAPABILITIES);
        checkCapabilities(container, container.getDroppedCapabilities(), Literals.CONTAINER__DROPPED_CAPABILITIES);
    }

    private void checkCapabilities(Container container, List<String> capabilities, EStructuralFeature feature) {
        for (int i = 0; i < capabilities.size(); i++) {
            String name = capabilities.get(i).toUpperCase(java.util.Locale.ROOT).replaceFirst("^CAP_", "");
            if (!CAPABILITIES.contains(name)) {
                error("'" + capabilities.get(i) + "' is not a Linux capability, so the runtime refuses the container. Capabilities split"
                        + " root's power into pieces such as NET_ADMIN (network setup), SYS_TIME (the clock) or CHOWN; see capabilities(7)"
                        + " for the list.", container, feature, i, IssueCodes.UNKNOWN_CAPABILITY, capabilities.get(i));
            }
        }
    }

    /** A native setting is exported only into its own format; elsewhere it would be silently left out. */
    @Check
    public void nativesBelongToTheirFormat(org.vinfra.lang.settings.Native kept) {
        org.vinfra.lang.vinfra.Container container = org.eclipse.xtext.EcoreUtil2.getContainerOfType(kept, org.vinfra.lang.vinfra.Container.class);
        boolean inImage = org.eclipse.xtext.EcoreUtil2.getContainerOfType(kept, Image.class) != null;
        boolean inCompose = org.eclipse.xtext.EcoreUtil2.getContainerOfType(kept, org.vinfra.lang.vinfra.Compose.class) != null;
        boolean lxc = container != null && container.getRuntime() == Runtime.LXC;
        String where;
        boolean fits = switch (kept.getFormat()) {
            case DOCKERFILE -> inImage;
            case LXC -> lxc;
            case COMPOSE -> inCompose && !lxc && !inImage;
        };
        if (!fits) {
            where = inImage ? "an image (exported as a Dockerfile)" : container == null ? "an element outside a compose deployment"
                    : container.getRuntime() == Runtime.LXC ? "an LXC container (exported as an LXC config)"
                    : container.eContainer() instanceof org.vinfra.lang.vinfra.Compose ? "a compose service" : "a container outside a compose deployment (not exported)";
            warning("This native " + kept.getFormat().getLiteral() + " setting is in " + where + ", which is never exported as "
                    + kept.getFormat().getLiteral() + ", so it would be left out of every export. Move it to an element of that format, or"
                    + " remove it.", kept, org.vinfra.lang.settings.SettingsPackage.Literals.NATIVE__FORMAT, IssueCodes.NATIVE_FOR_OTHER_FORMAT);
        }
    }

    /** A secret or config says where its value comes from, or that it exists already. */
    @Check
    public void secretsHaveASource(org.vinfra.lang.vinfra.Secret secret) {
        if (secret.getFile() == null && secret.getEnvironment() == null && !secret.isExternal() && secret.getNatives().isEmpty()) {
            error("Secret '" + secret.getName() + "' says neither where its value comes from nor that it exists already, so no container"
                    + " can be given it. Add 'file \"secrets/" + secret.getName() + ".txt\"', 'environment \"VARIABLE\"', or 'external'.", secret,
                    Literals.SECRET__NAME, IssueCodes.SECRET_WITHOUT_SOURCE);
        }
    }

    @Check
    public void configsHaveASource(org.vinfra.lang.settings.Config config) {
        if (config.getFile() == null && config.getEnvironment() == null && config.getContent() == null && !config.isExternal()
                && config.getNatives().isEmpty()) {
            error("Config '" + config.getName() + "' says neither where its content comes from nor that it exists already, so no container"
                    + " can be given it. Add 'file \"...\"', 'content \"...\"', 'environment \"VARIABLE\"', or 'external'.", config,
                    org.vinfra.lang.settings.SettingsPackage.Literals.CONFIG__NAME, IssueCodes.SECRET_WITHOUT_SOURCE);
        }
    }

    /** Where a port is published: a machine, or, for containers placed nowhere, their file's container host. */
    private record Published(Object where, int port, Protocol protocol) {
    }

    private record Binding(String address, EObject owner, EStructuralFeature feature, int replicas) {
    }

    /** One port, one protocol, one address: one listener per machine. */
    @Check
    public void publishedPortsAreUnique(Model model) {
        Topology topology = topology(model);
        Map<Published, List<Binding>> bindings = new HashMap<>();
        for (Container container : topology.containers()) {
            Machine machine = Topology.machineOf(container);
            Object where = machine != null ? machine : container.eResource();
            for (PortMapping port : container.getPorts()) {
                if (port.getHostPort() != null) {
                    bindings.computeIfAbsent(new Published(where, port.getHostPort(), port.getProtocol()), k -> new ArrayList<>())
                            .add(new Binding(port.getHostAddress(), port, Literals.PORT_MAPPING__HOST_PORT, Replicas.count(container)));
                }
            }
        }
        for (Network network : topology.networks()) {
            for (PortForward forward : network.getForwards()) {
                if (forward.getHostPort() != null && network.getHost() != null) {
                    bindings.computeIfAbsent(new Published(network.getHost(), forward.getHostPort(), forward.getProtocol()),
                            k -> new ArrayList<>()).add(new Binding(null, forward, Literals.PORT_FORWARD__HOST_PORT, 1));
                }
            }
        }
        for (Map.Entry<Published, List<Binding>> entry : bindings.entrySet()) {
            List<Binding> list = entry.getValue();
            for (int i = 0; i < list.size(); i++) {
                Binding one = list.get(i);
                boolean clash = one.replicas() > 1;
                for (int j = 0; j < list.size() && !clash; j++) {
                    Binding other = list.get(j);
                    clash = i != j && (one.address() == null || other.address() == null || Objects.equals(one.address(), other.address()));
                }
                if (clash && one.owner().eResource() == model.eResource()) {
                    Published published = entry.getKey();
                    String where = published.where() instanceof Machine machine ? Messages.describe(machine)
                            : "the container host of this file";
                    error("Port " + published.port() + "/" + published.protocol().getLiteral() + " is published more than once on " + where
                            + (one.replicas() > 1 ? " (by each of the " + one.replicas() + " replicas)" : "")
                            + ". Only one listener can bind a port on an address, so the second container would fail to start."
                            + " Publish it on another host port (e.g. 8081:80).", one.owner(), one.feature(), IssueCodes.DUPLICATE_PUBLISHED_PORT);
                }
            }
        }
    }

    /** depends-on must form no cycle: a container in a cycle waits for itself and never starts. */
    @Check
    public void dependenciesHaveNoCycle(Model model) {
        Map<Container, Integer> state = new IdentityHashMap<>();
        for (Container container : topology(model).containers()) {
            visit(container, state, new ArrayList<>(), model);
        }
    }

    private static final int VISITING = 1;
    private static final int DONE = 2;

    private void visit(Container container, Map<Container, Integer> state, List<Dependency> path, Model model) {
        Integer seen = state.get(container);
        if (seen != null) {
            return;
        }
        state.put(container, VISITING);
        for (Dependency dependency : container.getDependencies()) {
            Container target = dependency.getTarget();
            if (target == null || target.eIsProxy()) {
                continue;
            }
            path.add(dependency);
            if (state.get(target) != null && state.get(target) == VISITING) {
                reportCycle(target, path, model);
            } else {
                visit(target, state, path, model);
            }
            path.remove(path.size() - 1);
        }
        state.put(container, DONE);
    }

    private void reportCycle(Container start, List<Dependency> path, Model model) {
        List<Dependency> cycle = new ArrayList<>();
        for (int i = path.size() - 1; i >= 0; i--) {
            cycle.add(0, path.get(i));
            if (path.get(i).eContainer() == start) {
                break;
            }
        }
        StringBuilder chain = new StringBuilder(start.getName());
        for (Dependency dependency : cycle) {
            chain.append(" -> ").append(dependency.getTarget().getName());
        }
        for (Dependency dependency : cycle) {
            if (dependency.eResource() == model.eResource()) {
                error("These containers wait for each other in a cycle (" + chain + "), so none of them can start first. Remove one"
                        + " depends-on of the cycle; a service that needs the other at run time should retry its connection instead.",
                        dependency, Literals.DEPENDENCY__TARGET, IssueCodes.DEPENDENCY_CYCLE);
            }
        }
    }
}
