/** Export of models to the files real tools read, and import back: the entry points and the output writer. */
package org.vinfra.formats;
