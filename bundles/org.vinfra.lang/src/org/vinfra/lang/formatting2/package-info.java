/** The layout of .vinfra files. */
package org.vinfra.lang.formatting2;
