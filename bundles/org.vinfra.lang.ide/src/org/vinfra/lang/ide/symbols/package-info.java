/** How elements show in outlines, symbol lists and completion: their LSP kinds, in one place ({@code ElementKinds}). */
package org.vinfra.lang.ide.symbols;
