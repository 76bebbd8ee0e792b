package org.vinfra.ui.launch;

import java.util.List;
import java.util.Locale;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.vinfra.sim.results.SimulationResult.Series;

/** A line chart of time series (one metric, several entities): axes with their ranges, one colour per entity, a legend. */
final class Chart extends Canvas {

    private static final Color[] PALETTE = { new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44), new Color(214, 39, 40),
            new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194), new Color(127, 127, 127) };

    private String title = "";
    private String unit = "";
    private List<Series> series = List.of();

    Chart(Composite parent) {
        super(parent, SWT.DOUBLE_BUFFERED);
        addPaintListener(e -> paint(e.gc));
        addListener(SWT.Resize, e -> redraw());
    }

    void show(String chartTitle, String chartUnit, List<Series> shown) {
        title = chartTitle;
        unit = chartUnit;
        series = shown;
        redraw();
    }

    private void paint(GC gc) {
        Rectangle area = getClientArea();
        gc.setBackground(getDisplay().getSystemColor(SWT.COLOR_WHITE));
        gc.fillRectangle(area);
        gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_BLACK));
        gc.drawText(title + (unit.isEmpty() ? "" : " (" + unit + ")"), 6, 4, true);
        if (series.isEmpty() || series.get(0).times().length == 0) {
            gc.drawText("nothing recorded", 6, 24, true);
            return;
        }
        double tMax = 0;
        double vMax = 0;
        for (Series s : series) {
            for (double t : s.times()) {
                tMax = Math.max(tMax, t);
            }
            for (double v : s.values()) {
                vMax = Math.max(vMax, v);
            }
        }
        vMax = vMax <= 0 ? 1 : vMax * 1.1;
        tMax = tMax <= 0 ? 1 : tMax;
        int legendHeight = 16 * ((series.size() + 2) / 3);
        int left = 50;
        int top = 24;
        int right = area.width - 10;
        int bottom = area.height - 22 - legendHeight;
        if (right - left < 20 || bottom - top < 20) {
            return;
        }
        gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_GRAY));
        gc.drawLine(left, top, left, bottom);
        gc.drawLine(left, bottom, right, bottom);
        gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
        gc.drawText(number(vMax), 4, top, true);
        gc.drawText("0", 4, bottom - 12, true);
        gc.drawText("0 s", left, bottom + 2, true);
        String end = number(tMax) + " s";
        Point endSize = gc.textExtent(end);
        gc.drawText(end, right - endSize.x, bottom + 2, true);
        gc.setLineWidth(2);
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            gc.setForeground(PALETTE[i % PALETTE.length]);
            int[] points = new int[s.times().length * 2];
            for (int p = 0; p < s.times().length; p++) {
                points[2 * p] = left + (int) Math.round((right - left) * s.times()[p] / tMax);
                points[2 * p + 1] = bottom - (int) Math.round((bottom - top) * s.values()[p] / vMax);
            }
            gc.drawPolyline(points);
            int legendX = left + (i % 3) * ((right - left) / 3);
            int legendY = bottom + 18 + (i / 3) * 16;
            gc.drawLine(legendX, legendY + 7, legendX + 14, legendY + 7);
            gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_BLACK));
            gc.drawText(s.entity(), legendX + 18, legendY, true);
        }
        gc.setLineWidth(1);
    }

    private static String number(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
