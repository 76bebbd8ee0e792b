package org.vinfra.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;

/**
 * The packaged target/vinfra.jar (after the package phase): its class files can all be held by JDK 25's AOT cache,
 * which does not take class files older than Java 6 (src/build/UpgradeClassFiles.java).
 */
class VinfraJarIT {

    private static final Path JAR = Path.of("target", "vinfra.jar");

    @Test
    void everyClassTheCommandLineLoadsIsAJava6OrLaterClassFile() throws IOException {
        assumeTrue(Runtime.version().feature() >= 24, "the class files are rewritten only by a build on JDK 24 or later");
        assertTrue(Files.isRegularFile(JAR), "the package phase wrote " + JAR.toAbsolutePath());
        List<String> old = new ArrayList<>();
        try (ZipFile jar = new ZipFile(JAR.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(jar.entries())) {
                if (entry.getName().endsWith(".class") && !entry.getName().startsWith("META-INF/") && majorVersion(jar, entry) < 50) {
                    old.add(entry.getName());
                }
            }
            // picocli (Java 5), reload4j (Java 5) and ANTLR 3's runtime (Java 1.4) as the build found them
            for (String name : List.of("picocli/CommandLine.class", "org/apache/log4j/Logger.class", "org/antlr/runtime/Parser.class")) {
                assertEquals(52, majorVersion(jar, jar.getEntry(name)), name + " is a Java 8 class file");
            }
        }
        // only reload4j's JMS and mail classes, whose super types are optional dependencies that are not in the jar
        assertEquals(List.of("org/apache/log4j/net/JMSAppender.class", "org/apache/log4j/net/JMSSink.class",
                "org/apache/log4j/net/SMTPAppender.class", "org/apache/log4j/or/jms/MessageRenderer.class"), old.stream().sorted().toList());
    }

    private static int majorVersion(ZipFile jar, ZipEntry entry) throws IOException {
        try (InputStream in = jar.getInputStream(entry)) {
            byte[] header = in.readNBytes(8);
            return (header[6] & 0xff) << 8 | header[7] & 0xff;
        }
    }
}
