package org.vinfra.lang.validation;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.validation.Check;
import org.vinfra.lang.settings.Arg;
import org.vinfra.lang.settings.Stage;
import org.vinfra.lang.settings.SettingsPackage;
import org.vinfra.lang.vinfra.Copy;
import org.vinfra.lang.vinfra.Image;
import org.vinfra.lang.vinfra.Run;
import org.vinfra.lang.vinfra.VinfraPackage.Literals;

/** Images and their build: stages, build arguments, and what a layer leaves behind. */
public class ImageValidator extends VinfraCheck {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern SUDO = Pattern.compile("(^|&&|;|\\|\\||\\n)\\s*sudo\\s");
    private static final Pattern APT_INSTALL = Pattern.compile("(?s).*\\bapt(-get)?\\s+(-\\S+\\s+)*install\\b.*");

    /** A stage is built from, and copied from, stages written before it: BuildKit knows no later one. */
    @Check
    public void stagesComeFirst(Stage stage) {
        Image image = EcoreUtil2.getContainerOfType(stage, Image.class);
        if (image != null && stage.getBaseStage() != null && !stage.getBaseStage().eIsProxy()
                && image.getStages().indexOf(stage.getBaseStage()) >= image.getStages().indexOf(stage)) {
            error("Stage '" + stage.getName() + "' is built from stage '" + stage.getBaseStage().getName() + "', which comes "
                    + (stage.getBaseStage() == stage ? "nowhere before it (it is itself)" : "after it")
                    + ". A build runs its stages in the order they are written, so a stage can start only from an earlier one."
                    + " Move stage '" + stage.getBaseStage().getName() + "' up.", stage, SettingsPackage.Literals.STAGE__BASE_STAGE,
                    IssueCodes.STAGE_ORDER);
        }
    }

    @Check
    public void copiesComeFromEarlierStages(Copy copy) {
        Stage from = copy.getFromStage();
        Image image = EcoreUtil2.getContainerOfType(copy, Image.class);
        if (from == null || from.eIsProxy() || image == null) {
            return;
        }
        Stage in = EcoreUtil2.getContainerOfType(copy, Stage.class);
        if (in != null && image.getStages().indexOf(from) >= image.getStages().indexOf(in)) {
            error("This copies from stage '" + from.getName() + "', which is " + (from == in ? "the stage it is in" : "written after stage '"
                    + in.getName() + "'") + ". Files can only come from a stage that was built before; move stage '" + from.getName()
                    + "' up, or copy in a later stage.", copy, Literals.COPY__FROM_STAGE, IssueCodes.STAGE_ORDER);
        }
    }

    /** A variable in a 'from' is one of the build arguments declared before the first stage (an undeclared one is empty). */
    @Check
    public void baseArgumentsAreDeclared(Image image) {
        Set<String> declared = new HashSet<>();
        for (org.vinfra.lang.vinfra.Instruction global : image.getArgs()) {
            if (global instanceof Arg arg) {
                declared.add(arg.getName());
            } else if (global instanceof org.vinfra.lang.settings.Native kept && "ARG".equals(kept.getKey())) {
                return; // an ARG kept as written: its names are not known here
            }
        }
        checkBase(image.getBaseReference(), declared, image, Literals.IMAGE__BASE_REFERENCE);
        for (Stage stage : image.getStages()) {
            checkBase(stage.getBaseReference(), declared, stage, SettingsPackage.Literals.STAGE__BASE_REFERENCE);
        }
    }

    private void checkBase(String reference, Set<String> declared, EObject owner, EStructuralFeature feature) {
        if (reference == null) {
            return;
        }
        Matcher matcher = VARIABLE.matcher(reference);
        while (matcher.find()) {
            String name = matcher.group(1);
            if (!declared.contains(name)) {
                warning("The base image '" + reference + "' uses ${" + name + "}, but no 'arg " + name + "' is declared before the stages."
                        + " Only build arguments declared before the first FROM reach FROM lines; an undeclared one is empty, so the build"
                        + " pulls another image than you mean. Add 'arg " + name + " = \"...\"' at the top of the image.", owner, feature,
                        IssueCodes.UNDECLARED_BUILD_ARG, name);
            }
        }
    }

    /** A build runs as root: sudo is not needed, and often not installed. */
    @Check
    public void noSudoInBuilds(Run run) {
        if (run.getCommand() != null && SUDO.matcher(run.getCommand()).find()) {
            warning("This layer runs 'sudo', but a build already runs its commands as root (or as the USER set before, who then needs"
                    + " sudo installed and configured). Remove 'sudo'; switch users with 'user' where you need another one.", run,
                    Literals.RUN__COMMAND, IssueCodes.SUDO_IN_BUILD);
        }
    }

    /** apt's package lists are deleted in the layer that fetched them, or they stay in the image for good. */
    @Check
    public void aptListsAreRemoved(Run run) {
        String command = run.getCommand();
        if (command != null && APT_INSTALL.matcher(command).matches() && !command.contains("/var/lib/apt/lists")) {
            warning("This layer installs packages with apt but keeps apt's package lists (/var/lib/apt/lists), tens of megabytes that"
                    + " every container of the image carries: a later layer cannot remove them from this one. End the command with"
                    + " '&& rm -rf /var/lib/apt/lists/*'.", run, Literals.RUN__COMMAND, IssueCodes.APT_LISTS_KEPT);
        }
    }

    static List<String> variables(String text) {
        Matcher matcher = VARIABLE.matcher(text);
        List<String> names = new java.util.ArrayList<>();
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }
}
