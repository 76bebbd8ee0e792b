package org.vinfra.ui.preferences;

import java.util.EnumSet;
import java.util.Set;

import org.eclipse.core.runtime.preferences.AbstractPreferenceInitializer;
import org.eclipse.core.runtime.preferences.DefaultScope;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.vinfra.formats.CgroupVersion;
import org.vinfra.formats.ExportOptions;
import org.vinfra.formats.Target;
import org.vinfra.ui.VinfraUi;

/** The workspace preferences of vinfra (Window > Preferences > vinfra), their defaults and typed access. */
public final class VinfraPreferences extends AbstractPreferenceInitializer {

    public static final String EXPORT_ON_BUILD = "exportOnBuild";
    public static final String OUTPUT_FOLDER = "outputFolder";
    /** One boolean per target: "target.compose", "target.dockerfile"... */
    public static final String TARGET_PREFIX = "target.";
    public static final String CGROUP_VERSION = "cgroupVersion";
    public static final String SIMULATION_DURATION = "simulationDuration";
    public static final String SIMULATION_SEED = "simulationSeed";

    @Override
    public void initializeDefaultPreferences() {
        IEclipsePreferences defaults = DefaultScope.INSTANCE.getNode(VinfraUi.PLUGIN_ID);
        defaults.putBoolean(EXPORT_ON_BUILD, true);
        defaults.put(OUTPUT_FOLDER, "vinfra-gen");
        for (Target target : Target.values()) {
            defaults.putBoolean(TARGET_PREFIX + key(target), true);
        }
        defaults.put(CGROUP_VERSION, "2");
        defaults.put(SIMULATION_DURATION, "10 min");
        defaults.putLong(SIMULATION_SEED, 1);
    }

    public static String key(Target target) {
        return target.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static IEclipsePreferences node() {
        return InstanceScope.INSTANCE.getNode(VinfraUi.PLUGIN_ID);
    }

    private static IEclipsePreferences defaults() {
        return DefaultScope.INSTANCE.getNode(VinfraUi.PLUGIN_ID);
    }

    public static String get(String key) {
        return node().get(key, defaults().get(key, ""));
    }

    public static boolean getBoolean(String key) {
        return node().getBoolean(key, defaults().getBoolean(key, false));
    }

    public static boolean exportOnBuild() {
        return getBoolean(EXPORT_ON_BUILD);
    }

    /** The folder, relative to each project, that exports go to. */
    public static String outputFolder() {
        String folder = get(OUTPUT_FOLDER).strip();
        return folder.isEmpty() ? "vinfra-gen" : folder;
    }

    public static ExportOptions exportOptions() {
        Set<Target> targets = EnumSet.noneOf(Target.class);
        for (Target target : Target.values()) {
            if (getBoolean(TARGET_PREFIX + key(target))) {
                targets.add(target);
            }
        }
        return new ExportOptions(targets, CgroupVersion.parse(get(CGROUP_VERSION)));
    }
}
