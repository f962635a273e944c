package org.imagesmith.ui;

import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IWorkspaceRoot;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.variables.VariablesPlugin;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationType;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.imagesmith.servicing.LogLevel;

/**
 * The "Apply Answer File to Image" launch configurations: their attributes, what a configuration says (its paths
 * with string variables such as ${workspace_loc:/project/install.wim} resolved), and the configurations of an
 * answer file.
 */
final class ApplyLaunchConfigurations {
    /** The launch configuration type, declared in plugin.xml. */
    static final String TYPE_ID = "org.imagesmith.ui.applyAnswerFile";
    /** The answer file: its workspace path. */
    static final String ANSWER_FILE = "org.imagesmith.ui.answerFile";
    /** {@link #KIND_WIM} or {@link #KIND_MOUNT}. */
    static final String TARGET_KIND = "org.imagesmith.ui.targetKind";
    static final String KIND_WIM = "wim";
    static final String KIND_MOUNT = "mount";
    /** The WIM file (a file system path, string variables allowed) of a {@link #KIND_WIM} target. */
    static final String WIM_FILE = "org.imagesmith.ui.wimFile";
    /** The 1-based index of the image in the WIM file; 1 when not set. */
    static final String IMAGE_INDEX = "org.imagesmith.ui.imageIndex";
    /** The mount directory (string variables allowed) of a {@link #KIND_MOUNT} target. */
    static final String MOUNT_DIR = "org.imagesmith.ui.mountDir";
    /** DISM's /LogLevel from 1 to 4; 0 for the level of Preferences > Imagesmith. */
    static final String LOG_LEVEL = "org.imagesmith.ui.logLevel";
    /** /WhatIf: only report what the answer file would change. */
    static final String WHAT_IF = "org.imagesmith.ui.whatIf";
    /** DISM's /ForceUnsigned: add unsigned drivers of the answer file's driver paths. */
    static final String FORCE_UNSIGNED = "org.imagesmith.ui.forceUnsigned";
    /** DISM's /ScratchDir (string variables allowed); not set for the folder of Preferences > Imagesmith. */
    static final String SCRATCH_DIR = "org.imagesmith.ui.scratchDir";

    /** What a configuration says, resolved. */
    record Settings(IFile answerFile, ApplyTarget target, ApplyOptions options) {
    }

    private ApplyLaunchConfigurations() {
    }

    static ILaunchConfigurationType type() {
        return DebugPlugin.getDefault().getLaunchManager().getLaunchConfigurationType(TYPE_ID);
    }

    /**
     * What the configuration says.
     *
     * @throws CoreException saying what to fix on the configuration's Main tab
     */
    static Settings read(ILaunchConfiguration configuration) throws CoreException {
        String name = "The launch configuration \"" + configuration.getName() + "\"";
        String answerPath = configuration.getAttribute(ANSWER_FILE, "").strip();
        if (answerPath.isEmpty()) {
            throw error(name + " names no answer file; choose one on its Main tab.");
        }
        IFile answerFile = answerFile(answerPath)
                .orElseThrow(() -> error(name + " names " + answerPath + ", which is not a file path of the workspace."));
        if (!answerFile.exists()) {
            throw error("The answer file " + answerPath + " (launch configuration \"" + configuration.getName()
                    + "\") does not exist.");
        }
        ApplyTarget target;
        String kind = configuration.getAttribute(TARGET_KIND, KIND_WIM);
        if (KIND_MOUNT.equals(kind)) {
            target = new ApplyTarget.MountedImage(path(configuration, MOUNT_DIR, name, "mount directory"));
        } else if (KIND_WIM.equals(kind)) {
            Path wim = path(configuration, WIM_FILE, name, "WIM file");
            int index = configuration.getAttribute(IMAGE_INDEX, 1);
            if (index < 1) {
                throw error(name + " names no image of " + wim + "; choose one on its Main tab.");
            }
            target = new ApplyTarget.WimImage(wim, index, "");
        } else {
            throw error(name + " has the target kind \"" + kind + "\"; choose a WIM image or a mounted image.");
        }
        int level = configuration.getAttribute(LOG_LEVEL, 0);
        Optional<LogLevel> logLevel;
        try {
            logLevel = level == 0 ? Optional.empty() : Optional.of(LogLevel.ofNumber(level));
        } catch (IllegalArgumentException e) {
            throw error(name + ": " + e.getMessage());
        }
        Optional<Path> scratch = configuration.getAttribute(SCRATCH_DIR, "").isBlank() ? Optional.empty()
                : Optional.of(path(configuration, SCRATCH_DIR, name, "scratch folder"));
        return new Settings(answerFile, target, new ApplyOptions(logLevel, configuration.getAttribute(WHAT_IF, false),
                configuration.getAttribute(FORCE_UNSIGNED, false), scratch));
    }

    /** The workspace file of a workspace path, if the text is one. */
    static Optional<IFile> answerFile(String workspacePath) {
        IPath path = IPath.fromPortableString(workspacePath);
        if (path.segmentCount() < 2 || !ResourcesPlugin.getWorkspace().validatePath(path.toString(), IResource.FILE).isOK()) {
            return Optional.empty();
        }
        return Optional.of(ResourcesPlugin.getWorkspace().getRoot().getFile(path));
    }

    private static Path path(ILaunchConfiguration configuration, String attribute, String name, String what)
            throws CoreException {
        String text = configuration.getAttribute(attribute, "").strip();
        if (text.isEmpty()) {
            throw error(name + " names no " + what + "; choose one on its Main tab.");
        }
        String resolved = VariablesPlugin.getDefault().getStringVariableManager().performStringSubstitution(text);
        try {
            return Path.of(resolved).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw error(name + ": the " + what + " " + resolved + " is not a valid path: " + e.getReason());
        }
    }

    /** Writes the options (log level, /ForceUnsigned, scratch folder, /WhatIf) into a configuration. */
    static void write(ILaunchConfigurationWorkingCopy configuration, ApplyOptions options) {
        set(configuration, LOG_LEVEL, options.logLevel().map(LogLevel::number).orElse(0), 0);
        set(configuration, WHAT_IF, options.whatIf());
        set(configuration, FORCE_UNSIGNED, options.forceUnsigned());
        set(configuration, SCRATCH_DIR, options.scratchDirectory().map(Path::toString).orElse(""));
    }

    /** Writes the answer file and the target into a configuration (its other attributes stay). */
    static void write(ILaunchConfigurationWorkingCopy configuration, IFile answerFile, ApplyTarget target) {
        set(configuration, ANSWER_FILE, answerFile.getFullPath().toString());
        configuration.setMappedResources(new IResource[] {answerFile});
        if (target instanceof ApplyTarget.WimImage wim) {
            set(configuration, TARGET_KIND, KIND_WIM);
            set(configuration, WIM_FILE, variableFor(wim.wimFile()));
            set(configuration, IMAGE_INDEX, wim.index(), 1);
        } else if (target instanceof ApplyTarget.MountedImage mount) {
            set(configuration, TARGET_KIND, KIND_MOUNT);
            set(configuration, MOUNT_DIR, mount.mountDir().toString());
        }
    }

    /*
     * An attribute with its default value is removed rather than set, so that a configuration compares equal to
     * itself after its tab wrote what it shows (the launch dialog would take it for changed otherwise).
     */

    /** Sets a text attribute; removes it when empty (and the target kind when it is the default, a WIM image). */
    static void set(ILaunchConfigurationWorkingCopy configuration, String attribute, String value) {
        if (value.isEmpty() || (TARGET_KIND.equals(attribute) && KIND_WIM.equals(value))) {
            configuration.removeAttribute(attribute);
        } else {
            configuration.setAttribute(attribute, value);
        }
    }

    /** Sets a number attribute; removes it when it has its default value. */
    static void set(ILaunchConfigurationWorkingCopy configuration, String attribute, int value, int defaultValue) {
        if (value == defaultValue) {
            configuration.removeAttribute(attribute);
        } else {
            configuration.setAttribute(attribute, value);
        }
    }

    /** Sets a flag attribute; removes it when false. */
    static void set(ILaunchConfigurationWorkingCopy configuration, String attribute, boolean value) {
        if (value) {
            configuration.setAttribute(attribute, true);
        } else {
            configuration.removeAttribute(attribute);
        }
    }

    /** ${workspace_loc:...} for a file of the workspace, so that the configuration moves with the workspace. */
    private static String variableFor(Path file) {
        IWorkspaceRoot root = ResourcesPlugin.getWorkspace().getRoot();
        URI uri = file.toAbsolutePath().normalize().toUri();
        for (IFile candidate : root.findFilesForLocationURI(uri)) {
            if (candidate.isAccessible()) {
                return "${workspace_loc:" + candidate.getFullPath() + "}";
            }
        }
        return file.toString();
    }

    /** The configurations of this answer file, in the launch manager's order. */
    static List<ILaunchConfiguration> of(IFile answerFile) throws CoreException {
        List<ILaunchConfiguration> found = new ArrayList<>();
        ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
        for (ILaunchConfiguration configuration : manager.getLaunchConfigurations(type())) {
            if (answerFile.getFullPath().toString().equals(configuration.getAttribute(ANSWER_FILE, ""))) {
                found.add(configuration);
            }
        }
        return found;
    }

    /**
     * The configuration that applies the answer file to this target with these options: an existing one, else a new
     * one (saved, named after the file and the target).
     */
    static ILaunchConfiguration forTarget(IFile answerFile, ApplyTarget target, ApplyOptions options)
            throws CoreException {
        for (ILaunchConfiguration configuration : of(answerFile)) {
            try {
                Settings settings = read(configuration);
                if (settings.options().equals(options) && sameTarget(settings.target(), target)) {
                    return configuration;
                }
            } catch (CoreException e) {
                // a configuration that cannot be read now is not this one
            }
        }
        ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
        ILaunchConfigurationWorkingCopy copy = type().newInstance(null,
                manager.generateLaunchConfigurationName(validName(answerFile.getName() + " to " + shortName(target))));
        write(copy, answerFile, target);
        write(copy, options);
        return copy.doSave();
    }

    private static boolean sameTarget(ApplyTarget one, ApplyTarget other) {
        if (one instanceof ApplyTarget.WimImage a && other instanceof ApplyTarget.WimImage b) {
            return a.index() == b.index() && a.wimFile().toAbsolutePath().normalize()
                    .equals(b.wimFile().toAbsolutePath().normalize());
        }
        return one instanceof ApplyTarget.MountedImage a && other instanceof ApplyTarget.MountedImage b
                && a.mountDir().toAbsolutePath().normalize().equals(b.mountDir().toAbsolutePath().normalize());
    }

    private static String shortName(ApplyTarget target) {
        if (target instanceof ApplyTarget.WimImage wim) {
            return wim.wimFile().getFileName() + " image " + wim.index();
        }
        Path dir = ((ApplyTarget.MountedImage) target).mountDir();
        return "mount " + (dir.getFileName() == null ? dir : dir.getFileName());
    }

    /** The name without the characters launch configuration names cannot have. */
    private static String validName(String name) {
        return name.replaceAll("[\\\\/:*?\"<>|@&]", "_");
    }

    private static CoreException error(String message) {
        return new CoreException(Status.error(message));
    }
}
