package org.imagesmith.ui;

import static org.imagesmith.ui.AnswerFileProject.CBS;
import static org.imagesmith.ui.AnswerFileProject.FEATURE_PACK;
import static org.imagesmith.ui.AnswerFileProject.consoleHolding;
import static org.imagesmith.ui.AnswerFileProject.sha1;
import static org.imagesmith.ui.UiTesting.inDialog;
import static org.imagesmith.ui.UiTesting.processEvents;
import static org.imagesmith.ui.UiTesting.waitForJobs;
import static org.imagesmith.ui.UiTesting.window;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.core.resources.IFile;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.part.ISetSelectionTarget;
import org.imagesmith.testsupport.Bot;
import org.imagesmith.testsupport.Hivex;
import org.imagesmith.testsupport.NoLoggedErrors;
import org.imagesmith.testsupport.Screenshots;
import org.imagesmith.testsupport.SyntheticDriver;
import org.imagesmith.testsupport.Wimlib;
import org.imagesmith.ui.UiTesting.LaunchWatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Apply to Image dialog used as a person uses it (real clicks and key strokes through the bot): the engine's
 * /WhatIf plan shown as a tree before applying, Cancel leaving the WIM file as it was, and the engine's options
 * (/ForceUnsigned, scratch folder) reaching the launch configuration and the engine.
 */
@ExtendWith(NoLoggedErrors.class)
class ApplyDialogTest {
    /** GOOD's servicing section plus an offlineServicing pass whose driver path holds an unsigned driver. */
    private static final String WITH_DRIVERS = AnswerFileProject.GOOD.replace("FEATURE", "InternetExplorer9")
            .replace("  </servicing>\n", """
              </servicing>
              <settings pass="offlineServicing">
                <component name="Microsoft-Windows-PnpCustomizationsNonWinPE" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS" xmlns:wcm="http://schemas.microsoft.com/WMIConfig/2002/State">
                  <DriverPaths>
                    <PathAndCredentials wcm:action="add" wcm:keyValue="1">
                      <Path>drivers</Path>
                    </PathAndCredentials>
                  </DriverPaths>
                </component>
              </settings>
            """);

    @TempDir
    Path dir;

    private AnswerFileProject fixture;
    private ApplyToImageHandler.TargetChooser dialog;
    private IFile file;

    @BeforeEach
    void setUp() throws Exception {
        dialog = ApplyToImageHandler.chooser;
        fixture = new AnswerFileProject(dir);
        SyntheticDriver.network("contoso").unsigned().write(fixture.projectDir.resolve("drivers"));
        file = fixture.answerFile("unattend.xml", WITH_DRIVERS);
        select(file);
    }

    @AfterEach
    void tearDown() throws Exception {
        ApplyToImageHandler.chooser = dialog;
        fixture.dispose();
    }

    private static void select(IFile file) throws Exception {
        IViewPart explorer = window().getActivePage().showView(IPageLayout.ID_PROJECT_EXPLORER);
        processEvents();
        ((ISetSelectionTarget) explorer).selectReveal(new StructuredSelection(file));
        processEvents();
    }

    private static Button button(Shell shell, String text) {
        return Bot.widgets(shell, Button.class).stream().filter(b -> b.getText().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no button " + text));
    }

    @Test
    void showsTheWhatIfPlanAsATreeAndCancelLeavesTheImageAsItWas() throws Exception {
        String before = sha1(fixture.wim);
        List<String> plan = new ArrayList<>();
        inDialog("Apply to Image", () -> window().getService(IHandlerService.class)
                .executeCommand(ApplyToImageHandler.COMMAND_ID, null), shell -> {
                    try {
                        Bot bot = Bot.onCurrentDisplay();
                        shell.forceActive();
                        bot.idle(300);
                        Tree tree = Bot.widgets(shell, Tree.class).get(0);
                        assertEquals(0, tree.getItemCount(), "no plan before it is asked for");
                        bot.click(button(shell, "Show &Plan"));
                        bot.waitFor("the plan in the tree", () -> tree.getItemCount() > 0 ? tree : null);
                        plan.addAll(((ApplyTargetDialog) shell.getData()).planLines());
                        bot.click(tree, tree.getItem(0).getBounds()); // reads the plan: the mouse leaves the button
                        bot.idle(300);
                        Screenshots.save(shell, "apply-dialog-plan");
                        assertTrue(tree.getItem(0).getItem(0).getExpanded(), "the plan is shown expanded");
                        assertEquals(before, sha1(fixture.wim), "showing the plan changes nothing");
                        bot.click(button(shell, "Cancel"));
                        bot.waitFor("the dialog to close", shell::isDisposed);
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                });
        assertTrue(plan.contains("Packages, in installation order (2)"), plan.toString());
        String pkg = plan.stream().filter(line -> line.startsWith("  Install the package " + FEATURE_PACK.identity()))
                .findFirst().orElseThrow(() -> new AssertionError("no package line: " + plan));
        assertTrue(plan.get(plan.indexOf(pkg) + 1).startsWith("    Enable the feature InternetExplorer9 of "),
                "the package's feature is under it: " + plan);
        assertTrue(plan.contains("Drivers (2)"), plan.toString());
        assertTrue(plan.stream().anyMatch(line -> line.startsWith("  Add the driver ") && line.endsWith("contoso.inf")),
                plan.toString());
        waitForJobs();
        assertEquals(before, sha1(fixture.wim), "Cancel leaves the WIM file as it was");
        assertEquals(List.of(), ApplyLaunchConfigurations.of(file), "Cancel runs nothing and saves no configuration");
    }

    @Test
    void theOptionsReachTheEngineForceUnsignedAddsTheUnsignedDriver() throws Exception {
        // without /ForceUnsigned the x64 image refuses the unsigned driver, and nothing of the apply is kept
        String before = sha1(fixture.wim);
        ApplyToImageHandler.chooser = (shell, chosen) -> Optional.of(ApplyChoice.of(new ApplyTarget.WimImage(fixture.wim, 1, "")));
        try (LaunchWatch launches = new LaunchWatch()) {
            window().getService(IHandlerService.class).executeCommand(ApplyToImageHandler.COMMAND_ID, null);
            launches.awaitEnded(1);
        }
        waitForJobs();
        assertTrue(consoleHolding("/ForceUnsigned").contains("is not signed"), "the refusal says what to do");
        assertEquals(before, sha1(fixture.wim), "a refused apply leaves the WIM file as it was");

        // the dialog: check /ForceUnsigned and type a scratch folder, then Apply
        ApplyToImageHandler.chooser = dialog;
        Path scratch = Files.createDirectories(dir.resolve("other scratch"));
        try (LaunchWatch launches = new LaunchWatch()) {
            inDialog("Apply to Image", () -> window().getService(IHandlerService.class)
                    .executeCommand(ApplyToImageHandler.COMMAND_ID, null), shell -> {
                        Bot bot = Bot.onCurrentDisplay();
                        shell.forceActive();
                        bot.idle(300);
                        Button force = button(shell, "Add &unsigned drivers (/ForceUnsigned)");
                        bot.click(force);
                        bot.waitFor("/ForceUnsigned checked", () -> force.getSelection() ? force : null);
                        Text folder = Bot.widgets(shell, Text.class).stream()
                                .filter(text -> text.getMessage().startsWith("As in Preferences")).findFirst()
                                .orElseThrow(() -> new AssertionError("no scratch folder field"));
                        bot.click(folder).type(scratch.toString());
                        bot.waitFor("the typed scratch folder", () -> folder.getText().equals(scratch.toString()) ? folder
                                : null);
                        try {
                            Screenshots.save(shell, "apply-dialog-options");
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                        bot.click(button(shell, "&Apply"));
                        bot.waitFor("the dialog to close", shell::isDisposed);
                    });
            launches.awaitEnded(1);
        }
        waitForJobs();
        List<ILaunchConfiguration> configurations = ApplyLaunchConfigurations.of(file);
        ILaunchConfiguration forced = configurations.stream().filter(c -> {
            try {
                return c.getAttribute(ApplyLaunchConfigurations.FORCE_UNSIGNED, false);
            } catch (Exception e) {
                return false;
            }
        }).findFirst().orElseThrow(() -> new AssertionError("no configuration with /ForceUnsigned: " + configurations));
        assertEquals(scratch.toString(), forced.getAttribute(ApplyLaunchConfigurations.SCRATCH_DIR, ""));
        String console = consoleHolding("Applied unattend.xml to image 1 of " + fixture.wim);
        assertTrue(console.contains("scratch folder " + scratch + ", /ForceUnsigned"), console);
        assertFalse(before.equals(sha1(fixture.wim)), "the WIM file is changed");
        Wimlib.verify(fixture.wim);
        Path applied = Files.createTempDirectory(dir, "check");
        Wimlib.apply(fixture.wim, 1, applied);
        assertTrue(Files.isRegularFile(applied.resolve("Windows/inf/oem0.inf")), "the unsigned driver is added");
        assertEquals(Optional.of("112"), Hivex.get(applied.resolve("Windows/System32/config/SOFTWARE"),
                CBS + FEATURE_PACK.identity(), "CurrentState"), "the package is installed");
    }
}
