package org.vinfra.diagram.layout;

import org.eclipse.glsp.graph.GBoundsAware;
import org.eclipse.glsp.graph.GModelElement;
import org.eclipse.glsp.graph.GModelRoot;

/** Where laid-out elements are in the root's coordinates (GLSP positions are relative to the parent). */
public final class Geometry {

    private Geometry() {
    }

    /** A rectangle in the root's coordinates. */
    public record Box(double x, double y, double width, double height) {

        public double right() {
            return x + width;
        }

        public double bottom() {
            return y + height;
        }

        public double centerX() {
            return x + width / 2;
        }

        public double centerY() {
            return y + height / 2;
        }

        /** Do the two overlap (touching edges do not)? */
        public boolean overlaps(Box other) {
            return x < other.right() && other.x < right() && y < other.bottom() && other.y < bottom();
        }
    }

    /** The top-left corner of an element in the root's coordinates. */
    public static Point absolute(GModelElement element) {
        double x = 0;
        double y = 0;
        for (GModelElement each = element; each != null && !(each instanceof GModelRoot); each = each.getParent()) {
            if (each instanceof GBoundsAware shape && shape.getPosition() != null) {
                x += shape.getPosition().getX();
                y += shape.getPosition().getY();
            }
        }
        return new Point(x, y);
    }

    /** The bounds of a shape in the root's coordinates (an element without a size is a point). */
    public static Box box(GModelElement element) {
        Point corner = absolute(element);
        double width = 0;
        double height = 0;
        if (element instanceof GBoundsAware shape && shape.getSize() != null) {
            width = shape.getSize().getWidth();
            height = shape.getSize().getHeight();
        }
        return new Box(corner.x(), corner.y(), width, height);
    }
}
