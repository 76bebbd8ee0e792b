/** Dockerfiles. */
package org.vinfra.formats.docker;
