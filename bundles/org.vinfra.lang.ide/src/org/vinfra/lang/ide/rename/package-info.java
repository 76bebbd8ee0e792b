/** Rename in editors, on the model edits of {@code org.vinfra.lang.edit}: meaning kept, replicas included, across files. */
package org.vinfra.lang.ide.rename;
