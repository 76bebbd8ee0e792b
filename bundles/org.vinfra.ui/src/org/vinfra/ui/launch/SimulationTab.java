package org.vinfra.ui.launch;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.ui.AbstractLaunchConfigurationTab;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.vinfra.lang.model.Units;
import org.vinfra.ui.preferences.VinfraPreferences;

/** The Simulation tab: which file, for how long, with which seed. */
final class SimulationTab extends AbstractLaunchConfigurationTab {

    private Text file;
    private Text duration;
    private Text seed;

    @Override
    public void createControl(Composite parent) {
        Composite body = new Composite(parent, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(2).applyTo(body);
        file = field(body, "&Model file (workspace path):");
        duration = field(body, "&Simulated time (e.g. 90 s, 10 min):");
        seed = field(body, "S&eed of the boot-time jitter:");
        setControl(body);
    }

    private Text field(Composite body, String label) {
        new Label(body, SWT.NONE).setText(label);
        Text text = new Text(body, SWT.BORDER);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(text);
        text.addModifyListener(e -> updateLaunchConfigurationDialog());
        return text;
    }

    @Override
    public void setDefaults(ILaunchConfigurationWorkingCopy configuration) {
        configuration.setAttribute(SimulationLaunch.DURATION, VinfraPreferences.get(VinfraPreferences.SIMULATION_DURATION));
        configuration.setAttribute(SimulationLaunch.SEED, VinfraPreferences.get(VinfraPreferences.SIMULATION_SEED));
    }

    @Override
    public void initializeFrom(ILaunchConfiguration configuration) {
        try {
            file.setText(configuration.getAttribute(SimulationLaunch.FILE, ""));
            duration.setText(configuration.getAttribute(SimulationLaunch.DURATION, VinfraPreferences.get(VinfraPreferences.SIMULATION_DURATION)));
            seed.setText(configuration.getAttribute(SimulationLaunch.SEED, VinfraPreferences.get(VinfraPreferences.SIMULATION_SEED)));
        } catch (CoreException e) {
            setErrorMessage(e.getMessage());
        }
    }

    @Override
    public void performApply(ILaunchConfigurationWorkingCopy configuration) {
        configuration.setAttribute(SimulationLaunch.FILE, file.getText().strip());
        configuration.setAttribute(SimulationLaunch.DURATION, duration.getText().strip());
        configuration.setAttribute(SimulationLaunch.SEED, seed.getText().strip());
    }

    @Override
    public boolean isValid(ILaunchConfiguration configuration) {
        setErrorMessage(null);
        String path = file.getText().strip();
        IFile model = path.isEmpty() ? null : ResourcesPlugin.getWorkspace().getRoot().getFile(org.eclipse.core.runtime.IPath.fromOSString(path));
        if (model == null || !model.exists() || !"vinfra".equals(model.getFileExtension())) {
            setErrorMessage("Model file: give the workspace path of a .vinfra file, e.g. /vinfra-labs/simulation-lab.vinfra");
            return false;
        }
        try {
            if (Units.DURATION.parse(duration.getText()) <= 0) {
                setErrorMessage("Simulated time: more than 0 s");
                return false;
            }
        } catch (IllegalArgumentException e) {
            setErrorMessage("Simulated time: " + e.getMessage() + " (e.g. 90 s, 10 min)");
            return false;
        }
        if (!seed.getText().strip().matches("-?\\d+")) {
            setErrorMessage("Seed: a whole number, e.g. 1");
            return false;
        }
        return true;
    }

    @Override
    public String getName() {
        return "Simulation";
    }
}
