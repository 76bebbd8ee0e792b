/** Formatting in editors, with the command line's rule: a file with syntax errors is left as it is. */
package org.vinfra.lang.ide.formatting;
