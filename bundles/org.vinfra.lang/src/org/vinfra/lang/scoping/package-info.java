/** Which names a reference can see: file-local, host-local and imported elements. */
package org.vinfra.lang.scoping;
