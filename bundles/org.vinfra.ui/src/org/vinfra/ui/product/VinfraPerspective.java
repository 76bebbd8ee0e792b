package org.vinfra.ui.product;

import org.eclipse.debug.ui.IDebugUIConstants;
import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;
import org.eclipse.ui.console.IConsoleConstants;
import org.vinfra.ui.launch.SimulationResultsView;

/**
 * The vinfra perspective, the product's first: the Project Explorer on the left, the editors in the
 * middle, the Outline on the right, the Problems, the Console, the Simulation Results and the
 * Properties below; the Run menu and the Run toolbar (the debug UI's launch action set).
 */
public final class VinfraPerspective implements IPerspectiveFactory {

    public static final String ID = "org.vinfra.ui.perspective";
    /** The Project Explorer (org.eclipse.ui.navigator.resources). */
    static final String PROJECT_EXPLORER = "org.eclipse.ui.navigator.ProjectExplorer";

    @Override
    public void createInitialLayout(IPageLayout layout) {
        String editors = layout.getEditorArea();
        IFolderLayout left = layout.createFolder("left", IPageLayout.LEFT, 0.2f, editors);
        left.addView(PROJECT_EXPLORER);
        IFolderLayout right = layout.createFolder("right", IPageLayout.RIGHT, 0.75f, editors);
        right.addView(IPageLayout.ID_OUTLINE);
        IFolderLayout bottom = layout.createFolder("bottom", IPageLayout.BOTTOM, 0.7f, editors);
        bottom.addView(IPageLayout.ID_PROBLEM_VIEW);
        bottom.addView(IConsoleConstants.ID_CONSOLE_VIEW);
        bottom.addView(SimulationResultsView.ID);
        bottom.addView(IPageLayout.ID_PROP_SHEET);

        layout.addActionSet(IDebugUIConstants.LAUNCH_ACTION_SET);
        layout.addActionSet(IPageLayout.ID_NAVIGATE_ACTION_SET);

        layout.addShowViewShortcut(PROJECT_EXPLORER);
        layout.addShowViewShortcut(IPageLayout.ID_OUTLINE);
        layout.addShowViewShortcut(IPageLayout.ID_PROP_SHEET);
        layout.addShowViewShortcut(IPageLayout.ID_PROBLEM_VIEW);
        layout.addShowViewShortcut(IConsoleConstants.ID_CONSOLE_VIEW);
        layout.addShowViewShortcut(SimulationResultsView.ID);
        layout.addNewWizardShortcut("org.vinfra.ui.newFile");
        layout.addNewWizardShortcut("org.vinfra.ui.exampleProject");
        layout.addNewWizardShortcut("org.eclipse.ui.wizards.new.project");
        layout.addNewWizardShortcut("org.eclipse.ui.wizards.new.folder");
        layout.addPerspectiveShortcut(ID);
    }
}
