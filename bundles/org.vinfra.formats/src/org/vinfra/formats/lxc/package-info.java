/** LXC container configs and start scripts. */
package org.vinfra.formats.lxc;
