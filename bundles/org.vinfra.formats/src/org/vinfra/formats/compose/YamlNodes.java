package org.vinfra.formats.compose;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reading SnakeYAML's node tree, which keeps the position of every key and value. */
final class YamlNodes {

    private YamlNodes() {
    }

    /** A mapping's entries by key, in file order; keys keep their nodes for positions. */
    static Map<String, NodeTuple> entries(Node node) {
        Map<String, NodeTuple> entries = new LinkedHashMap<>();
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key) {
                    entries.put(key.getValue(), tuple);
                }
            }
        }
        return entries;
    }

    static boolean isMapping(Node node) {
        return node instanceof MappingNode;
    }

    static boolean isSequence(Node node) {
        return node instanceof SequenceNode;
    }

    static boolean isNull(Node node) {
        return node == null || node instanceof ScalarNode scalar && "tag:yaml.org,2002:null".equals(scalar.getTag().getValue());
    }

    static String scalar(Node node) {
        return node instanceof ScalarNode scalar && !isNull(node) ? scalar.getValue() : null;
    }

    static List<Node> items(Node node) {
        return node instanceof SequenceNode sequence ? sequence.getValue() : List.of();
    }

    static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    static int column(Node node) {
        return node.getStartMark().getColumn() + 1;
    }
}
