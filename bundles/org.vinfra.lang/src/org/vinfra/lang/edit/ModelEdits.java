package org.vinfra.lang.edit;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.ParserRule;
import org.eclipse.xtext.conversion.IValueConverterService;
import org.eclipse.xtext.conversion.ValueConverterException;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.parser.IParseResult;
import org.eclipse.xtext.parser.IParser;
import org.eclipse.xtext.resource.XtextResource;
import org.vinfra.lang.model.Replicas;
import org.vinfra.lang.services.VinfraGrammarAccess;
import org.vinfra.lang.validation.Messages;
import org.vinfra.lang.vinfra.Compose;
import org.vinfra.lang.vinfra.Container;
import org.vinfra.lang.vinfra.Host;
import org.vinfra.lang.vinfra.Image;
import org.vinfra.lang.vinfra.Machine;
import org.vinfra.lang.vinfra.Model;
import org.vinfra.lang.vinfra.Network;
import org.vinfra.lang.vinfra.Replication;
import org.vinfra.lang.vinfra.TimedEvent;
import org.vinfra.lang.vinfra.VinfraPackage.Literals;
import org.vinfra.lang.vinfra.VirtualMachine;
import org.vinfra.lang.vinfra.VirtualNic;

import com.google.inject.Inject;
import com.google.inject.Singleton;

/**
 * Model edits as minimal text edits: the operations a topology diagram (or any tool that acts on
 * elements rather than on text) performs on .vinfra files, each answered as the smallest change of
 * the text that gives the intended model.
 *
 * <p>Get it from the language's injector ({@code injector.getInstance(ModelEdits.class)}). Every
 * operation takes elements of Xtext resources parsed from the files' current texts (so the node
 * model gives each element's text range), in one resource set holding the files that may refer to
 * each other (for a rename: every file whose references must follow). It returns
 * {@link EditResult.Applied} with {@link TextEdit}s per file URI, to be applied as one undoable change
 * (see {@link TextEdit#apply}), or {@link EditResult.Refused} with a reason for the user. It never
 * changes the resources or the files itself: the caller applies the edits to the documents, which
 * are then parsed again as after any typing.
 *
 * <p>The rules:
 * <ul>
 * <li>Only the text an operation is about changes: comments, blank lines, indentation and line
 * breaks elsewhere stay byte-identical. New text follows the file's line breaks (LF or CRLF) and
 * indentation (tabs, or the file's number of spaces), laid out as the formatter would; a block
 * written on one line stays on one line.</li>
 * <li>New top-level elements are appended at the end of the file after a blank line. A new NIC goes
 * after the VM's last NIC, else at the end of its block. A missing {@code vcpus} goes first in the
 * block, a missing {@code memory} after {@code vcpus}.</li>
 * <li>{@link #delete} removes the element's whole lines and the comment lines directly above it (no
 * blank line in between) except a comment that opens the file; {@link #removeNic} removes only the
 * NIC's lines. See {@link #delete} for what happens to references.</li>
 * <li>Every answer is checked before it is given: the edits are applied to a copy of all loaded
 * files, which must parse and link without new errors; references other than the edited ones must
 * keep their meaning; the copy must hold the intended model. Files with syntax errors are refused
 * (their syntax tree does not give reliable ranges).</li>
 * </ul>
 */
@Singleton
public class ModelEdits {

    private static final Pattern MAX = Pattern.compile("\\s+max\\s+");
    private static final Pattern NUMBERED = Pattern.compile("(.*?)(\\d+)");

    @Inject
    private Names names;

    @Inject
    private Verifier verifier;

    @Inject
    private IValueConverterService converters;

    @Inject
    private IParser parser;

    @Inject
    private VinfraGrammarAccess grammar;

    /** Thrown inside an operation when it must be refused; turned into {@link EditResult.Refused}. */
    private static final class Refusal extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refusal(String reason) {
            super(reason, null, false, false);
        }
    }

    // ================================================================== names

    /**
     * A name not yet used where a new element of {@code resource} would be seen: {@code prefix1},
     * {@code prefix2}, ... (the first free one). Replicas count: with {@code vm web[1..20]} declared,
     * {@code freeName(resource, "web")} is {@code web21}.
     *
     * @throws IllegalArgumentException when {@code prefix} followed by a number is not a name
     */
    public String freeName(Resource resource, String prefix) {
        if (!names.isName(prefix + "1")) {
            throw new IllegalArgumentException(names.whyNotAName(prefix + "1", "element"));
        }
        return names.freeName(resource, prefix);
    }

    // ================================================================== create

    /**
     * Appends a host with a CPU (1 socket, 4 cores, VT-x, so KVM's hardware-assisted virtualization
     * is valid), 16 GiB of memory and a KVM hypervisor:
     * <pre>
     * host NAME {
     * 	cpu {
     * 		sockets 1
     * 		cores 4
     * 		features vt-x
     * 	}
     * 	memory 16 GiB
     * 	hypervisor kvm {
     * 	}
     * }</pre>
     * Refused when the name is not a name or is taken.
     */
    public EditResult createHost(Resource resource, String name) {
        return run(() -> {
            Work work = new Work(resource);
            checkNewName(resource, null, name, Literals.HOST, "host");
            List<String> lines = List.of("host " + name + " {", "\tcpu {", "\t\tsockets 1", "\t\tcores 4", "\t\tfeatures vt-x", "\t}",
                    "\tmemory 16 GiB", "\thypervisor kvm {", "\t}", "}");
            work.add(resource, work.layout(resource).appendTopLevel(lines));
            return work.verify("Create host " + name, List.of(), new Verifier.Expectation()
                    .check(copy -> exactlyOne(copy, resource, Host.class, name) == null ? "there is no host " + name : null));
        });
    }

    /** Appends {@code vm NAME on HOST { vcpus 1 memory 1 GiB }} (one setting per line). See {@link #createVm(Resource, String, Host, Integer)}. */
    public EditResult createVm(Resource resource, String name, Host host) {
        return createVm(resource, name, host, null);
    }

    /**
     * Appends a VM with 1 vCPU and 1 GiB of memory placed on {@code host}, or on its replica number
     * {@code replica} ({@code on rack3}) when the host is replicated and {@code replica} is not null.
     * The host is named as the file sees it; refused when the file does not see it (its file is not
     * imported), when the name is not a name or is taken.
     */
    public EditResult createVm(Resource resource, String name, Host host, Integer replica) {
        return run(() -> {
            Work work = new Work(resource);
            checkNewName(resource, null, name, Literals.VIRTUAL_MACHINE, "virtual machine");
            String hostText = reference(modelOf(resource), Literals.VIRTUAL_MACHINE__HOST, host, replica);
            List<String> lines = List.of("vm " + name + " on " + hostText + " {", "\tvcpus 1", "\tmemory 1 GiB", "}");
            work.add(resource, work.layout(resource).appendTopLevel(lines));
            String hostKey = Links.key(host);
            return work.verify("Create vm " + name + " on " + hostText, List.of(), new Verifier.Expectation().check(copy -> {
                VirtualMachine vm = exactlyOne(copy, resource, VirtualMachine.class, name);
                if (vm == null) {
                    return "there is no vm " + name;
                }
                return vm.getHost() != null && hostKey.equals(Links.key(vm.getHost())) ? null : "vm " + name + " is not on " + hostText;
            }));
        });
    }

    /** Appends {@code network NAME { }} (an empty block: NAT by default). Refused when the name is not a name or is taken. */
    public EditResult createNetwork(Resource resource, String name) {
        return run(() -> {
            Work work = new Work(resource);
            checkNewName(resource, null, name, Literals.NETWORK, "network");
            work.add(resource, work.layout(resource).appendTopLevel(List.of("network " + name + " {", "}")));
            return work.verify("Create network " + name, List.of(), new Verifier.Expectation()
                    .check(copy -> exactlyOne(copy, resource, Network.class, name) == null ? "there is no network " + name : null));
        });
    }

    /**
     * Appends a container without an image, placed on a host or VM ({@code null}: no placement). The
     * result notes that the container needs an image; prefer the overloads that give one.
     */
    public EditResult createContainer(Resource resource, String name, Machine placement) {
        return createContainer(resource, name, placement, null, null);
    }

    /**
     * Appends {@code container NAME on MACHINE { image "REFERENCE" }}, e.g. with {@code "nginx:1.27"}.
     *
     * @param placement      a host or VM, or null for none
     * @param imageReference an image reference for a registry (written as a string), or null for none
     */
    public EditResult createContainer(Resource resource, String name, Machine placement, String imageReference) {
        return createContainer(resource, name, placement, null, imageReference);
    }

    /** Appends {@code container NAME on MACHINE { image IMAGE }} with an image declared in the model. */
    public EditResult createContainer(Resource resource, String name, Machine placement, Image image) {
        return createContainer(resource, name, placement, image, null);
    }

    private EditResult createContainer(Resource resource, String name, Machine placement, Image image, String imageReference) {
        return run(() -> {
            Work work = new Work(resource);
            checkNewName(resource, null, name, Literals.CONTAINER, "container");
            Model model = modelOf(resource);
            String on = placement == null ? "" : " on " + reference(model, Literals.CONTAINER__MACHINE, placement, null);
            List<String> lines = new ArrayList<>();
            lines.add("container " + name + on + " {");
            String imageLine = imageLine(model, Literals.CONTAINER__IMAGE, image, imageReference);
            if (imageLine != null) {
                lines.add("\t" + imageLine);
            }
            lines.add("}");
            work.add(resource, work.layout(resource).appendTopLevel(lines));
            String placementKey = placement == null ? null : Links.key(placement);
            return work.verify("Create container " + name + on, imageLine == null ? List.of(noImage(name)) : List.of(),
                    new Verifier.Expectation().check(copy -> {
                        Container container = exactlyOne(copy, resource, Container.class, name);
                        if (container == null) {
                            return "there is no container " + name;
                        }
                        boolean placed = placementKey == null ? container.getMachine() == null
                                : container.getMachine() != null && placementKey.equals(Links.key(container.getMachine()));
                        return placed ? null : "container " + name + " is not placed as asked";
                    }));
        });
    }

    /** Adds a service without an image at the end of a compose deployment; the result notes that it needs an image. */
    public EditResult createComposeService(Compose compose, String name) {
        return createComposeService(compose, name, null, null);
    }

    /** Adds {@code service NAME { image "REFERENCE" }} at the end of a compose deployment. */
    public EditResult createComposeService(Compose compose, String name, String imageReference) {
        return createComposeService(compose, name, null, imageReference);
    }

    /** Adds {@code service NAME { image IMAGE }} at the end of a compose deployment, with an image declared in the model. */
    public EditResult createComposeService(Compose compose, String name, Image image) {
        return createComposeService(compose, name, image, null);
    }

    /**
     * The service goes after the deployment's last member, indented as its members; when the members
     * are set apart by blank lines, so is the new service.
     */
    private EditResult createComposeService(Compose compose, String name, Image image, String imageReference) {
        return run(() -> {
            Resource resource = compose.eResource();
            Work work = new Work(resource);
            checkNewName(resource, compose, name, Literals.CONTAINER, "service");
            List<String> lines = new ArrayList<>();
            lines.add("service " + name + " {");
            String imageLine = imageLine(compose, Literals.CONTAINER__IMAGE, image, imageReference);
            if (imageLine != null) {
                lines.add("\t" + imageLine);
            }
            lines.add("}");
            EObject last = compose.eContents().stream().max(Comparator.comparingInt(SourceText::start)).orElse(null);
            work.add(resource, work.layout(resource).insertAtBlockEnd(compose, lines, last));
            String composeKey = Links.key(compose);
            return work.verify("Create service " + name + " in compose " + compose.getName(), imageLine == null ? List.of(noImage(name)) : List.of(),
                    new Verifier.Expectation().check(copy -> Verifier.find(copy, composeKey) instanceof Compose copied
                            && copied.getServices().stream().filter(s -> name.equals(s.getName())).count() == 1 ? null
                                    : "compose " + compose.getName() + " has no service " + name));
        });
    }

    private String imageLine(EObject context, EReference reference, Image image, String imageReference) {
        if (image != null) {
            return "image " + reference(context, reference, image, null);
        }
        if (imageReference == null) {
            return null;
        }
        if (imageReference.isBlank() || imageReference.contains("\n") || imageReference.contains("\r")) {
            throw new Refusal("'" + imageReference + "' is not an image reference: write one line such as nginx:1.27 or"
                    + " ghcr.io/example/app:2.3.1 (a registry path and a tag).");
        }
        return "image \"" + imageReference.strip().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String noImage(String name) {
        return "'" + name + "' has no image yet: a container is a layer on top of an image, so the validator reports it until you add"
                + " one (image \"nginx:1.27\", or the name of an image declared in the model).";
    }

    // ================================================================== NICs

    /**
     * Adds {@code nic NAME on NETWORK} to a VM: after its last NIC (on the next line, with that NIC's
     * indentation, or on the same line when the NIC shares its line with other settings), else at the
     * end of its block. NAME continues the numbering of the VM's NICs ({@code eth0}, {@code eth1}, ...;
     * {@code nic3} after {@code nic1}, {@code nic2}): the next free number.
     */
    public EditResult addNic(VirtualMachine vm, Network network) {
        return run(() -> {
            Resource resource = vm.eResource();
            Work work = new Work(resource);
            String nicName = nextNicName(vm);
            String networkText = reference(vm, Literals.VIRTUAL_NIC__NETWORK, network, null);
            List<String> line = List.of("nic " + nicName + " on " + networkText);
            Layout layout = work.layout(resource);
            if (vm.getNics().isEmpty()) {
                work.add(resource, layout.insertAtBlockEnd(vm, line, null));
            } else {
                VirtualNic last = vm.getNics().get(vm.getNics().size() - 1);
                work.add(resource, layout.insertAfter(vm, SourceText.start(last), SourceText.end(last), line));
            }
            String vmKey = Links.key(vm);
            String networkKey = Links.key(network);
            return work.verify("Add nic " + nicName + " on " + networkText + " to vm " + vm.getName(), List.of(),
                    new Verifier.Expectation().check(copy -> {
                        if (!(Verifier.find(copy, vmKey) instanceof VirtualMachine copied)) {
                            return "vm " + vm.getName() + " is gone";
                        }
                        return copied.getNics().stream().anyMatch(n -> nicName.equals(n.getName()) && n.getNetwork() != null
                                && networkKey.equals(Links.key(n.getNetwork()))) ? null : "vm " + vm.getName() + " has no nic " + nicName;
                    }));
        });
    }

    private String nextNicName(VirtualMachine vm) {
        Set<String> used = new LinkedHashSet<>();
        for (VirtualNic nic : vm.getNics()) {
            used.add(nic.getName());
        }
        String prefix = "eth";
        int next = 0;
        if (!vm.getNics().isEmpty()) {
            Matcher numbered = NUMBERED.matcher(vm.getNics().get(vm.getNics().size() - 1).getName());
            if (numbered.matches() && !numbered.group(1).isEmpty()) {
                prefix = numbered.group(1);
            }
            for (String name : used) {
                Matcher matcher = NUMBERED.matcher(name);
                if (matcher.matches() && matcher.group(1).equals(prefix) && matcher.group(2).length() < 9) {
                    next = Math.max(next, Integer.parseInt(matcher.group(2)) + 1);
                }
            }
        }
        while (used.contains(prefix + next) || !names.isName(prefix + next)) {
            next++;
        }
        return prefix + next;
    }

    /**
     * Attaches a vNIC to another network: replaces only the network's name after {@code on}. An SR-IOV
     * NIC ({@code nic fast sriov eno1}) becomes a vNIC on the network: {@code sriov eno1} is replaced by
     * {@code on NETWORK}, and the result says so.
     */
    public EditResult reconnectNic(VirtualNic nic, Network network) {
        return run(() -> {
            Resource resource = nic.eResource();
            Work work = new Work(resource);
            if (nic.getNetwork() == network) {
                return new EditResult.Applied(Map.of(), "Nic " + nic.getName() + " is already on " + network.getName(), List.of());
            }
            String networkText = reference(nic, Literals.VIRTUAL_NIC__NETWORK, network, null);
            List<String> notes = new ArrayList<>();
            List<INode> onNetwork = NodeModelUtils.findNodesForFeature(nic, Literals.VIRTUAL_NIC__NETWORK);
            Verifier.Expectation expectation = new Verifier.Expectation()
                    .change(Links.key(nic) + "/network[0]", Links.key(network));
            if (!onNetwork.isEmpty()) {
                INode node = onNetwork.get(0);
                work.add(resource, TextEdit.replace(SourceText.start(node), SourceText.end(node), networkText));
            } else {
                INode function = NodeModelUtils.findNodesForFeature(nic, Literals.VIRTUAL_NIC__PHYSICAL_FUNCTION).get(0);
                ILeafNode keyword = previousToken(nic, SourceText.start(function));
                work.add(resource, TextEdit.replace(keyword.getTotalOffset(), SourceText.end(function), "on " + networkText));
                expectation.change(Links.key(nic) + "/physicalFunction[0]", Verifier.ANY);
                notes.add("nic " + nic.getName() + " was an SR-IOV virtual function of " + SourceText.tokens(function)
                        + "; it is now a vNIC on network " + networkText + ".");
            }
            return work.verify("Connect nic " + nic.getName() + " of " + ownerName(nic) + " to " + networkText, notes, expectation);
        });
    }

    /** Removes a NIC's line (or lines), line break included, and nothing else; on a line shared with other settings, only its text. */
    public EditResult removeNic(VirtualNic nic) {
        return run(() -> {
            Resource resource = nic.eResource();
            Work work = new Work(resource);
            VirtualMachine vm = (VirtualMachine) nic.eContainer();
            work.add(resource, work.layout(resource).remove(SourceText.start(nic), SourceText.end(nic), false));
            String vmKey = Links.key(vm);
            int count = vm.getNics().size();
            String name = nic.getName();
            return work.verify("Remove nic " + name + " from vm " + vm.getName(), List.of(), new Verifier.Expectation().structureChanges()
                    .check(copy -> Verifier.find(copy, vmKey) instanceof VirtualMachine copied && copied.getNics().size() == count - 1
                            && copied.getNics().stream().noneMatch(n -> name.equals(n.getName())) ? null : "nic " + name + " is still there"));
        });
    }

    // ================================================================== placement

    /** Places a VM on another host: replaces only the host's name after {@code on}. See {@link #moveVm(VirtualMachine, Host, Integer)}. */
    public EditResult moveVm(VirtualMachine vm, Host host) {
        return moveVm(vm, host, null);
    }

    /**
     * Places a VM on another host, or on one replica of a replicated host ({@code replica} not null):
     * replaces only the host's name after {@code on} (the grammar requires a placement, so there is
     * always one). The VM's disks, passthrough devices and SR-IOV NICs name parts of their host by
     * simple name; they follow to the new host's parts of the same names, and the move is refused when
     * the new host lacks one.
     */
    public EditResult moveVm(VirtualMachine vm, Host host, Integer replica) {
        return run(() -> {
            Resource resource = vm.eResource();
            Work work = new Work(resource);
            String hostText = reference(vm, Literals.VIRTUAL_MACHINE__HOST, host, replica);
            INode node = NodeModelUtils.findNodesForFeature(vm, Literals.VIRTUAL_MACHINE__HOST).get(0);
            if (SourceText.tokens(node).equals(hostText)) {
                return new EditResult.Applied(Map.of(), "Vm " + vm.getName() + " is already on " + hostText, List.of());
            }
            work.add(resource, TextEdit.replace(SourceText.start(node), SourceText.end(node), hostText));
            Verifier.Expectation expectation = new Verifier.Expectation().change(Links.key(vm) + "/host[0]", Links.key(host));
            for (Links.Link link : Links.of(resource)) {
                if (link.target() != null && EcoreUtil.isAncestor(vm, link.source()) && link.feature() != Literals.VIRTUAL_MACHINE__HOST
                        && link.target().eContainer() instanceof Host) {
                    expectation.change(link.key(), Verifier.ANY); // datastores, devices, SR-IOV NICs: host-local names follow the VM
                }
            }
            return work.verify("Move vm " + vm.getName() + " to " + hostText, List.of(), expectation);
        });
    }

    /** Places a container on a host or VM: replaces the machine's name after {@code on}, or adds {@code on MACHINE} before its block. */
    public EditResult moveContainer(Container container, Machine machine) {
        return run(() -> {
            Resource resource = container.eResource();
            Work work = new Work(resource);
            String machineText = reference(container, Literals.CONTAINER__MACHINE, machine, null);
            List<INode> nodes = NodeModelUtils.findNodesForFeature(container, Literals.CONTAINER__MACHINE);
            if (!nodes.isEmpty()) {
                INode node = nodes.get(0);
                if (container.getMachine() == machine) {
                    return new EditResult.Applied(Map.of(), container.getName() + " is already on " + machineText, List.of());
                }
                work.add(resource, TextEdit.replace(SourceText.start(node), SourceText.end(node), machineText));
            } else {
                ILeafNode open = Layout.openBrace(container);
                ILeafNode before = previousToken(container, open.getTotalOffset());
                work.add(resource, TextEdit.insert(before.getTotalEndOffset(), " on " + machineText));
            }
            return work.verify("Move container " + container.getName() + " to " + machineText, List.of(),
                    new Verifier.Expectation().change(Links.key(container) + "/machine[0]", Links.key(machine)));
        });
    }

    // ================================================================== values

    /**
     * Sets a VM's vCPUs: {@code text} is a whole number of at least 1 (checked by the language's value
     * converter for counts). Replaces only the value after {@code vcpus}; adds {@code vcpus N} first in
     * the block when the VM has none.
     */
    public EditResult setVcpus(VirtualMachine vm, String text) {
        return run(() -> {
            Resource resource = vm.eResource();
            Work work = new Work(resource);
            String value = text == null ? "" : text.strip();
            Integer vcpus = convert(value, grammar.getCountRule(), "a number of vCPUs", "2");
            if (vcpus == 0) {
                throw new Refusal("A VM needs at least one vCPU to run; 0 would never be scheduled. Write 1 or more.");
            }
            String written = Integer.toString(vcpus);
            List<INode> nodes = NodeModelUtils.findNodesForFeature(vm, Literals.VIRTUAL_MACHINE__VCPUS);
            if (!nodes.isEmpty()) {
                INode node = nodes.get(0);
                if (vm.getVcpus() != null && vm.getVcpus().equals(vcpus) && SourceText.tokens(node).equals(written)) {
                    return new EditResult.Applied(Map.of(), "Vm " + vm.getName() + " already has " + written + " vCPUs", List.of());
                }
                work.add(resource, TextEdit.replace(SourceText.start(node), SourceText.end(node), written));
            } else {
                work.add(resource, work.layout(resource).insertAtBlockStart(vm, List.of("vcpus " + written)));
            }
            String vmKey = Links.key(vm);
            return work.verify("Set vcpus of vm " + vm.getName() + " to " + written, List.of(), new Verifier.Expectation().check(
                    copy -> Verifier.find(copy, vmKey) instanceof VirtualMachine copied && vcpus.equals(copied.getVcpus()) ? null
                            : "vm " + vm.getName() + " does not have " + written + " vCPUs"));
        });
    }

    /**
     * Sets a VM's memory: {@code text} is a size ({@code 4 GiB}) or a size and a maximum for hot-add
     * ({@code 4 GiB max 8 GiB}), checked by the language's value converter for sizes. Replaces only
     * the values (a maximum is added after the memory when there was none; an existing maximum stays
     * when {@code text} gives none, and must then be at least the memory); adds the line after
     * {@code vcpus} (else first in the block) when the VM has none. Sizes are written as a number, a
     * space and a unit.
     */
    public EditResult setMemory(VirtualMachine vm, String text) {
        return run(() -> {
            Resource resource = vm.eResource();
            Work work = new Work(resource);
            String value = text == null ? "" : text.strip();
            String[] parts = MAX.split(value, 2);
            String memoryText = normalizeSize(parts[0]);
            long memory = convert(parts[0], grammar.getSizeRule(), "a size", "4 GiB");
            String maxText = parts.length > 1 ? normalizeSize(parts[1]) : null;
            Long max = parts.length > 1 ? convert(parts[1], grammar.getSizeRule(), "a size", "8 GiB") : null;
            if (max != null && max < memory) {
                throw new Refusal("The maximum (" + maxText + ") is less than the memory the VM starts with (" + memoryText + "): hot-add"
                        + " can only grow memory up to the maximum. Write a maximum at least as large, e.g. " + memoryText + " max "
                        + normalizeSize(Messages.size(memory * 2)) + ".");
            }
            if (max == null && vm.getMaxMemory() != null && vm.getMaxMemory() < memory) {
                throw new Refusal("VM '" + vm.getName() + "' has a maximum of " + Messages.size(vm.getMaxMemory()) + " for hot-add, less than "
                        + memoryText + ": it would start above its own maximum. Give both, e.g. '" + memoryText + " max "
                        + normalizeSize(Messages.size(memory * 2)) + "'.");
            }
            List<INode> memoryNodes = NodeModelUtils.findNodesForFeature(vm, Literals.VIRTUAL_MACHINE__MEMORY);
            List<INode> maxNodes = NodeModelUtils.findNodesForFeature(vm, Literals.VIRTUAL_MACHINE__MAX_MEMORY);
            Layout layout = work.layout(resource);
            if (!memoryNodes.isEmpty()) {
                INode memoryNode = memoryNodes.get(0);
                if (!NodeModelUtils.getTokenText(memoryNode).equals(memoryText)) {
                    work.add(resource, TextEdit.replace(SourceText.start(memoryNode), SourceText.end(memoryNode), memoryText));
                }
                if (maxText != null && !maxNodes.isEmpty()) {
                    INode maxNode = maxNodes.get(0);
                    if (!NodeModelUtils.getTokenText(maxNode).equals(maxText)) {
                        work.add(resource, TextEdit.replace(SourceText.start(maxNode), SourceText.end(maxNode), maxText));
                    }
                } else if (maxText != null) {
                    work.add(resource, TextEdit.insert(SourceText.end(memoryNode), " max " + maxText));
                }
            } else {
                String line = "memory " + memoryText + (maxText == null ? "" : " max " + maxText);
                List<INode> vcpus = NodeModelUtils.findNodesForFeature(vm, Literals.VIRTUAL_MACHINE__VCPUS);
                if (!vcpus.isEmpty()) {
                    INode node = vcpus.get(0);
                    work.add(resource, layout.insertAfter(vm, previousToken(vm, SourceText.start(node)).getTotalOffset(), SourceText.end(node),
                            List.of(line)));
                } else {
                    work.add(resource, layout.insertAtBlockStart(vm, List.of(line)));
                }
            }
            String vmKey = Links.key(vm);
            String shown = memoryText + (maxText == null ? "" : " max " + maxText);
            if (work.isEmpty()) {
                return new EditResult.Applied(Map.of(), "Vm " + vm.getName() + " already has memory " + shown, List.of());
            }
            return work.verify("Set memory of vm " + vm.getName() + " to " + shown, List.of(), new Verifier.Expectation().check(copy -> {
                if (!(Verifier.find(copy, vmKey) instanceof VirtualMachine copied) || copied.getMemory() == null || copied.getMemory() != memory) {
                    return "vm " + vm.getName() + " does not have memory " + memoryText;
                }
                return max == null || max.equals(copied.getMaxMemory()) ? null : "vm " + vm.getName() + " does not have max " + maxText;
            }));
        });
    }

    /** "4GiB" -> "4 GiB": the number, a space, the unit (as the course and the formatter write sizes). */
    private static String normalizeSize(String text) {
        String compact = text.replaceAll("\\s+", "");
        int split = 0;
        while (split < compact.length() && (Character.isDigit(compact.charAt(split)) || compact.charAt(split) == '.')) {
            split++;
        }
        return split == 0 || split == compact.length() ? compact : compact.substring(0, split) + " " + compact.substring(split);
    }

    /**
     * Converts a value with the language's value converter for {@code rule}, after checking that the
     * parser reads the text as one such value.
     */
    @SuppressWarnings("unchecked")
    private <T> T convert(String text, ParserRule rule, String what, String example) {
        if (text.isBlank()) {
            throw new Refusal("A value is missing: write " + what + ", e.g. " + example + ".");
        }
        T value;
        try {
            value = (T) converters.toValue(text, rule.getName(), null);
        } catch (ValueConverterException e) {
            throw new Refusal(e.getMessage() + (e.getMessage().endsWith(".") || e.getMessage().endsWith(")") ? "" : ".")
                    + " Write " + what + ", e.g. " + example + ".");
        }
        IParseResult parsed = parser.parse(rule, new StringReader(text));
        if (parsed.hasSyntaxErrors() || value == null) {
            throw new Refusal("'" + text + "' is not " + what + " as the language writes it: write e.g. " + example + ".");
        }
        return value;
    }

    // ================================================================== delete

    /**
     * Deletes an element: removes its whole lines (line breaks included; only its own text when it
     * shares a line with other settings) and the comment lines directly above it, with no blank line
     * in between (a comment that opens the file stays: it describes the file). When that leaves two
     * blank lines together, one goes too.
     *
     * <p>What refers to the element (or to its parts) is never left broken:
     * <ul>
     * <li>connections go with it, and the result's notes list each with file:line: vNICs attached to a
     * deleted network (or SR-IOV NICs on a deleted host NIC), containers' network attachments,
     * {@code depends-on} lines, flows, mounts of a deleted volume, {@code secret} and
     * {@code passthrough} lines, and timeline events about it;</li>
     * <li>what is placed on it or built from it refuses the delete, naming each referrer with
     * file:line: VMs on a host, containers and compose deployments on a machine, networks of a host,
     * workloads in a VM or container, disks on a datastore, containers using an image, images built
     * from it, networks using a NIC as uplink. Move or delete those first: deleting a host must not
     * silently take the VMs (and their comments) in other files with it.</li>
     * </ul>
     */
    public EditResult delete(EObject element) {
        return run(() -> {
            Resource resource = element.eResource();
            Work work = new Work(resource);
            if (element instanceof Model || SourceText.nodeOf(element) == null) {
                throw new Refusal("Only an element written in a file can be deleted.");
            }
            Map<EObject, String> refusals = new LinkedHashMap<>();
            Map<EObject, String> holders = new LinkedHashMap<>();
            List<Links.Link> values = new ArrayList<>();
            for (Links.Link link : Links.all(resource.getResourceSet())) {
                if (link.target() == null || !(link.target() == element || EcoreUtil.isAncestor(element, link.target()))
                        || EcoreUtil.isAncestor(element, link.source())) {
                    continue;
                }
                switch (DeleteRules.reactionTo(link.feature())) {
                    case REMOVE_HOLDER -> holders.putIfAbsent(link.source(), null);
                    case REMOVE_EVENT -> {
                        EObject event = link.source();
                        while (event != null && !(event instanceof TimedEvent)) {
                            event = event.eContainer();
                        }
                        holders.putIfAbsent(event == null ? link.source() : event, null);
                    }
                    case REMOVE_VALUE -> values.add(link);
                    case REFUSE -> refusals.putIfAbsent(link.source(), describeReferrer(link.source()) + " " + DeleteRules.dependency(link.feature()));
                }
            }
            String what = isNamed(element) ? describe(element) : "the " + kind(element.eClass());
            if (!refusals.isEmpty()) {
                // a disk of a VM that is itself listed (placed on the host) is not listed again
                List<String> distinct = new ArrayList<>(new LinkedHashSet<>(refusals.entrySet().stream()
                        .filter(entry -> refusals.keySet().stream().noneMatch(other -> other != entry.getKey() && EcoreUtil.isAncestor(other,
                                entry.getKey())))
                        .map(Map.Entry::getValue).toList()));
                throw new Refusal(capitalize(what) + " cannot be deleted: " + (distinct.size() == 1 ? "1 element depends" : distinct.size()
                        + " elements depend") + " on it and would be left broken: " + String.join("; ", distinct) + ". Move them elsewhere"
                        + " (or delete them) first, then delete " + what + ".");
            }
            List<String> notes = new ArrayList<>();
            work.add(resource, work.layout(resource).remove(SourceText.start(element), SourceText.end(element), true));
            for (EObject holder : holders.keySet()) {
                if (holders.keySet().stream().anyMatch(other -> other != holder && EcoreUtil.isAncestor(other, holder))) {
                    continue;
                }
                notes.add("Also removed '" + oneLine(holder) + "' of " + describeHolder(holder) + ", which referred to " + what + ".");
                work.add(holder.eResource(), work.layout(holder.eResource()).remove(SourceText.start(holder), SourceText.end(holder), false));
            }
            for (Links.Link value : values) {
                if (holders.keySet().stream().anyMatch(holder -> EcoreUtil.isAncestor(holder, value.source()))) {
                    continue;
                }
                ILeafNode keyword = previousToken(value.source(), SourceText.start(value.node()));
                Resource file = value.source().eResource();
                String text = keyword.getText() + " " + SourceText.tokens(value.node());
                notes.add("Also removed '" + text + "' of " + describeReferrer(value.source()) + ", which referred to " + what + ".");
                work.add(file, work.layout(file).remove(keyword.getTotalOffset(), SourceText.end(value.node()), false));
            }
            EClass type = element.eClass();
            QualifiedName name = names.qualifiedName(element);
            return work.verify("Delete " + what, notes, new Verifier.Expectation().structureChanges().check(copy -> {
                if (name == null) {
                    return null;
                }
                Resource copied = copy.getResource(resource.getURI(), false);
                for (var contents = copied.getAllContents(); contents.hasNext();) {
                    EObject candidate = contents.next();
                    if (candidate.eClass() == type && name.equals(names.qualifiedName(candidate))) {
                        return what + " is still there";
                    }
                }
                return null;
            }));
        });
    }

    /**
     * "virtual machine 'web' (vms.vinfra:4)", "disk 'root' of virtual machine 'web' (vms.vinfra:8)": the
     * nearest named element holding {@code element}, and where {@code element} is written.
     */
    private static String describeReferrer(EObject element) {
        EObject named = element;
        while (named != null && !(named instanceof Model) && !isNamed(named)) {
            named = named.eContainer();
        }
        if (named == null || named instanceof Model) {
            EObject top = element;
            while (top.eContainer() != null && !(top.eContainer() instanceof Model)) {
                top = top.eContainer();
            }
            return "the " + top.eClass().getName().toLowerCase() + " (" + SourceText.location(element) + ")";
        }
        return describe(named) + " (" + SourceText.location(element) + ")";
    }

    /** The nearest named element holding {@code holder}, and where {@code holder} is written: "virtual machine 'web' (a.vinfra:7)". */
    private static String describeHolder(EObject holder) {
        EObject named = holder.eContainer();
        while (named != null && !(named instanceof Model) && !isNamed(named)) {
            named = named.eContainer();
        }
        String owner = named == null || named instanceof Model ? "the " + holder.eContainer().eClass().getName().toLowerCase() : describe(named);
        return owner + " (" + SourceText.location(holder) + ")";
    }

    private static boolean isNamed(EObject element) {
        return element.eClass().getEStructuralFeature("name") instanceof EAttribute name && element.eGet(name) != null;
    }

    /** "disk 'root' of virtual machine 'web'", "host 'server1'". */
    static String describe(EObject element) {
        String own = kind(element.eClass()) + " '" + element.eGet(element.eClass().getEStructuralFeature("name")) + "'";
        EObject container = element.eContainer();
        return container != null && !(container instanceof Model) && isNamed(container) ? own + " of " + describe(container) : own;
    }

    private static String kind(EClass type) {
        if (type == Literals.VIRTUAL_NIC) {
            return "vNIC";
        }
        if (type == Literals.VIRTUAL_DISK) {
            return "disk";
        }
        if (type == Literals.COMPOSE) {
            return "compose deployment";
        }
        if (type == Literals.WORKLOAD) {
            return "workload";
        }
        return Messages.kindOf(type);
    }

    private static String oneLine(EObject element) {
        return NodeModelUtils.getTokenText(SourceText.nodeOf(element)).replaceAll("\\s+", " ").strip();
    }

    private static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    // ================================================================== rename

    /**
     * Renames an element: its declaration and every reference to it in every file of its resource set
     * change, and nothing else. A reference changes only in the part that names this element (in
     * {@code server1.eno1}, renaming host server1 changes "server1"); a reference to a replica follows
     * its group ({@code web[1..20]} renamed to {@code app} turns {@code web3} into {@code app3}).
     * References are found by what they resolve to, never by matching text, so other elements whose
     * names merely look alike keep their meaning.
     *
     * <p>Refused when the new name is not a name (not an identifier, or a keyword the grammar's
     * {@code ValidID} does not allow), or when it or one of its replica names is taken by an element a
     * reference could confuse with this one, in its file or a file that imports it or that it imports.
     */
    public EditResult rename(EObject element, String newName) {
        return run(() -> {
            Resource resource = element.eResource();
            Work work = new Work(resource);
            EStructuralFeature feature = element.eClass().getEStructuralFeature("name");
            if (!(feature instanceof EAttribute nameAttribute) || !(element.eGet(nameAttribute) instanceof String oldName)) {
                throw new Refusal("Only a named element can be renamed.");
            }
            String kind = Messages.kindOf(element.eClass());
            String why = names.whyNotAName(newName, kind);
            if (why != null) {
                throw new Refusal(why);
            }
            String what = describe(element);
            if (newName.equals(oldName)) {
                return new EditResult.Applied(Map.of(), capitalize(what) + " is already named " + newName, List.of());
            }
            Replication replication = Replicas.of(element);
            String taken = names.whyTaken(resource, Names.namesOf(names.prefixFor(element.eContainer()), newName, replication), element.eClass(),
                    element);
            if (taken != null) {
                throw new Refusal(taken);
            }
            INode declaration = NodeModelUtils.findNodesForFeature(element, nameAttribute).get(0);
            work.add(resource, TextEdit.replace(SourceText.start(declaration), SourceText.end(declaration), newName));
            int references = 0;
            Set<URI> files = new LinkedHashSet<>();
            for (Links.Link link : Links.all(resource.getResourceSet())) {
                if (link.target() == null) {
                    continue;
                }
                List<EObject> chain = namedChain(link.target());
                List<ILeafNode> segments = segments(link.node());
                for (int i = 0; i < segments.size(); i++) {
                    int level = segments.size() - 1 - i;
                    if (level >= chain.size() || chain.get(level) != element) {
                        continue;
                    }
                    ILeafNode segment = segments.get(i);
                    String renamed = renamedSegment(segment.getText(), oldName, newName, replication);
                    if (renamed == null) {
                        throw new Refusal("The reference '" + SourceText.tokens(link.node()) + "' at " + SourceText.location(link.source())
                                + " names " + what + " in a way vinfra cannot rename. Nothing was changed; rename it in the text, or"
                                + " report this with the file.");
                    }
                    work.add(link.source().eResource(), TextEdit.replace(segment.getTotalOffset(), segment.getTotalEndOffset(), renamed));
                    references++;
                    files.add(link.source().eResource().getURI());
                }
            }
            List<String> notes = new ArrayList<>();
            if (references > 0) {
                notes.add("Renamed " + references + (references == 1 ? " reference" : " references") + " in " + files.size()
                        + (files.size() == 1 ? " file" : " files") + ".");
            }
            String key = Links.key(element);
            return work.verify("Rename " + what + " to " + newName, notes, new Verifier.Expectation().check(copy -> {
                EObject copied = Verifier.find(copy, key);
                return copied != null && newName.equals(copied.eGet(copied.eClass().getEStructuralFeature("name"))) ? null
                        : what + " is not named " + newName;
            }));
        });
    }

    /** The element and its named containers, innermost first: the elements the segments of its qualified name stand for. */
    private List<EObject> namedChain(EObject element) {
        List<EObject> chain = new ArrayList<>();
        for (EObject current = element; current != null && !(current instanceof Model); current = current.eContainer()) {
            if (names.qualifiedName(current) != null) {
                chain.add(current);
            }
        }
        return chain;
    }

    /** The name tokens of a reference's text (server1, eno1 in "server1.eno1"). */
    private static List<ILeafNode> segments(INode node) {
        List<ILeafNode> segments = new ArrayList<>();
        for (ILeafNode leaf : node.getLeafNodes()) {
            if (!leaf.isHidden() && !(leaf.getGrammarElement() instanceof Keyword keyword && ".".equals(keyword.getValue()))) {
                segments.add(leaf);
            }
        }
        return segments;
    }

    /** web -> app, web3 -> app3 (a replica within the range); null when the text is neither. */
    private static String renamedSegment(String text, String oldName, String newName, Replication replication) {
        String name = text.startsWith("^") ? text.substring(1) : text;
        if (name.equals(oldName)) {
            return newName;
        }
        if (replication != null && name.startsWith(oldName)) {
            String number = name.substring(oldName.length());
            if (number.matches("[1-9][0-9]{0,8}")) {
                int replica = Integer.parseInt(number);
                if (replica >= replication.getFirst() && replica <= replication.getLast()) {
                    return newName + number;
                }
            }
        }
        return null;
    }

    // ================================================================== shared

    /** Runs an operation, turning a refusal into {@link EditResult.Refused}. */
    private static EditResult run(java.util.function.Supplier<EditResult> operation) {
        try {
            return operation.get();
        } catch (Refusal refusal) {
            return new EditResult.Refused(refusal.getMessage());
        }
    }

    private void checkNewName(Resource resource, EObject container, String name, EClass type, String kind) {
        String why = names.whyNotAName(name, kind);
        if (why == null) {
            why = names.whyTaken(resource, Names.namesOf(names.prefixFor(container), name, null), type, null);
        }
        if (why != null) {
            throw new Refusal(why);
        }
    }

    /** How {@code context} names {@code target}; refused when it cannot see it. */
    private String reference(EObject context, EReference reference, EObject target, Integer replica) {
        if (target == null || target.eIsProxy() || target.eResource() == null) {
            throw new Refusal("The " + Messages.kindOf(reference.getEReferenceType()) + " to refer to is missing (it is not in a loaded file).");
        }
        if (!reference.getEReferenceType().isInstance(target)) {
            throw new Refusal(capitalize(describe(target)) + " cannot be used here: a " + Messages.kindOf(reference.getEReferenceType())
                    + " is needed.");
        }
        if (replica != null) {
            Replication replication = Replicas.of(target);
            if (replication == null || replica < replication.getFirst() || replica > replication.getLast()) {
                throw new Refusal(capitalize(describe(target)) + " has " + (replication == null ? "no replicas"
                        : "the replicas " + replication.getFirst() + " to " + replication.getLast()) + ", so it has no replica " + replica
                        + ". Choose one of its replicas, or the element itself.");
            }
        }
        String text = names.referenceText(context, reference, target, replica);
        if (text == null) {
            Resource from = context.eResource();
            Resource declared = target.eResource();
            if (from != declared) {
                throw new Refusal(capitalize(describe(target)) + " is declared in " + declared.getURI().lastSegment() + ", which "
                        + from.getURI().lastSegment() + " does not import, so a reference there would not find it. Add 'import \""
                        + relative(from.getURI(), declared.getURI()) + "\"' at the top of " + from.getURI().lastSegment() + " first.");
            }
            throw new Refusal(capitalize(describe(target)) + " cannot be named from here: another element of the same name hides it."
                    + " Rename one of them first.");
        }
        return text;
    }

    private static String relative(URI from, URI to) {
        URI relative = to.deresolve(from);
        return relative == null ? to.toString() : relative.toString();
    }

    private static Model modelOf(Resource resource) {
        if (resource.getContents().isEmpty() || !(resource.getContents().get(0) instanceof Model model)) {
            throw new Refusal("The file " + resource.getURI().lastSegment() + " holds no model.");
        }
        return model;
    }

    /** The only top-level element of a type and name in the copy of a file, or null. */
    private static <T extends EObject> T exactlyOne(ResourceSet copy, Resource original, Class<T> type, String name) {
        Resource resource = copy.getResource(original.getURI(), false);
        if (resource == null || resource.getContents().isEmpty() || !(resource.getContents().get(0) instanceof Model model)) {
            return null;
        }
        List<T> found = new ArrayList<>();
        for (EObject element : model.getElements()) {
            if (type.isInstance(element) && name.equals(element.eGet(element.eClass().getEStructuralFeature("name")))) {
                found.add(type.cast(element));
            }
        }
        return found.size() == 1 ? found.get(0) : null;
    }

    /** The last token (not white space or comment) of {@code element} that ends at or before {@code offset}. */
    private static ILeafNode previousToken(EObject element, int offset) {
        ILeafNode previous = null;
        for (ILeafNode leaf : SourceText.nodeOf(element).getLeafNodes()) {
            if (leaf.getTotalOffset() >= offset) {
                break;
            }
            if (!leaf.isHidden()) {
                previous = leaf;
            }
        }
        if (previous == null) {
            throw new Refusal("vinfra could not find where to edit " + kind(element.eClass()) + "; please report this with the file.");
        }
        return previous;
    }

    private static String ownerName(EObject element) {
        return describe(element.eContainer());
    }

    /**
     * The edits of one operation, file by file, with the layouts of the files it touches. Files must
     * parse without syntax errors: their syntax tree gives the ranges edits are computed from.
     */
    private final class Work {
        private final ResourceSet resources;
        private final Map<Resource, Layout> layouts = new HashMap<>();
        private final Map<URI, List<TextEdit>> edits = new LinkedHashMap<>();

        Work(Resource resource) {
            if (resource == null || resource.getResourceSet() == null) {
                throw new Refusal("The element is not in a loaded file.");
            }
            if (!(resource instanceof XtextResource)) {
                throw new Refusal(resource.getURI().lastSegment() + " is not a .vinfra file parsed by vinfra.");
            }
            resources = resource.getResourceSet();
            checkParses(resource);
            EcoreUtil.resolveAll(resources);
        }

        Layout layout(Resource resource) {
            return layouts.computeIfAbsent(resource, r -> {
                checkParses(r);
                return new Layout(SourceText.of((XtextResource) r));
            });
        }

        void add(Resource resource, TextEdit edit) {
            layout(resource);
            edits.computeIfAbsent(resource.getURI(), uri -> new ArrayList<>()).add(edit);
        }

        boolean isEmpty() {
            return edits.isEmpty();
        }

        EditResult verify(String description, List<String> notes, Verifier.Expectation expectation) {
            Map<URI, List<TextEdit>> sorted = new LinkedHashMap<>();
            edits.forEach((uri, list) -> sorted.put(uri, merged(list)));
            return verifier.verify(resources, sorted, description, notes, expectation);
        }

        private void checkParses(Resource resource) {
            if (!(resource instanceof XtextResource xtext) || xtext.getParseResult() == null) {
                throw new Refusal(resource.getURI().lastSegment() + " is not a .vinfra file parsed by vinfra.");
            }
            if (xtext.getParseResult().hasSyntaxErrors()) {
                INode error = xtext.getParseResult().getSyntaxErrors().iterator().next();
                throw new Refusal(resource.getURI().lastSegment() + " has a syntax error at line " + error.getStartLine() + " ("
                        + error.getSyntaxErrorMessage().getMessage() + "). Fix the text first: an edit from the diagram needs a file that"
                        + " parses, to know where each element's text is.");
            }
        }
    }

    /** Edits in text order; overlapping deletions (two removals sharing a blank line) are merged. */
    private static List<TextEdit> merged(List<TextEdit> edits) {
        List<TextEdit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparingInt(TextEdit::offset).thenComparingInt(TextEdit::end));
        List<TextEdit> result = new ArrayList<>();
        for (TextEdit edit : sorted) {
            TextEdit last = result.isEmpty() ? null : result.get(result.size() - 1);
            if (last != null && edit.offset() < last.end()) {
                if (!last.newText().isEmpty() || !edit.newText().isEmpty()) {
                    throw new Refusal("vinfra computed overlapping edits (" + last + ", " + edit + "); nothing was changed. Please report this"
                            + " with the file.");
                }
                result.set(result.size() - 1, TextEdit.replace(last.offset(), Math.max(last.end(), edit.end()), ""));
            } else {
                result.add(edit);
            }
        }
        return result;
    }

    /** A file's current text, as the edits' offsets count it (for callers that hold only the resource). */
    public static String textOf(Resource resource) {
        if (resource instanceof XtextResource xtext && xtext.getParseResult() != null) {
            return xtext.getParseResult().getRootNode().getText();
        }
        throw new IllegalArgumentException(resource.getURI() + " is not a parsed .vinfra file");
    }

    /** The node of an element (for callers that map diagram elements back to text). */
    static ICompositeNode nodeOf(EObject element) {
        return SourceText.nodeOf(element);
    }
}
