/** Semantic highlighting: keywords, numbers, units, strings and names by element kind, as LSP semantic tokens. */
package org.vinfra.lang.ide.highlighting;
