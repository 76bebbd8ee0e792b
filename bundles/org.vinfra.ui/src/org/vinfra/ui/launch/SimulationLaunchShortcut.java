package org.vinfra.ui.launch;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationType;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.debug.ui.ILaunchShortcut;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.IEditorPart;
import org.vinfra.ui.VinfraUi;
import org.vinfra.ui.preferences.VinfraPreferences;

/** Run As > vinfra Simulation on a .vinfra file (in the explorer or the editor): reuses or creates its launch configuration. */
public final class SimulationLaunchShortcut implements ILaunchShortcut {

    @Override
    public void launch(ISelection selection, String mode) {
        if (selection instanceof IStructuredSelection structured && Adapters.adapt(structured.getFirstElement(), IFile.class) instanceof IFile file) {
            launch(file, mode);
        }
    }

    @Override
    public void launch(IEditorPart editor, String mode) {
        if (Adapters.adapt(editor.getEditorInput(), IFile.class) instanceof IFile file) {
            launch(file, mode);
        }
    }

    private static void launch(IFile file, String mode) {
        try {
            DebugUITools.launch(configurationFor(file), mode);
        } catch (CoreException e) {
            VinfraUi.log("cannot launch the simulation of " + file.getFullPath(), e);
        }
    }

    /** The launch configuration of a file: the existing one, or a new one with the preferred duration and seed. */
    public static ILaunchConfiguration configurationFor(IFile file) throws CoreException {
        ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
        ILaunchConfigurationType type = manager.getLaunchConfigurationType(SimulationLaunch.TYPE);
        String path = file.getFullPath().toString();
        for (ILaunchConfiguration existing : manager.getLaunchConfigurations(type)) {
            if (path.equals(existing.getAttribute(SimulationLaunch.FILE, ""))) {
                return existing;
            }
        }
        ILaunchConfigurationWorkingCopy copy = type.newInstance(null, manager.generateLaunchConfigurationName(file.getName().replace(".vinfra", "")));
        copy.setAttribute(SimulationLaunch.FILE, path);
        copy.setAttribute(SimulationLaunch.DURATION, VinfraPreferences.get(VinfraPreferences.SIMULATION_DURATION));
        copy.setAttribute(SimulationLaunch.SEED, VinfraPreferences.get(VinfraPreferences.SIMULATION_SEED));
        copy.setMappedResources(new org.eclipse.core.resources.IResource[] { file });
        return copy.doSave();
    }
}
