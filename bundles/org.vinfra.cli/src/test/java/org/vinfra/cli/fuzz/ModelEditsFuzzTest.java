package org.vinfra.cli.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.vinfra.lang.edit.EditResult;
import org.vinfra.lang.edit.ModelEdits;
import org.vinfra.lang.vinfra.Compose;
import org.vinfra.lang.vinfra.Container;
import org.vinfra.lang.vinfra.Host;
import org.vinfra.lang.vinfra.Machine;
import org.vinfra.lang.vinfra.Network;
import org.vinfra.lang.vinfra.VirtualMachine;
import org.vinfra.lang.vinfra.VirtualNic;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * The operations of the diagram editor (create, add or reconnect a vNIC, move, set a value, delete,
 * rename), as {@link ModelEdits} plans them, in random sequences on any model without syntax errors: no
 * exception, a refusal says why in vinfra's words, and every applied edit leaves a text without syntax errors.
 */
class ModelEditsFuzzTest {

    @FuzzTest
    void operations(FuzzedDataProvider data) {
        Choices input = Choices.of(data);
        int steps = input.next(1, 6);
        List<int[]> choices = new ArrayList<>();
        List<String> words = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            choices.add(new int[] { input.next(0, 13), input.next(0, 1 << 16), input.next(0, 1 << 16) });
            words.add(input.word());
        }
        String text = input.text;
        ModelEdits edits = Fuzzing.language().getInstance(ModelEdits.class);
        for (int i = 0; i < steps; i++) {
            Fuzzing.Loaded loaded = Fuzzing.load(text);
            if (loaded.hasSyntaxErrors() || loaded.models().models().isEmpty()) {
                return;
            }
            Resource resource = loaded.models().models().get(0).eResource();
            EditResult result = apply(edits, resource, choices.get(i), words.get(i));
            if (result == null) {
                continue;
            }
            if (result instanceof EditResult.Refused refused) {
                Fuzzing.checkMessage(text + words.get(i), refused.reason());
                continue;
            }
            EditResult.Applied applied = (EditResult.Applied) result;
            URI uri = resource.getURI();
            assertTrue(applied.edits().keySet().stream().allMatch(uri::equals), () -> "edits of another file: " + applied.edits().keySet());
            String before = text;
            String after = applied.apply(uri, text);
            Fuzzing.Loaded edited = Fuzzing.load(after);
            assertFalse(edited.hasSyntaxErrors(), () -> applied.description() + " made syntax errors: " + edited.problems() + "\n" + before + "\n---\n" + after);
            text = after;
        }
    }

    private static EditResult apply(ModelEdits edits, Resource resource, int[] choice, String word) {
        List<Host> hosts = all(resource, Host.class);
        List<VirtualMachine> vms = all(resource, VirtualMachine.class);
        List<Network> networks = all(resource, Network.class);
        List<Container> containers = all(resource, Container.class);
        List<VirtualNic> nics = all(resource, VirtualNic.class);
        List<Compose> composes = all(resource, Compose.class);
        List<Machine> machines = new ArrayList<>(hosts);
        machines.addAll(vms);
        List<EObject> named = new ArrayList<>(machines);
        named.addAll(networks);
        named.addAll(containers);
        named.addAll(composes);
        int a = choice[1];
        int b = choice[2];
        String name = word.isEmpty() ? edits.freeName(resource, "x") : word;
        return switch (choice[0]) {
            case 0 -> edits.createHost(resource, name);
            case 1 -> hosts.isEmpty() ? null : edits.createVm(resource, name, pick(hosts, a));
            case 2 -> edits.createNetwork(resource, name);
            case 3 -> machines.isEmpty() ? null : edits.createContainer(resource, name, pick(machines, a));
            case 4 -> vms.isEmpty() || networks.isEmpty() ? null : edits.addNic(pick(vms, a), pick(networks, b));
            case 5 -> nics.isEmpty() ? null : edits.removeNic(pick(nics, a));
            case 6 -> vms.isEmpty() || hosts.isEmpty() ? null : edits.moveVm(pick(vms, a), pick(hosts, b));
            case 7 -> vms.isEmpty() ? null : edits.setVcpus(pick(vms, a), word);
            case 8 -> vms.isEmpty() ? null : edits.setMemory(pick(vms, a), word);
            case 9 -> named.isEmpty() ? null : edits.delete(pick(named, a));
            case 10 -> named.isEmpty() ? null : edits.rename(pick(named, a), name);
            case 11 -> nics.isEmpty() || networks.isEmpty() ? null : edits.reconnectNic(pick(nics, a), pick(networks, b));
            case 12 -> containers.isEmpty() || machines.isEmpty() ? null : edits.moveContainer(pick(containers, a), pick(machines, b));
            default -> composes.isEmpty() ? null : edits.createComposeService(pick(composes, a), name);
        };
    }

    private static <T> T pick(List<T> list, int index) {
        return list.get(index % list.size());
    }

    private static <T> List<T> all(Resource resource, Class<T> type) {
        List<T> found = new ArrayList<>();
        resource.getAllContents().forEachRemaining(o -> {
            if (type.isInstance(o)) {
                found.add(type.cast(o));
            }
        });
        return found;
    }
}
