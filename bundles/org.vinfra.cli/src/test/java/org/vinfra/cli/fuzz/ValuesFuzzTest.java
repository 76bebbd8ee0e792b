package org.vinfra.cli.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.nio.file.Path;

import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.parser.IParseResult;
import org.eclipse.xtext.parser.IParser;
import org.vinfra.formats.ImportException;
import org.vinfra.formats.ShellWords;
import org.vinfra.formats.compose.YamlTree;
import org.vinfra.formats.docker.DockerfileParser;
import org.vinfra.lang.model.Addresses;
import org.vinfra.lang.model.Ipv6;
import org.vinfra.lang.model.Units;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * The front ends that read what users write, alone and so fast that the fuzzer tries many inputs: the
 * parser with its value converters (every number, quantity and address), the readers of quantities and
 * addresses, and the importers' readers of YAML, Dockerfiles and shell words. No exception but the one
 * that carries a message for the user, and that message in vinfra's words.
 */
class ValuesFuzzTest {

    /** The parser and value converters without linking: syntax errors only, each in vinfra's words. */
    @FuzzTest
    void parse(FuzzedDataProvider data) {
        String text = LanguageFuzzTest.text(data);
        IParseResult result = Fuzzing.language().getInstance(IParser.class).parse(new StringReader(text));
        for (INode error : result.getSyntaxErrors()) {
            Fuzzing.checkMessage(text, error.getSyntaxErrorMessage().getMessage());
        }
    }

    /** Quantities: a value is read or refused with a message; what is read formats back to the same value. */
    @FuzzTest
    void quantities(FuzzedDataProvider data) {
        Units units = switch (data.consumeInt(0, 4)) {
            case 0 -> Units.SIZE;
            case 1 -> Units.FREQUENCY;
            case 2 -> Units.BANDWIDTH;
            case 3 -> Units.INSTRUCTIONS;
            default -> Units.DURATION;
        };
        String text = data.consumeRemainingAsString();
        long value;
        try {
            value = units.parse(text);
        } catch (IllegalArgumentException e) {
            Fuzzing.checkMessage(text, e.getMessage());
            return;
        }
        assertEquals(value, units.parse(units.format(value)), () -> "'" + text + "' formats as " + units.format(value));
    }

    /** IPv4 addresses, CIDR blocks, IPv6 addresses and blocks. */
    @FuzzTest
    void addresses(FuzzedDataProvider data) {
        int kind = data.consumeInt(0, 3);
        String text = data.consumeRemainingAsString();
        try {
            switch (kind) {
                case 0 -> {
                    long address = Addresses.parseIpv4(text);
                    assertEquals(address, Addresses.parseIpv4(Addresses.format(address)));
                }
                case 1 -> Addresses.parseCidr(text);
                default -> Ipv6.parse(text, kind == 3);
            }
        } catch (IllegalArgumentException e) {
            Fuzzing.checkMessage(text, e.getMessage());
        }
    }

    /** The Dockerfile reader of the import. */
    @FuzzTest
    void dockerfileReader(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        try {
            DockerfileParser.parse(Path.of("Dockerfile"), text);
        } catch (ImportException e) {
            Fuzzing.checkMessage(text, e.getMessage());
        }
    }

    /** The YAML reader of the compose import (positions, merge keys, anchors). */
    @FuzzTest
    void yamlReader(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        try {
            YamlTree.toJava(YamlTree.load(Path.of("compose.yaml"), text));
        } catch (ImportException e) {
            Fuzzing.checkMessage(text, e.getMessage());
        }
    }

    /** Command lines split into words as a shell does (RUN, CMD, LXC init commands). */
    @FuzzTest
    void shellWords(FuzzedDataProvider data) {
        ShellWords.split(data.consumeRemainingAsString());
    }
}
