package org.imagesmith.ui;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.IWorkspaceRoot;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.imagesmith.wim.ImageInfo;
import org.imagesmith.wim.WimFile;

/** Finds the WIM files (*.wim, *.swm, *.esd) of the open projects of a workspace and reads their images. */
final class WorkspaceWimFiles {
    static final Set<String> EXTENSIONS = Set.of("wim", "swm", "esd");

    private WorkspaceWimFiles() {
    }

    static boolean isWimFile(IResource resource) {
        return resource.getType() == IResource.FILE && resource.getFileExtension() != null
                && EXTENSIONS.contains(resource.getFileExtension().toLowerCase(Locale.ROOT));
    }

    /** The WIM files of the open projects, ordered by workspace path. */
    static List<WimFileNode> read(IWorkspaceRoot root, IProgressMonitor monitor) throws CoreException {
        List<IResource> files = new ArrayList<>();
        for (IProject project : root.getProjects()) {
            if (project.isOpen()) {
                project.accept(proxy -> {
                    if (monitor.isCanceled()) {
                        throw new OperationCanceledException();
                    }
                    IResource resource = proxy.requestResource();
                    if (isWimFile(resource) && resource.getLocation() != null) {
                        files.add(resource);
                    }
                    return true;
                }, IResource.NONE);
            }
        }
        files.sort(Comparator.comparing(file -> file.getFullPath().toString()));
        List<WimFileNode> nodes = new ArrayList<>();
        for (IResource file : files) {
            nodes.add(read(file.getFullPath(), file.getLocation().toFile().toPath()));
        }
        return nodes;
    }

    /** The images of one file, or the reason they cannot be read. */
    static WimFileNode read(IPath workspacePath, Path location) {
        try (WimFile wim = WimFile.open(location)) {
            List<ImageInfo> images = new ArrayList<>();
            for (int index = 1; index <= wim.imageCount(); index++) {
                images.add(wim.image(index));
            }
            return new WimFileNode(workspacePath.toString(), location, images, Optional.empty());
        } catch (NoSuchFileException e) {
            return new WimFileNode(workspacePath.toString(), location, List.of(),
                    Optional.of("The file " + location + " does not exist."));
        } catch (IOException | RuntimeException e) {
            return new WimFileNode(workspacePath.toString(), location, List.of(),
                    Optional.of(location + " cannot be read as a WIM file: " + e.getMessage()));
        }
    }

    /** Tells the workspace that the engine rewrote this file, so that the view (and others) see the change. */
    static void refresh(Path location) {
        for (IFile file : ResourcesPlugin.getWorkspace().getRoot().findFilesForLocationURI(location.toUri())) {
            try {
                file.refreshLocal(IResource.DEPTH_ZERO, null);
            } catch (CoreException e) {
                ILog.of(WorkspaceWimFiles.class).log(e.getStatus());
            }
        }
    }

    /** Whether a resource change adds, removes or changes a WIM file, or opens, closes, adds or removes a project. */
    static boolean concernsWimFiles(IResourceDelta delta) {
        boolean[] found = {false};
        try {
            delta.accept(child -> {
                IResource resource = child.getResource();
                if (resource.getType() == IResource.PROJECT && (child.getKind() != IResourceDelta.CHANGED
                        || (child.getFlags() & IResourceDelta.OPEN) != 0)) {
                    found[0] = true;
                } else if (isWimFile(resource)) {
                    found[0] = true;
                }
                return !found[0];
            });
        } catch (CoreException e) {
            return true;
        }
        return found[0];
    }
}
