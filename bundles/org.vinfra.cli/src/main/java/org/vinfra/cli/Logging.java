package org.vinfra.cli;

/** Xtext and EMF log through log4j; on the command line only our own messages are printed. */
final class Logging {

    private Logging() {
    }

    static void quiet() {
        try {
            Class<?> logger = Class.forName("org.apache.log4j.Logger");
            Class<?> level = Class.forName("org.apache.log4j.Level");
            Object root = logger.getMethod("getRootLogger").invoke(null);
            logger.getMethod("setLevel", level).invoke(root, level.getField("OFF").get(null));
        } catch (ReflectiveOperationException | LinkageError e) {
            // no log4j on the class path: nothing to quiet
        }
    }
}
