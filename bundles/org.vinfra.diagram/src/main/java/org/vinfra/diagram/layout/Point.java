package org.vinfra.diagram.layout;

/** A position in px, relative to the parent element's top-left corner (as GLSP positions are). */
public record Point(double x, double y) {
}
