package org.vinfra.ui.launch;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.IAdapterFactory;
import org.eclipse.debug.ui.actions.ILaunchable;

/**
 * Makes .vinfra files launchable: the debug UI shows the Run As submenu (Project Explorer, Package
 * Explorer, any view of resources) only for objects that adapt to {@link ILaunchable}; the launch
 * shortcut's enablement then offers vinfra Simulation in it.
 */
public final class LaunchableAdapterFactory implements IAdapterFactory {

    private static final ILaunchable LAUNCHABLE = new ILaunchable() {
    };

    @Override
    public <T> T getAdapter(Object adaptable, Class<T> adapterType) {
        if (adapterType == ILaunchable.class && adaptable instanceof IFile file && "vinfra".equals(file.getFileExtension())) {
            return adapterType.cast(LAUNCHABLE);
        }
        return null;
    }

    @Override
    public Class<?>[] getAdapterList() {
        return new Class<?>[] { ILaunchable.class };
    }
}
