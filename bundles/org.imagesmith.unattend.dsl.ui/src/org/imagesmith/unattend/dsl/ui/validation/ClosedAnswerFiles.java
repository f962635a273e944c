package org.imagesmith.unattend.dsl.ui.validation;

import org.eclipse.core.filebuffers.IFileBuffer;
import org.eclipse.core.filebuffers.IFileBufferListener;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.IPath;

/**
 * When the last editor of a workspace file closes (its file buffer goes), the file is checked again as saved: the
 * markers of text typed and not saved do not stay.
 */
final class ClosedAnswerFiles implements IFileBufferListener {
    @Override
    public void bufferDisposed(IFileBuffer buffer) {
        IPath location = buffer.getLocation();
        if (location != null && location.segmentCount() >= 2) {
            IFile file = ResourcesPlugin.getWorkspace().getRoot().getFile(location);
            if (file.exists() && AnswerFileBuilder.hasAnswerFileName(file)) {
                AnswerFileBuilder.recheckSaved(file);
            }
        }
    }

    @Override
    public void bufferCreated(IFileBuffer buffer) {
        // checked by the editor's reconciler from now on
    }

    @Override
    public void bufferContentAboutToBeReplaced(IFileBuffer buffer) {
        // nothing to do
    }

    @Override
    public void bufferContentReplaced(IFileBuffer buffer) {
        // the reconciler checks the new content
    }

    @Override
    public void stateChanging(IFileBuffer buffer) {
        // nothing to do
    }

    @Override
    public void dirtyStateChanged(IFileBuffer buffer, boolean isDirty) {
        // a save changes the file: the builder checks it
    }

    @Override
    public void stateValidationChanged(IFileBuffer buffer, boolean isStateValidated) {
        // nothing to do
    }

    @Override
    public void underlyingFileMoved(IFileBuffer buffer, IPath path) {
        // markers move with the file
    }

    @Override
    public void underlyingFileDeleted(IFileBuffer buffer) {
        // markers go with the file
    }

    @Override
    public void stateChangeFailed(IFileBuffer buffer) {
        // nothing to do
    }
}
