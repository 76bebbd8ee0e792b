package org.vinfra.diagram.svg;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.vinfra.diagram.graph.TopologyDiagram;
import org.vinfra.diagram.graph.TopologyGraphBuilder;
import org.vinfra.diagram.layout.Point;
import org.vinfra.diagram.layout.PositionSidecar;
import org.vinfra.diagram.layout.TopologyLayout;
import org.vinfra.lang.validation.IssueCodes;
import org.vinfra.lang.workspace.ModelSet;
import org.vinfra.lang.workspace.Problem;

/**
 * Loaded models to an SVG, the way the command line ({@code vinfra diagram}) and the Maven plugin
 * ({@code vinfra:diagram}) do it: build the graph, take the positions the user pinned from the sidecar of
 * the first model (read only: a rendering never writes it; renames in the text are followed in memory), lay
 * out, render.
 */
public final class DiagramSvg {

    /**
     * @param svg the document
     * @param diagram the laid-out diagram (its markers are the problems)
     * @param layout how it was laid out
     * @param sidecarProblem why the sidecar could not be used (it is then ignored), if it could not
     */
    public record Result(String svg, TopologyDiagram diagram, TopologyLayout.Report layout, Optional<String> sidecarProblem) {
    }

    private DiagramSvg() {
    }

    /** Whether the models can be drawn: they parse (other errors are drawn as markers). */
    public static boolean drawable(List<Problem> problems) {
        return problems.stream().noneMatch(p -> p.isError() && IssueCodes.SYNTAX_ERROR.equals(p.code()));
    }

    /**
     * Draws validated models.
     *
     * @param problems what {@link ModelSet#validate()} returned
     * @param expandedIds replicated elements to show expanded
     * @param model the file whose sidecar holds the pinned positions, or null for none
     * @param title the document's title
     */
    public static Result render(ModelSet models, List<Problem> problems, Collection<String> expandedIds, Path model, String title) {
        TopologyDiagram diagram = new TopologyGraphBuilder(expandedIds).build(models, problems);
        Map<String, Point> pinned = Map.of();
        Optional<String> sidecarProblem = Optional.empty();
        if (model != null) {
            try {
                PositionSidecar sidecar = PositionSidecar.load(model);
                sidecar.reconcile(diagram.graph());
                pinned = sidecar.positions();
            } catch (IOException e) {
                sidecarProblem = Optional.of(e.getMessage());
            }
        }
        TopologyLayout.Report report = new TopologyLayout().layout(diagram.graph(), pinned);
        return new Result(SvgRenderer.render(diagram, title), diagram, report, sidecarProblem);
    }
}
