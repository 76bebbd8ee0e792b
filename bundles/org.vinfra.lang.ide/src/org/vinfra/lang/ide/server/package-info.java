/**
 * The language server as vinfra runs it ({@code ./vinfra lsp}, the Eclipse editor): Xtext's server
 * with positions clamped as the Language Server Protocol says, and no document text in its errors.
 */
package org.vinfra.lang.ide.server;
