/** The rules of the language, one validator per concern; every code is in IssueCodes. */
package org.vinfra.lang.validation;
