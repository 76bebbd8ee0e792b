package org.vinfra.lang.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vinfra.lang.edit.EditResult;
import org.vinfra.lang.vinfra.Host;
import org.vinfra.lang.vinfra.Network;
import org.vinfra.lang.vinfra.VirtualMachine;
import org.vinfra.lang.vinfra.VirtualNic;

/**
 * Every operation follows the file's style: on the lab written with CRLF line breaks, or indented
 * with spaces, each operation gives exactly the text it gives on the tab-indented LF lab, in that
 * style.
 */
class EditStylesTest {

    private static final Pattern LEADING_TABS = Pattern.compile("(?m)^\\t+");

    @TempDir
    Path dir;

    /** The lab in a style: line break, indentation unit. */
    private static String styled(String text, String lineBreak, String indent) {
        Matcher matcher = LEADING_TABS.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(result, Matcher.quoteReplacement(indent.repeat(matcher.group().length())));
        }
        matcher.appendTail(result);
        return result.toString().replace("\n", lineBreak);
    }

    record Operation(String name, Function<EditWorkspace, EditResult> run) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Operation> operations() {
        var edits = EditWorkspace.EDITS;
        return List.of(
                new Operation("create host", f -> edits.createHost(f.resource(), "server2")),
                new Operation("create vm", f -> edits.createVm(f.resource(), "vm1", f.find(Host.class, "server1"))),
                new Operation("create container", f -> edits.createContainer(f.resource(), "c1", f.find(VirtualMachine.class, "db"), "x:1")),
                new Operation("add nic after the last", f -> edits.addNic(f.find(VirtualMachine.class, "web"), f.find(Network.class, "dmz"))),
                new Operation("add nic to a one-line vm", f -> edits.addNic(f.find(VirtualMachine.class, "db"), f.find(Network.class, "dmz"))),
                new Operation("reconnect nic", f -> edits.reconnectNic(f.find(VirtualNic.class, "web.eth0"), f.find(Network.class, "dmz"))),
                new Operation("remove nic", f -> edits.removeNic(f.find(VirtualNic.class, "web.eth1"))),
                new Operation("set vcpus", f -> edits.setVcpus(f.find(VirtualMachine.class, "web"), "4")),
                new Operation("set memory and max", f -> edits.setMemory(f.find(VirtualMachine.class, "web"), "6 GiB max 16 GiB")),
                new Operation("delete network", f -> edits.delete(f.find(Network.class, "lan"))),
                new Operation("delete one-line vm", f -> edits.delete(f.find(VirtualMachine.class, "db"))),
                new Operation("delete container", f -> edits.delete(f.find(org.vinfra.lang.vinfra.Container.class, "cache"))),
                new Operation("rename replicated vm", f -> edits.rename(f.find(VirtualMachine.class, "web"), "app")));
    }

    static Stream<Arguments> cases() {
        List<List<String>> styles = List.of(List.of("\r\n", "\t"), List.of("\n", "  "), List.of("\r\n", "    "));
        return operations().stream().flatMap(op -> styles.stream().map(style -> Arguments.of(op, style.get(0), style.get(1))));
    }

    @ParameterizedTest(name = "{0} with {2}-indentation and {1}-breaks")
    @MethodSource("cases")
    void operationsFollowTheFilesStyle(Operation operation, String lineBreak, String indent) {
        EditWorkspace plain = EditWorkspace.of(dir.resolve("plain"), "lab.vinfra", ModelEditsTest.LAB);
        plain.apply(operation.run().apply(plain));

        EditWorkspace styled = EditWorkspace.of(dir.resolve("styled"), "lab.vinfra", styled(ModelEditsTest.LAB, lineBreak, indent));
        styled.apply(operation.run().apply(styled));

        assertEquals(styled(plain.text(), lineBreak, indent), styled.text());
    }
}
