package org.vinfra.sim.core;

/** Handles one kind of event: {@code subject} is an entity index, {@code data} a payload (often a version stamp). */
@FunctionalInterface
public interface EventHandler {
    void handle(int subject, long data);
}
