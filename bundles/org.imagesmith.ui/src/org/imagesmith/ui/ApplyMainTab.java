package org.imagesmith.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.variables.VariablesPlugin;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.ui.AbstractLaunchConfigurationTab;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.jface.viewers.ViewerFilter;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.dialogs.ElementTreeSelectionDialog;
import org.eclipse.ui.dialogs.ListDialog;
import org.eclipse.ui.model.BaseWorkbenchContentProvider;
import org.eclipse.ui.model.WorkbenchLabelProvider;
import org.imagesmith.wim.mount.MountStatus;

/**
 * The Main tab of an "Apply Answer File to Image" launch configuration: the answer file, the image (an image of a
 * WIM file, chosen from the list of its images, or a read/write mount) and the engine's options (log level, /WhatIf,
 * scratch folder, /ForceUnsigned).
 */
final class ApplyMainTab extends AbstractLaunchConfigurationTab {
    /** The log level choices, by the number the configuration keeps (0: the preferences' level). */
    static final List<String> LOG_LEVELS = List.of("As in Preferences > Imagesmith", "1 - Errors",
            "2 - Errors and warnings", "3 - Errors, warnings and information", "4 - Also debug information");

    private Text answerFile;
    private Button wimChoice;
    private Text wimFile;
    private Spinner imageIndex;
    private Button mountChoice;
    private Text mountDir;
    private Combo logLevel;
    private Button whatIf;
    private Button forceUnsigned;
    private Text scratchDir;
    private final List<Button> wimButtons = new ArrayList<>();
    private final List<Button> mountButtons = new ArrayList<>();
    private boolean initializing;

    @Override
    public String getName() {
        return "Main";
    }

    @Override
    public String getId() {
        return "org.imagesmith.ui.applyMainTab";
    }

    @Override
    public void createControl(Composite parent) {
        Composite area = new Composite(parent, SWT.NONE);
        setControl(area);
        GridLayoutFactory.swtDefaults().applyTo(area);

        Group answer = group(area, "Answer file", 2);
        answerFile = text(answer);
        button(answer, "&Browse...", this::browseAnswerFile);

        Group image = group(area, "Image", 4);
        wimChoice = radio(image, "Image of a &WIM file (mounted, serviced and committed)");
        label(image, "WIM file:");
        wimFile = text(image);
        wimButtons.add(button(image, "Works&pace...", this::browseWorkspaceWim));
        wimButtons.add(button(image, "File S&ystem...", this::browseFileSystemWim));
        label(image, "Image index:");
        imageIndex = new Spinner(image, SWT.BORDER);
        imageIndex.setValues(1, 1, 65535, 0, 1, 10);
        imageIndex.addListener(SWT.Modify, event -> changed());
        wimButtons.add(button(image, "C&hoose Image...", this::chooseImage));
        new Label(image, SWT.NONE);
        mountChoice = radio(image, "&Mounted image (read/write, serviced in place)");
        label(image, "Mount directory:");
        mountDir = text(image);
        mountButtons.add(button(image, "Mounted &Images...", this::chooseMount));
        mountButtons.add(button(image, "Bro&wse...", this::browseMountDir));

        Group options = group(area, "Options", 3);
        label(options, "&Log level:");
        logLevel = new Combo(options, SWT.READ_ONLY);
        LOG_LEVELS.forEach(logLevel::add);
        logLevel.select(0);
        logLevel.addListener(SWT.Selection, event -> changed());
        whatIf = new Button(options, SWT.CHECK);
        whatIf.setText("What i&f: only report what would change (/WhatIf)");
        whatIf.setToolTipText("The answer file is checked against the image and what it would change is listed in"
                + " the console; the image is not changed.");
        GridDataFactory.swtDefaults().indent(12, 0).applyTo(whatIf);
        whatIf.addListener(SWT.Selection, event -> changed());
        label(options, "&Scratch folder:");
        scratchDir = text(options);
        scratchDir.setMessage("As in Preferences > Imagesmith");
        button(options, "B&rowse...", this::browseScratchDir);
        forceUnsigned = forceUnsignedButton(options, 3);
        forceUnsigned.addListener(SWT.Selection, event -> changed());
        updateEnablement();
    }

    /** The /ForceUnsigned check box, as this tab and the Apply to Image dialog show it, spanning columns. */
    static Button forceUnsignedButton(Composite parent, int columns) {
        Button button = new Button(parent, SWT.CHECK);
        button.setText("Add &unsigned drivers (/ForceUnsigned)");
        button.setToolTipText("Drivers of the answer file's driver paths are added even when they are not signed;"
                + " without it an x64 image refuses them.");
        GridDataFactory.swtDefaults().span(columns, 1).applyTo(button);
        return button;
    }

    private static Group group(Composite parent, String text, int columns) {
        Group group = new Group(parent, SWT.NONE);
        group.setText(text);
        GridLayoutFactory.swtDefaults().numColumns(columns).applyTo(group);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(group);
        return group;
    }

    private Text text(Composite parent) {
        Text text = new Text(parent, SWT.SINGLE | SWT.BORDER);
        GridDataFactory.fillDefaults().grab(true, false).hint(160, SWT.DEFAULT).applyTo(text);
        text.addListener(SWT.Modify, event -> changed());
        return text;
    }

    private static void label(Composite parent, String text) {
        new Label(parent, SWT.NONE).setText(text);
    }

    private Button button(Composite parent, String text, Runnable action) {
        Button button = createPushButton(parent, text, null);
        button.addListener(SWT.Selection, event -> action.run());
        return button;
    }

    private Button radio(Composite parent, String text) {
        Button radio = new Button(parent, SWT.RADIO);
        radio.setText(text);
        GridDataFactory.swtDefaults().span(4, 1).applyTo(radio);
        radio.addListener(SWT.Selection, event -> changed());
        return radio;
    }

    private void changed() {
        if (!initializing) {
            updateEnablement();
            updateLaunchConfigurationDialog();
        }
    }

    private void updateEnablement() {
        boolean wim = wimChoice.getSelection();
        wimFile.setEnabled(wim);
        imageIndex.setEnabled(wim);
        wimButtons.forEach(button -> button.setEnabled(wim));
        mountDir.setEnabled(!wim);
        mountButtons.forEach(button -> button.setEnabled(!wim));
    }

    @Override
    public void setDefaults(ILaunchConfigurationWorkingCopy configuration) {
        for (String attribute : List.of(ApplyLaunchConfigurations.ANSWER_FILE, ApplyLaunchConfigurations.TARGET_KIND,
                ApplyLaunchConfigurations.WIM_FILE, ApplyLaunchConfigurations.IMAGE_INDEX,
                ApplyLaunchConfigurations.MOUNT_DIR, ApplyLaunchConfigurations.LOG_LEVEL,
                ApplyLaunchConfigurations.WHAT_IF)) {
            configuration.removeAttribute(attribute); // the defaults: a WIM image, index 1, the preferences' level
        }
        IResource selected = DebugUITools.getSelectedResource();
        if (selected instanceof IFile file && AnswerFileInput.accepts(file)) {
            ApplyLaunchConfigurations.set(configuration, ApplyLaunchConfigurations.ANSWER_FILE,
                    file.getFullPath().toString());
            configuration.setMappedResources(new IResource[] {file});
            ApplyTarget.last(file).ifPresent(target -> ApplyLaunchConfigurations.write(configuration, file, target));
        }
    }

    @Override
    public void initializeFrom(ILaunchConfiguration configuration) {
        initializing = true;
        try {
            answerFile.setText(configuration.getAttribute(ApplyLaunchConfigurations.ANSWER_FILE, ""));
            boolean mount = ApplyLaunchConfigurations.KIND_MOUNT.equals(
                    configuration.getAttribute(ApplyLaunchConfigurations.TARGET_KIND, ApplyLaunchConfigurations.KIND_WIM));
            wimChoice.setSelection(!mount);
            mountChoice.setSelection(mount);
            wimFile.setText(configuration.getAttribute(ApplyLaunchConfigurations.WIM_FILE, ""));
            imageIndex.setSelection(Math.max(1, configuration.getAttribute(ApplyLaunchConfigurations.IMAGE_INDEX, 1)));
            mountDir.setText(configuration.getAttribute(ApplyLaunchConfigurations.MOUNT_DIR, ""));
            int level = configuration.getAttribute(ApplyLaunchConfigurations.LOG_LEVEL, 0);
            logLevel.select(level >= 0 && level < LOG_LEVELS.size() ? level : 0);
            whatIf.setSelection(configuration.getAttribute(ApplyLaunchConfigurations.WHAT_IF, false));
            forceUnsigned.setSelection(configuration.getAttribute(ApplyLaunchConfigurations.FORCE_UNSIGNED, false));
            scratchDir.setText(configuration.getAttribute(ApplyLaunchConfigurations.SCRATCH_DIR, ""));
        } catch (CoreException e) {
            setErrorMessage("The launch configuration cannot be read: " + e.getMessage());
        } finally {
            initializing = false;
        }
        updateEnablement();
    }

    @Override
    public void performApply(ILaunchConfigurationWorkingCopy configuration) {
        String answerPath = answerFile.getText().strip();
        ApplyLaunchConfigurations.set(configuration, ApplyLaunchConfigurations.ANSWER_FILE, answerPath);
        configuration.setMappedResources(ApplyLaunchConfigurations.answerFile(answerPath).filter(IFile::exists)
                .map(file -> new IResource[] {file}).orElse(null));
        ApplyLaunchConfigurations.set(configuration, ApplyLaunchConfigurations.TARGET_KIND,
                wimChoice.getSelection() ? ApplyLaunchConfigurations.KIND_WIM : ApplyLaunchConfigurations.KIND_MOUNT);
        ApplyLaunchConfigurations.set(configuration, ApplyLaunchConfigurations.WIM_FILE, wimFile.getText().strip());
        ApplyLaunchConfigurations.set(configuration, ApplyLaunchConfigurations.IMAGE_INDEX, imageIndex.getSelection(), 1);
        ApplyLaunchConfigurations.set(configuration, ApplyLaunchConfigurations.MOUNT_DIR, mountDir.getText().strip());
        ApplyLaunchConfigurations.set(configuration, ApplyLaunchConfigurations.LOG_LEVEL,
                Math.max(0, logLevel.getSelectionIndex()), 0);
        ApplyLaunchConfigurations.set(configuration, ApplyLaunchConfigurations.WHAT_IF, whatIf.getSelection());
        ApplyLaunchConfigurations.set(configuration, ApplyLaunchConfigurations.FORCE_UNSIGNED,
                forceUnsigned.getSelection());
        ApplyLaunchConfigurations.set(configuration, ApplyLaunchConfigurations.SCRATCH_DIR, scratchDir.getText().strip());
    }

    @Override
    public boolean isValid(ILaunchConfiguration configuration) {
        setErrorMessage(null);
        setMessage(null);
        try {
            ApplyLaunchConfigurations.Settings settings = ApplyLaunchConfigurations.read(configuration);
            if (!AnswerFileInput.accepts(settings.answerFile())) {
                setErrorMessage(settings.answerFile().getFullPath() + " is neither an Unattend.xml answer file nor"
                        + " answer-file language text (*.unattend).");
                return false;
            }
            if (settings.target() instanceof ApplyTarget.WimImage wim) {
                Optional<String> problem = imageProblem(wim);
                problem.ifPresent(this::setErrorMessage);
                if (problem.isPresent()) {
                    return false;
                }
            }
            if (settings.target() instanceof ApplyTarget.MountedImage mount && !Files.isDirectory(mount.mountDir())) {
                setErrorMessage("The mount directory " + mount.mountDir() + " does not exist.");
                return false;
            }
            return true;
        } catch (CoreException e) {
            setErrorMessage(e.getMessage());
            return false;
        }
    }

    /** Why the image cannot be chosen: the WIM file does not exist, cannot be read, or has no image of the index. */
    private static Optional<String> imageProblem(ApplyTarget.WimImage wim) {
        if (!Files.isRegularFile(wim.wimFile())) {
            return Optional.of("The WIM file " + wim.wimFile() + " does not exist.");
        }
        try {
            int count = WimImageDialog.images(wim.wimFile()).size();
            return wim.index() <= count ? Optional.empty() : Optional.of(wim.wimFile().getFileName() + " has " + count
                    + (count == 1 ? " image" : " images") + ", not an image " + wim.index() + "; choose one with Choose Image.");
        } catch (IOException | RuntimeException e) {
            return Optional.of("The WIM file " + wim.wimFile() + " cannot be read: " + e.getMessage());
        }
    }

    private void browseAnswerFile() {
        chooseWorkspaceFile("Answer File", "Choose the answer file (Unattend.xml or *.unattend) to apply:",
                AnswerFileInput::accepts, answerFile.getText())
                .ifPresent(file -> answerFile.setText(file.getFullPath().toString()));
    }

    private void browseWorkspaceWim() {
        chooseWorkspaceFile("WIM File", "Choose the WIM file:",
                file -> "wim".equals(String.valueOf(file.getFileExtension()).toLowerCase(Locale.ROOT)), "")
                .ifPresent(file -> wimFile.setText("${workspace_loc:" + file.getFullPath() + "}"));
    }

    private void browseFileSystemWim() {
        FileDialog dialog = new FileDialog(getShell(), SWT.OPEN);
        dialog.setText("WIM File");
        dialog.setFilterExtensions(new String[] {"*.wim", "*.*"});
        resolved(wimFile.getText()).map(Path::getParent).ifPresent(dir -> dialog.setFilterPath(dir.toString()));
        String chosen = dialog.open();
        if (chosen != null) {
            wimFile.setText(chosen);
        }
    }

    private void chooseImage() {
        Optional<Path> wim = resolved(wimFile.getText());
        if (wim.isEmpty() || !Files.isRegularFile(wim.get())) {
            MessageDialog.openInformation(getShell(), "Choose Image", "Choose an existing WIM file first.");
            return;
        }
        WimImageDialog.choose(getShell(), wim.get(), imageIndex.getSelection()).ifPresent(imageIndex::setSelection);
    }

    private void chooseMount() {
        List<MountEntry> mounts;
        try {
            mounts = MountStores.entries(MountStores.mountedImages()).stream()
                    .filter(entry -> entry.record().readWrite() && entry.status() == MountStatus.OK).toList();
        } catch (IOException e) {
            MessageDialog.openError(getShell(), "Mounted Images", "The mounted images cannot be listed: " + e.getMessage());
            return;
        }
        if (mounts.isEmpty()) {
            MessageDialog.openInformation(getShell(), "Mounted Images",
                    "No image is mounted read/write. Mount one in the Images view.");
            return;
        }
        ListDialog dialog = new ListDialog(getShell());
        dialog.setTitle("Mounted Images");
        dialog.setMessage("The images mounted read/write:");
        dialog.setContentProvider(ArrayContentProvider.getInstance());
        dialog.setLabelProvider(new LabelProvider() {
            @Override
            public String getText(Object element) {
                MountEntry entry = (MountEntry) element;
                return entry.record().mountDir() + " (image " + entry.record().imageIndex() + " of "
                        + entry.record().imageFile().getFileName() + ")";
            }
        });
        dialog.setInput(mounts);
        if (dialog.open() == Window.OK && dialog.getResult() != null && dialog.getResult().length > 0) {
            mountDir.setText(((MountEntry) dialog.getResult()[0]).record().mountDir().toString());
        }
    }

    private void browseScratchDir() {
        DirectoryDialog dialog = new DirectoryDialog(getShell());
        dialog.setText("Scratch Folder");
        dialog.setMessage("Choose the scratch folder (DISM's /ScratchDir) for this apply:");
        resolved(scratchDir.getText()).ifPresent(dir -> dialog.setFilterPath(dir.toString()));
        String chosen = dialog.open();
        if (chosen != null) {
            scratchDir.setText(chosen);
        }
    }

    private void browseMountDir() {
        DirectoryDialog dialog = new DirectoryDialog(getShell());
        dialog.setText("Mount Directory");
        dialog.setMessage("Choose the directory an image is mounted at (read/write):");
        resolved(mountDir.getText()).ifPresent(dir -> dialog.setFilterPath(dir.toString()));
        String chosen = dialog.open();
        if (chosen != null) {
            mountDir.setText(chosen);
        }
    }

    /** A path as typed, with its string variables resolved; empty when it is empty or cannot be resolved. */
    private static Optional<Path> resolved(String text) {
        if (text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(VariablesPlugin.getDefault().getStringVariableManager()
                    .performStringSubstitution(text.strip())));
        } catch (CoreException | InvalidPathException e) {
            return Optional.empty();
        }
    }

    private Optional<IFile> chooseWorkspaceFile(String title, String message, Predicate<IFile> offered, String current) {
        ElementTreeSelectionDialog dialog = new ElementTreeSelectionDialog(getShell(), new WorkbenchLabelProvider(),
                new BaseWorkbenchContentProvider());
        dialog.setTitle(title);
        dialog.setMessage(message);
        dialog.setInput(ResourcesPlugin.getWorkspace().getRoot());
        dialog.setAllowMultiple(false);
        dialog.addFilter(new ViewerFilter() {
            @Override
            public boolean select(Viewer viewer, Object parent, Object element) {
                return element instanceof IContainer container ? container.isAccessible()
                        : element instanceof IFile file && offered.test(file);
            }
        });
        dialog.setValidator(selection -> selection.length == 1 && selection[0] instanceof IFile
                ? Status.OK_STATUS : Status.error("Choose a file."));
        ApplyLaunchConfigurations.answerFile(current).filter(IFile::exists).ifPresent(dialog::setInitialSelection);
        return dialog.open() == Window.OK && dialog.getFirstResult() instanceof IFile file ? Optional.of(file)
                : Optional.empty();
    }

    /** The widgets, for tests that fill the tab in as a user does. */
    Text answerFileText() {
        return answerFile;
    }

    Button wimChoice() {
        return wimChoice;
    }

    Text wimFileText() {
        return wimFile;
    }

    Spinner imageIndex() {
        return imageIndex;
    }

    Button mountChoice() {
        return mountChoice;
    }

    Text mountDirText() {
        return mountDir;
    }

    Combo logLevel() {
        return logLevel;
    }

    Button whatIf() {
        return whatIf;
    }

    Button forceUnsigned() {
        return forceUnsigned;
    }

    Text scratchDir() {
        return scratchDir;
    }
}
