/** Hovers: elements explained in the course's terms, with their key figures. */
package org.vinfra.lang.ide.hover;
