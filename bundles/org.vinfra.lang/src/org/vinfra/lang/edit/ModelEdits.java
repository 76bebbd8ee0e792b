package org.vinfra.lang.edit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.vinfra.lang.model.Replicas;
import org.vinfra.lang.validation.Messages;
import org.vinfra.lang.vinfra.Compose;
import org.vinfra.lang.vinfra.Container;
import org.vinfra.lang.vinfra.Host;
import org.vinfra.lang.vinfra.Image;
import org.vinfra.lang.vinfra.Machine;
import org.vinfra.lang.vinfra.Model;
import org.vinfra.lang.vinfra.Network;
import org.vinfra.lang.vinfra.Replication;
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
 * are then parsed again as after any typing. It resolves the references of the resource set, so call
 * it where the resources may be read (in the language server, inside a read request).
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

    private static final Pattern NUMBERED = Pattern.compile("(.*?)(\\d+)");

    @Inject
    private Names names;

    @Inject
    private Verifier verifier;

    @Inject
    private Values values;

    @Inject
    private Deletion deletion;

    @Inject
    private Renaming renaming;

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
        return Refusal.run(() -> {
            Session work = new Session(resource, verifier);
            checkNewName(resource, null, name, Literals.HOST, "host");
            List<String> lines = List.of("host " + name + " {", "\tcpu {", "\t\tsockets 1", "\t\tcores 4", "\t\tfeatures vt-x", "\t}",
                    "\tmemory 16 GiB", "\thypervisor kvm {", "\t}", "}");
            work.add(resource, work.layout(resource).appendTopLevel(lines));
            return work.verify("Create host " + name, List.of(), new Verifier.Expectation()
                    .check(copy -> exactlyOne(copy, resource, Host.class, name) == null ? "there is no host " + name : null));
        });
    }

    /**
     * Appends {@code vm NAME on HOST { vcpus 1 memory 1 GiB }} (one setting per line). See
     * {@link #createVm(Resource, String, Host, Integer)}.
     */
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
        return Refusal.run(() -> {
            Session work = new Session(resource, verifier);
            checkNewName(resource, null, name, Literals.VIRTUAL_MACHINE, "virtual machine");
            String hostText = reference(resource, modelOf(resource), Literals.VIRTUAL_MACHINE__HOST, host, replica);
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
        return Refusal.run(() -> {
            Session work = new Session(resource, verifier);
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
        return Refusal.run(() -> {
            Session work = new Session(resource, verifier);
            checkNewName(resource, null, name, Literals.CONTAINER, "container");
            Model model = modelOf(resource);
            String on = placement == null ? "" : " on " + reference(resource, model, Literals.CONTAINER__MACHINE, placement, null);
            List<String> lines = new ArrayList<>();
            lines.add("container " + name + on + " {");
            String imageLine = imageLine(resource, model, Literals.CONTAINER__IMAGE, image, imageReference);
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
        return Refusal.run(() -> {
            Resource resource = compose.eResource();
            Session work = new Session(resource, verifier);
            checkNewName(resource, compose, name, Literals.CONTAINER, "service");
            List<String> lines = new ArrayList<>();
            lines.add("service " + name + " {");
            String imageLine = imageLine(resource, compose, Literals.CONTAINER__IMAGE, image, imageReference);
            if (imageLine != null) {
                lines.add("\t" + imageLine);
            }
            lines.add("}");
            EObject last = compose.eContents().stream().max(Comparator.comparingInt(SourceText::start)).orElse(null);
            work.add(resource, work.layout(resource).insertAtBlockEnd(compose, lines, last));
            String composeKey = Links.key(compose);
            List<String> notes = imageLine == null ? List.of(noImage(name)) : List.of();
            return work.verify("Create service " + name + " in compose " + compose.getName(), notes,
                    new Verifier.Expectation().check(copy -> Verifier.find(copy, composeKey) instanceof Compose copied
                            && copied.getServices().stream().filter(s -> name.equals(s.getName())).count() == 1 ? null
                                    : "compose " + compose.getName() + " has no service " + name));
        });
    }

    private String imageLine(Resource resource, EObject context, EReference reference, Image image, String imageReference) {
        if (image != null) {
            return "image " + reference(resource, context, reference, image, null);
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
        return Refusal.run(() -> {
            Resource resource = vm.eResource();
            Session work = new Session(resource, verifier);
            String nicName = nextNicName(vm);
            String networkText = reference(vm.eResource(), vm, Literals.VIRTUAL_NIC__NETWORK, network, null);
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
        return Refusal.run(() -> {
            Resource resource = nic.eResource();
            Session work = new Session(resource, verifier);
            if (nic.getNetwork() == network) {
                return new EditResult.Applied(Map.of(), "Nic " + nic.getName() + " is already on " + network.getName(), List.of());
            }
            String networkText = reference(nic.eResource(), nic, Literals.VIRTUAL_NIC__NETWORK, network, null);
            List<String> notes = new ArrayList<>();
            List<INode> onNetwork = NodeModelUtils.findNodesForFeature(nic, Literals.VIRTUAL_NIC__NETWORK);
            Verifier.Expectation expectation = new Verifier.Expectation()
                    .change(Links.key(nic) + "/network[0]", Links.key(network));
            if (!onNetwork.isEmpty()) {
                INode node = onNetwork.get(0);
                work.add(resource, TextEdit.replace(SourceText.start(node), SourceText.end(node), networkText));
            } else {
                INode function = NodeModelUtils.findNodesForFeature(nic, Literals.VIRTUAL_NIC__PHYSICAL_FUNCTION).get(0);
                ILeafNode keyword = Layout.previousToken(nic, SourceText.start(function));
                work.add(resource, TextEdit.replace(keyword.getTotalOffset(), SourceText.end(function), "on " + networkText));
                expectation.change(Links.key(nic) + "/physicalFunction[0]", Verifier.ANY);
                notes.add("nic " + nic.getName() + " was an SR-IOV virtual function of " + SourceText.tokens(function)
                        + "; it is now a vNIC on network " + networkText + ".");
            }
            String description = "Connect nic " + nic.getName() + " of " + Descriptions.describe(nic.eContainer()) + " to " + networkText;
            return work.verify(description, notes, expectation);
        });
    }

    /** Removes a NIC's line (or lines), line break included, and nothing else; on a line shared with other settings, only its text. */
    public EditResult removeNic(VirtualNic nic) {
        return Refusal.run(() -> {
            Resource resource = nic.eResource();
            Session work = new Session(resource, verifier);
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
        return Refusal.run(() -> {
            Resource resource = vm.eResource();
            Session work = new Session(resource, verifier);
            String hostText = reference(vm.eResource(), vm, Literals.VIRTUAL_MACHINE__HOST, host, replica);
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
        return Refusal.run(() -> {
            Resource resource = container.eResource();
            Session work = new Session(resource, verifier);
            String machineText = reference(container.eResource(), container, Literals.CONTAINER__MACHINE, machine, null);
            List<INode> nodes = NodeModelUtils.findNodesForFeature(container, Literals.CONTAINER__MACHINE);
            if (!nodes.isEmpty()) {
                INode node = nodes.get(0);
                if (container.getMachine() == machine) {
                    return new EditResult.Applied(Map.of(), container.getName() + " is already on " + machineText, List.of());
                }
                work.add(resource, TextEdit.replace(SourceText.start(node), SourceText.end(node), machineText));
            } else {
                ILeafNode open = Layout.openBrace(container);
                ILeafNode before = Layout.previousToken(container, open.getTotalOffset());
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
        return values.setVcpus(vm, text);
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
        return values.setMemory(vm, text);
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
        return deletion.delete(element);
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
        return renaming.rename(element, newName);
    }



    // ================================================================== shared

    private void checkNewName(Resource resource, EObject container, String name, EClass type, String kind) {
        String why = names.whyNotAName(name, kind);
        if (why == null) {
            why = names.whyTaken(resource, Names.namesOf(names.prefixFor(container), name, null), type, null);
        }
        if (why != null) {
            throw new Refusal(why);
        }
    }

    /**
     * How {@code context} (in {@code from}; null for a file without any element yet) names
     * {@code target}; refused when it cannot see it.
     */
    private String reference(Resource from, EObject context, EReference reference, EObject target, Integer replica) {
        if (target == null || target.eIsProxy() || target.eResource() == null) {
            throw new Refusal("The " + Messages.kindOf(reference.getEReferenceType()) + " to refer to is missing (it is not in a loaded file).");
        }
        String what = Descriptions.capitalize(Descriptions.describe(target));
        if (!reference.getEReferenceType().isInstance(target)) {
            throw new Refusal(what + " cannot be used here: a " + Messages.kindOf(reference.getEReferenceType()) + " is needed.");
        }
        if (replica != null) {
            Replication replication = Replicas.of(target);
            if (replication == null || replica < replication.getFirst() || replica > replication.getLast()) {
                throw new Refusal(what + " has " + (replication == null ? "no replicas"
                        : "the replicas " + replication.getFirst() + " to " + replication.getLast()) + ", so it has no replica " + replica
                        + ". Choose one of its replicas, or the element itself.");
            }
        }
        String text = context == null ? null : names.referenceText(context, reference, target, replica);
        if (text == null) {
            Resource declared = target.eResource();
            if (from != declared) {
                throw new Refusal(what + " is declared in " + declared.getURI().lastSegment() + ", which " + from.getURI().lastSegment()
                        + " does not import, so a reference there would not find it. Add 'import \"" + relative(from.getURI(), declared.getURI())
                        + "\"' at the top of " + from.getURI().lastSegment() + " first.");
            }
            throw new Refusal(what + " cannot be named from here: another element of the same name hides it. Rename one of them first.");
        }
        return text;
    }

    private static String relative(URI from, URI to) {
        URI relative = to.deresolve(from);
        return relative == null ? to.toString() : relative.toString();
    }

    /** The file's model, or null when it has no element yet (empty, or only comments). */
    private static Model modelOf(Resource resource) {
        return !resource.getContents().isEmpty() && resource.getContents().get(0) instanceof Model model ? model : null;
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


    /** A file's current text, as the edits' offsets count it (for callers that hold only the resource). */
    public static String textOf(Resource resource) {
        if (resource instanceof XtextResource xtext && xtext.getParseResult() != null) {
            return xtext.getParseResult().getRootNode().getText();
        }
        throw new IllegalArgumentException(resource.getURI() + " is not a parsed .vinfra file");
    }
}
