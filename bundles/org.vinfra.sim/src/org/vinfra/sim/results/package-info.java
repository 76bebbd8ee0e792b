/**
 * What a run found: the timeline of events, time series per entity, workload outcomes, problems;
 * and its reports. A what-if sweep ({@link org.vinfra.sim.results.Sweep}) sums each run up in a row.
 */
package org.vinfra.sim.results;
