package org.vinfra.formats.compose;

import java.util.Map;

import org.yaml.snakeyaml.DumperOptions;

/** YAML output: block style, two-space indent, keys in model order, a header comment. */
final class Yaml {

    private Yaml() {
    }

    static String dump(Map<String, Object> document, String header) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(0);
        options.setWidth(200);
        options.setLineBreak(DumperOptions.LineBreak.UNIX);
        options.setSplitLines(false);
        return "# " + header + "\n" + new org.yaml.snakeyaml.Yaml(options).dump(document);
    }
}
