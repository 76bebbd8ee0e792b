package org.vinfra.ui.wizards;

import java.util.List;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;
import org.vinfra.lang.workspace.Problem;

/** The problems a wizard page found (an import's approximations, a model's errors), positioned, as the Problems view lists them. */
final class ProblemTable {

    private final Table table;
    private final Text details;

    ProblemTable(Composite parent, int columns) {
        table = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).span(columns, 1).hint(600, 160).applyTo(table);
        column("Where", 170);
        column("Code", 150);
        column("Problem", 600);
        // the whole message of the selected problem: the table's column cuts long ones
        details = new Text(parent, SWT.READ_ONLY | SWT.WRAP | SWT.MULTI | SWT.V_SCROLL | SWT.BORDER);
        GridDataFactory.fillDefaults().grab(true, false).span(columns, 1).hint(600, 60).applyTo(details);
        table.addListener(SWT.Selection, e -> showDetails());
    }

    private void showDetails() {
        TableItem[] selected = table.getSelection();
        details.setText(selected.length == 1 && selected[0].getData() instanceof Problem problem ? problem.format() : "");
    }

    private void column(String title, int width) {
        TableColumn column = new TableColumn(table, SWT.LEFT);
        column.setText(title);
        column.setWidth(width);
    }

    void show(List<Problem> problems) {
        table.removeAll();
        ISharedImages images = PlatformUI.getWorkbench().getSharedImages();
        for (Problem problem : problems) {
            TableItem item = new TableItem(table, SWT.NONE);
            item.setImage(0, images.getImage(problem.isError() ? ISharedImages.IMG_OBJS_ERROR_TSK
                    : problem.severity() == Problem.Severity.WARNING ? ISharedImages.IMG_OBJS_WARN_TSK : ISharedImages.IMG_OBJS_INFO_TSK));
            item.setText(new String[] { problem.file().getFileName() + ":" + problem.line() + ":" + problem.column(), problem.code(), problem.message() });
            item.setData(problem);
        }
        if (table.getItemCount() > 0) {
            table.setSelection(0);
        }
        showDetails();
    }

    Table table() {
        return table;
    }
}
