/** libvirt domain and network XML. */
package org.vinfra.formats.libvirt;
