import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassFileVersion;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeTransform;
import java.lang.classfile.instruction.DiscontinuedInstruction;
import java.lang.constant.ClassDesc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Build step of target/vinfra.jar (run by the pom in the package phase, on JDK 24 or later): rewrites the class
 * files older than Java 6 (class-file version 50) as Java 8 class files (version 52) with stack map frames.
 *
 * <p>Why: picocli, reload4j and ANTLR 3's runtime are compiled for Java 1.4 and 5 (versions 48 and 49). The JVM
 * verifies such classes with the old type-inferring verifier as they load, and JDK 25's AOT cache (JEP 483) cannot
 * hold them, nor any class that extends them (Xtext's ANTLR parsers): about 330 classes of a {@code simulate} were
 * read from the jar and verified at every start, about 0.1 s of CloudSim Plus's scenario (1.14 s against 1.24 s,
 * interleaved runs; releng/org.vinfra.benchmarks). Rewritten, they load linked from the cache.
 *
 * <p>Only the version and the frames change, never an instruction. Each rewritten class is checked with the JDK's
 * verifier ({@link ClassFile#verify}); a class that fails it, that uses {@code jsr}/{@code ret} (not allowed from
 * version 51) or whose super types are not in the jar (an optional dependency, such as JMS for reload4j's JMS
 * appender) is kept as it was.
 *
 * <pre>java UpgradeClassFiles.java JAR</pre> rewrites JAR in place (through a temporary file: an interrupted run
 * leaves the jar as it was).
 */
public final class UpgradeClassFiles {

    /** Java 8: the oldest version whose classes the AOT cache holds and that every supported JDK runs. */
    private static final int TARGET_MAJOR = ClassFile.JAVA_8_VERSION;

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: java UpgradeClassFiles.java JAR");
            System.exit(2);
        }
        Path jar = Path.of(args[0]);
        Map<String, ZipEntry> entries = new LinkedHashMap<>();
        Map<String, byte[]> contents = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(jar))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null;) {
                entries.put(entry.getName(), entry);
                contents.put(entry.getName(), in.readAllBytes());
            }
        }
        ClassHierarchyResolver inJar = ClassHierarchyResolver.ofResourceParsing(desc -> open(contents, desc));
        ClassFile classFile = ClassFile.of(ClassFile.ClassHierarchyResolverOption.of(ClassHierarchyResolver.defaultResolver().orElse(inJar).cached()),
                ClassFile.StackMapsOption.GENERATE_STACK_MAPS);
        ClassTransform toTargetVersion = (builder, element) -> {
            if (element instanceof ClassFileVersion) {
                builder.withVersion(TARGET_MAJOR, 0);
            } else {
                builder.with(element);
            }
        };
        // rebuilding every method body is what makes the API compute its frames
        ClassTransform upgrade = toTargetVersion.andThen(ClassTransform.transformingMethodBodies(CodeTransform.ACCEPT_ALL));
        int upgraded = 0;
        List<String> kept = new ArrayList<>();
        for (Map.Entry<String, byte[]> content : contents.entrySet()) {
            byte[] bytes = content.getValue();
            if (!content.getKey().endsWith(".class") || content.getKey().startsWith("META-INF/") || majorVersion(bytes) >= ClassFile.JAVA_6_VERSION) {
                continue;
            }
            ClassModel model = classFile.parse(bytes);
            boolean usesSubroutines = model.methods().stream().flatMap(method -> method.code().stream())
                    .flatMap(code -> code.elementStream()).anyMatch(DiscontinuedInstruction.class::isInstance);
            byte[] rewritten = null;
            if (!usesSubroutines) {
                try {
                    byte[] candidate = classFile.transformClass(model, upgrade);
                    if (classFile.verify(candidate).isEmpty()) {
                        rewritten = candidate;
                    }
                } catch (IllegalArgumentException | IllegalStateException unresolvable) {
                    // a super type outside the jar: frames cannot be computed
                }
            }
            if (rewritten == null) {
                kept.add(content.getKey());
            } else {
                content.setValue(rewritten);
                upgraded++;
            }
        }
        if (upgraded == 0) {
            System.out.println("UpgradeClassFiles: no class file older than Java 6 in " + jar.getFileName());
            return;
        }
        Path temporary = jar.resolveSibling(jar.getFileName() + ".upgrading");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(temporary))) {
            for (Map.Entry<String, ZipEntry> entry : entries.entrySet()) {
                ZipEntry copy = new ZipEntry(entry.getKey());
                copy.setTime(entry.getValue().getTime());
                out.putNextEntry(copy);
                out.write(contents.get(entry.getKey()));
                out.closeEntry();
            }
        }
        Files.move(temporary, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.println("UpgradeClassFiles: " + upgraded + " class files of " + jar.getFileName() + " rewritten as Java 8 class files; "
                + kept.size() + " kept as they were " + kept);
    }

    private static InputStream open(Map<String, byte[]> contents, ClassDesc type) {
        String descriptor = type.descriptorString();
        byte[] bytes = contents.get(descriptor.substring(1, descriptor.length() - 1) + ".class");
        return bytes == null ? null : new ByteArrayInputStream(bytes);
    }

    private static int majorVersion(byte[] classFile) {
        return classFile.length < 8 ? Integer.MAX_VALUE : (classFile[6] & 0xff) << 8 | classFile[7] & 0xff;
    }
}
