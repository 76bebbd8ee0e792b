package org.vinfra.cli;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.log4j.AppenderSkeleton;
import org.apache.log4j.Level;
import org.apache.log4j.Logger;
import org.apache.log4j.spi.LoggingEvent;

/**
 * Xtext and EMF log through log4j. On the command line nothing of it is printed; errors they log
 * (a validation rule that failed, which Xtext would otherwise skip silently) are collected so the
 * command can report them as internal errors.
 */
final class Logging {

    private static final List<String> INTERNAL_ERRORS = new CopyOnWriteArrayList<>();

    private Logging() {
    }

    static void install() {
        // This is the whole configuration: log4j need not find and parse the log4j.properties an Xtext jar puts
        // on the class path (35 ms of start-up) only for this to replace it.
        System.setProperty("log4j.defaultInitOverride", "true");
        Logger root = Logger.getRootLogger();
        root.removeAllAppenders();
        root.setLevel(Level.ERROR);
        root.addAppender(new AppenderSkeleton() {
            @Override
            protected void append(LoggingEvent event) {
                Throwable cause = event.getThrowableInformation() == null ? null : event.getThrowableInformation().getThrowable();
                while (cause != null && cause.getCause() != null) {
                    cause = cause.getCause();
                }
                INTERNAL_ERRORS.add(event.getRenderedMessage() + (cause == null ? "" : ": " + cause));
            }

            @Override
            public boolean requiresLayout() {
                return false;
            }

            @Override
            public void close() {
                // nothing to release
            }
        });
    }

    /** The internal errors logged since the last call. */
    static List<String> takeInternalErrors() {
        List<String> errors = List.copyOf(INTERNAL_ERRORS);
        INTERNAL_ERRORS.clear();
        return errors;
    }
}
