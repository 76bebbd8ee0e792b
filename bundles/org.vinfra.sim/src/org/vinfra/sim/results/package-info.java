/** What a run found: the timeline of events, time series per entity, workload outcomes, problems; and its reports. */
package org.vinfra.sim.results;
