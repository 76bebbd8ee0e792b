package org.vinfra.lang.edit;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.ParserRule;
import org.eclipse.xtext.conversion.IValueConverterService;
import org.eclipse.xtext.conversion.ValueConverterException;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.parser.IParseResult;
import org.eclipse.xtext.parser.IParser;
import org.vinfra.lang.services.VinfraGrammarAccess;
import org.vinfra.lang.validation.Messages;
import org.vinfra.lang.vinfra.VinfraPackage.Literals;
import org.vinfra.lang.vinfra.VirtualMachine;

import com.google.inject.Inject;

/** {@link ModelEdits#setVcpus} and {@link ModelEdits#setMemory}: values checked by the language's value converters. */
class Values {

    private static final Pattern MAX = Pattern.compile("\\s+max\\s+");

    @Inject
    private IValueConverterService converters;

    @Inject
    private IParser parser;

    @Inject
    private VinfraGrammarAccess grammar;

    @Inject
    private Verifier verifier;

    /** See {@link ModelEdits#setVcpus}. */
    EditResult setVcpus(VirtualMachine vm, String text) {
        return Refusal.run(() -> {
            Resource resource = vm.eResource();
            Session work = new Session(resource, verifier);
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

    /** See {@link ModelEdits#setMemory}. */
    EditResult setMemory(VirtualMachine vm, String text) {
        return Refusal.run(() -> {
            Resource resource = vm.eResource();
            Session work = new Session(resource, verifier);
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
                    int settingStart = Layout.previousToken(vm, SourceText.start(node)).getTotalOffset(); // the keyword vcpus
                    work.add(resource, layout.insertAfter(vm, settingStart, SourceText.end(node), List.of(line)));
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
                if (!(Verifier.find(copy, vmKey) instanceof VirtualMachine copied) || copied.getMemory() == null
                        || copied.getMemory() != memory) {
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
}
