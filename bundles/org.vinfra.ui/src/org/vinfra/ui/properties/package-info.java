/**
 * The Properties view of model elements: one read-only page of an element's settings as written in
 * the text ({@link org.vinfra.ui.properties.ElementProperties}), shown for the element under the
 * text editor's caret and for the element selected in the diagram editor.
 */
package org.vinfra.ui.properties;
