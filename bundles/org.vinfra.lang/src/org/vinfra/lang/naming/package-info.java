/** What a .vinfra file exports to others: qualified names, and one name per replica. */
package org.vinfra.lang.naming;
