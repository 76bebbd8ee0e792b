/** Text to value and back for numbers, quantities with units and addresses. */
package org.vinfra.lang.conversion;
