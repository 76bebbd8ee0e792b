/** Compose Specification files (docker-compose, podman-compose). */
package org.vinfra.formats.compose;
