/** The discrete-event core: the clock, the event queue and the loop. Nothing else schedules or runs events. */
package org.vinfra.sim.core;
