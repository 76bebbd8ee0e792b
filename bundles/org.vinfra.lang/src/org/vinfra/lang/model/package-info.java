/** Questions about a model that every tool asks: defaults, replicas, units, addresses, the topology. */
package org.vinfra.lang.model;
