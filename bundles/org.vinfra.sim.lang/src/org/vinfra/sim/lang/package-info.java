/** The adapter from .vinfra models (EMF) to the engine's entities (plain Java). */
package org.vinfra.sim.lang;
