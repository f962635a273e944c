package org.imagesmith.unattend.dsl.ui.validation;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.resources.ICommand;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IProjectDescription;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IResourceChangeEvent;
import org.eclipse.core.resources.IResourceChangeListener;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.IWorkspace;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.resources.WorkspaceJob;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.ui.IStartup;

/**
 * Gives every project that holds an answer file the {@link AnswerFileBuilder}: at start-up for the projects there,
 * then for each project that is opened or created, or into which an answer file comes, and builds it once. The
 * builder is added to the project's build specification (its .project file), as Xtext and JDT do for theirs. When
 * an answer file's editor closes, the file is checked again as saved ({@link ClosedAnswerFiles}).
 */
public final class AnswerFileProjects implements IStartup, IResourceChangeListener {
    /** The family of the jobs that configure projects and recheck files (tests wait for them). */
    public static final Object FAMILY = AnswerFileProjects.class;

    private static final AtomicBoolean STARTED = new AtomicBoolean();

    @Override
    public void earlyStartup() {
        start();
    }

    /** Starts watching the workspace (once) and configures the projects there now. */
    public static void start() {
        if (STARTED.compareAndSet(false, true)) {
            IWorkspace workspace = ResourcesPlugin.getWorkspace();
            workspace.addResourceChangeListener(new AnswerFileProjects(), IResourceChangeEvent.POST_CHANGE);
            FileBuffers.getTextFileBufferManager().addFileBufferListener(new ClosedAnswerFiles());
            configure(Set.of(workspace.getRoot().getProjects()));
        }
    }

    @Override
    public void resourceChanged(IResourceChangeEvent event) {
        Set<IProject> projects = new LinkedHashSet<>();
        try {
            event.getDelta().accept(change -> {
                IResource resource = change.getResource();
                if (resource instanceof IProject project) {
                    if (change.getKind() == IResourceDelta.ADDED || (change.getFlags() & IResourceDelta.OPEN) != 0) {
                        projects.add(project);
                    }
                    return project.isOpen() && !hasBuilder(project);
                }
                if (resource instanceof IFile file && change.getKind() == IResourceDelta.ADDED && AnswerFileBuilder.hasAnswerFileName(file)) {
                    projects.add(file.getProject());
                }
                return true;
            });
        } catch (CoreException e) {
            ILog.of(AnswerFileProjects.class).error("Cannot look at the workspace change for answer files", e);
        }
        configure(projects);
    }

    /** Adds the builder to those of the projects that hold an answer file and lack it, and builds them. */
    private static void configure(Set<IProject> candidates) {
        Set<IProject> projects = new LinkedHashSet<>();
        for (IProject project : candidates) {
            if (project.isOpen() && !hasBuilder(project)) {
                projects.add(project);
            }
        }
        if (projects.isEmpty()) {
            return;
        }
        WorkspaceJob job = new WorkspaceJob("Setting up answer-file validation") {
            @Override
            public IStatus runInWorkspace(IProgressMonitor monitor) throws CoreException {
                for (IProject project : projects) {
                    if (project.isOpen() && !hasBuilder(project) && holdsAnswerFile(project)) {
                        IProjectDescription description = project.getDescription();
                        ICommand command = description.newCommand();
                        command.setBuilderName(AnswerFileBuilder.ID);
                        ICommand[] commands = Arrays.copyOf(description.getBuildSpec(), description.getBuildSpec().length + 1);
                        commands[commands.length - 1] = command;
                        description.setBuildSpec(commands);
                        project.setDescription(description, IResource.KEEP_HISTORY, monitor);
                        project.build(IncrementalProjectBuilder.FULL_BUILD, AnswerFileBuilder.ID, Map.of(), monitor);
                    }
                }
                return Status.OK_STATUS;
            }

            @Override
            public boolean belongsTo(Object family) {
                return family == FAMILY;
            }
        };
        job.setRule(ResourcesPlugin.getWorkspace().getRuleFactory().buildRule());
        job.setSystem(true);
        job.schedule();
    }

    static boolean hasBuilder(IProject project) {
        try {
            return Arrays.stream(project.getDescription().getBuildSpec())
                    .anyMatch(command -> AnswerFileBuilder.ID.equals(command.getBuilderName()));
        } catch (CoreException e) {
            return true; // a project whose description cannot be read is left alone
        }
    }

    private static boolean holdsAnswerFile(IProject project) throws CoreException {
        boolean[] found = {false};
        project.accept(resource -> {
            if (resource instanceof IFile file && AnswerFileBuilder.checker(file).isPresent()) {
                found[0] = true;
            }
            return !found[0] && !resource.isDerived() && !resource.isTeamPrivateMember();
        });
        return found[0];
    }
}
