package org.vinfra.diagram.server;

import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Jetty and GLSP log through SLF4J and Log4j 2, both routed to java.util.logging here: on the
 * command line only severe problems are printed, one line each (VINFRA_DEBUG=1 prints everything,
 * with stack traces).
 */
final class DiagramLogging {

    private static boolean installed;

    private DiagramLogging() {
    }

    static synchronized void install() {
        if (installed) {
            return;
        }
        installed = true;
        boolean debug = System.getenv("VINFRA_DEBUG") != null;
        Level level = debug ? Level.FINE : Level.SEVERE;
        for (String name : new String[] { "org.eclipse.jetty", "org.eclipse.glsp", "org.eclipse.lsp4j" }) {
            Logger logger = Logger.getLogger(name);
            logger.setLevel(level);
            logger.setUseParentHandlers(false);
            for (var handler : logger.getHandlers()) {
                logger.removeHandler(handler);
            }
            ConsoleHandler handler = new ConsoleHandler();
            handler.setLevel(level);
            handler.setFormatter(new Formatter() {
                @Override
                public String format(LogRecord record) {
                    String message = "vinfra diagram: " + record.getLevel().getName().toLowerCase() + ": " + formatMessage(record);
                    Throwable thrown = record.getThrown();
                    if (thrown != null) {
                        message += " (" + thrown + ")";
                        if (debug) {
                            java.io.StringWriter trace = new java.io.StringWriter();
                            thrown.printStackTrace(new java.io.PrintWriter(trace));
                            message += "\n" + trace;
                        }
                    }
                    return message + System.lineSeparator();
                }
            });
            logger.addHandler(handler);
            // keep a strong reference: java.util.logging holds loggers weakly
            KEPT[KEPT_COUNT++ % KEPT.length] = logger;
        }
    }

    private static final Logger[] KEPT = new Logger[3];
    private static int KEPT_COUNT;
}
