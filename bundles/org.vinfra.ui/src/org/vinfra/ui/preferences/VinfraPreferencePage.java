package org.vinfra.ui.preferences;

import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.resources.WorkspaceJob;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.jface.preference.BooleanFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.RadioGroupFieldEditor;
import org.eclipse.jface.preference.StringFieldEditor;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.eclipse.ui.preferences.ScopedPreferenceStore;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.vinfra.lang.model.Units;
import org.vinfra.formats.Target;
import org.vinfra.ui.VinfraUi;

/** Window > Preferences > vinfra: what the builder exports and where, the cgroup version for LXC, simulation defaults. */
public final class VinfraPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

    public VinfraPreferencePage() {
        super(GRID);
        setPreferenceStore(new ScopedPreferenceStore(InstanceScope.INSTANCE, VinfraUi.PLUGIN_ID));
        setDescription("The builder validates every .vinfra file of a project with the vinfra nature and, when a file set has no errors, exports it on save.");
    }

    @Override
    public void init(IWorkbench workbench) {
    }

    @Override
    protected void createFieldEditors() {
        addField(new BooleanFieldEditor(VinfraPreferences.EXPORT_ON_BUILD, "&Export on save", getFieldEditorParent()));
        StringFieldEditor folder = new StringFieldEditor(VinfraPreferences.OUTPUT_FOLDER, "&Output folder (in each project):", getFieldEditorParent());
        folder.setEmptyStringAllowed(false);
        addField(folder);
        for (Target target : Target.values()) {
            addField(new BooleanFieldEditor(VinfraPreferences.TARGET_PREFIX + VinfraPreferences.key(target), "Export " + target.label(), getFieldEditorParent()));
        }
        addField(new RadioGroupFieldEditor(VinfraPreferences.CGROUP_VERSION, "cgroup version of LXC configs", 2,
                new String[][] { { "v2 (current hosts)", "2" }, { "v1 (older or hybrid hosts)", "1" } }, getFieldEditorParent(), true));
        StringFieldEditor duration = new StringFieldEditor(VinfraPreferences.SIMULATION_DURATION, "Simulation &duration:", getFieldEditorParent()) {
            @Override
            protected boolean doCheckState() {
                try {
                    Units.DURATION.parse(getStringValue());
                    return true;
                } catch (IllegalArgumentException e) {
                    setErrorMessage("Simulation duration: " + e.getMessage() + " (e.g. 90 s, 10 min)");
                    return false;
                }
            }
        };
        addField(duration);
        StringFieldEditor seed = new StringFieldEditor(VinfraPreferences.SIMULATION_SEED, "Simulation &seed:", getFieldEditorParent()) {
            @Override
            protected boolean doCheckState() {
                if (getStringValue().strip().matches("-?\\d+")) {
                    return true;
                }
                setErrorMessage("Simulation seed: a whole number, e.g. 1");
                return false;
            }
        };
        addField(seed);
    }

    @Override
    public boolean performOk() {
        boolean ok = super.performOk();
        rebuildAll();
        return ok;
    }

    /** New export settings take effect at once: every vinfra project is rebuilt. */
    private static void rebuildAll() {
        WorkspaceJob job = new WorkspaceJob("vinfra: rebuild with the new settings") {
            @Override
            public IStatus runInWorkspace(IProgressMonitor monitor) throws CoreException {
                ResourcesPlugin.getWorkspace().build(IncrementalProjectBuilder.FULL_BUILD, monitor);
                return Status.OK_STATUS;
            }
        };
        job.setRule(ResourcesPlugin.getWorkspace().getRuleFactory().buildRule());
        job.schedule();
    }
}
