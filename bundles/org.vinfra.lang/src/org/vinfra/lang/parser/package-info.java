/** Syntax error messages. */
package org.vinfra.lang.parser;
