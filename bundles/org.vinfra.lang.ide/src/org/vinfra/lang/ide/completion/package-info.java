/** Completion: keywords, elements in scope with their kinds, units, and top-level snippets, nothing inserted unasked. */
package org.vinfra.lang.ide.completion;
