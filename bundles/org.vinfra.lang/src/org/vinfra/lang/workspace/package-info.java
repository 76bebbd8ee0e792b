/** Loading .vinfra files with their imports, and their diagnostics as FILE:LINE:COL problems. */
package org.vinfra.lang.workspace;
