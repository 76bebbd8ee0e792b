/**
 * A laid-out topology graph as one standalone SVG file (no scripts, no external resources): for the command
 * line, the Maven plugin and documentation.
 */
package org.vinfra.diagram.svg;
