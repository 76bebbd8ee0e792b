/** What vinfra adds to Xtext's language server itself (as opposed to the language's services). */
package org.vinfra.lang.ide.server;
