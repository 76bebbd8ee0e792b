/** Quick fixes for the diagnostics whose fix is clear. */
package org.vinfra.lang.ide.codeactions;
