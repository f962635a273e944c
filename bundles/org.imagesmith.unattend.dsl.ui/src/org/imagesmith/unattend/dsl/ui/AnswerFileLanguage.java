package org.imagesmith.unattend.dsl.ui;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.QualifiedName;
import org.imagesmith.unattend.catalog.WindowsVersion;
import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.resource.IResourceFactory;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.imagesmith.unattend.dsl.ide.UnattendDslIdeSetup;
import org.imagesmith.unattend.dsl.validation.UnattendDslValidator;

import com.google.inject.Injector;

/**
 * The answer-file language as the editor runs it in process: the ids the editor's extensions use, the language's
 * injector (its editor-independent services, from {@link UnattendDslIdeSetup}) and parsing a document's text.
 */
public final class AnswerFileLanguage {
    /** The content type of answer-file language files (*.unattend). */
    public static final String CONTENT_TYPE = "org.imagesmith.unattend.dsl.ui.answerFileText";
    /** The content type of Unattend.xml files, declared by org.imagesmith.ui. */
    public static final String XML_CONTENT_TYPE = "org.imagesmith.ui.answerFile";
    /** The platform's generic editor, which shows both. */
    public static final String GENERIC_EDITOR = "org.eclipse.ui.genericeditor.GenericEditor";
    /** The marker type of the problems the editor finds as the user types. */
    public static final String PROBLEM_MARKER = "org.imagesmith.unattend.dsl.ui.problem";
    /** The marker attribute holding the validator's problem code (what quick fixes match on). */
    public static final String CODE = "code";
    /**
     * The persistent property of an answer file naming the processor architecture of the image it is for (amd64,
     * x86, arm64); set on its Answer File property page. Without it the architecture checks are skipped.
     */
    public static final QualifiedName TARGET_ARCHITECTURE = new QualifiedName("org.imagesmith.unattend.dsl.ui", "targetArchitecture");
    /**
     * The persistent property of an answer file naming the Windows version of the image it is for (7, 8, 8.1, 10, 11,
     * see {@link WindowsVersion#label()}); set on its Answer File property page. Without it, Windows 7.
     */
    public static final QualifiedName TARGET_VERSION = new QualifiedName("org.imagesmith.unattend.dsl.ui", "targetVersion");

    private static Injector injector;
    private static ExecutorService pool;

    private AnswerFileLanguage() {
    }

    /** The language's injector with its editor services, created on first use. */
    public static synchronized Injector injector() {
        if (injector == null) {
            injector = new UnattendDslIdeSetup().createInjectorAndDoEMFRegistration();
        }
        return injector;
    }

    /** The target architecture an answer file is set to be checked for, or null. */
    public static String targetArchitecture(IFile file) {
        try {
            String architecture = file == null || !file.exists() ? null : file.getPersistentProperty(TARGET_ARCHITECTURE);
            return architecture == null || architecture.isBlank() ? null : architecture;
        } catch (CoreException e) {
            return null;
        }
    }

    /** The Windows version an answer file is set to be checked for, or null (then {@link WindowsVersion#DEFAULT}). */
    public static WindowsVersion targetVersion(IFile file) {
        try {
            return file == null || !file.exists() ? null
                    : WindowsVersion.ofLabel(file.getPersistentProperty(TARGET_VERSION)).orElse(null);
        } catch (CoreException e) {
            return null;
        }
    }

    /** The threads content assist parses with (daemons, so that they never keep a JVM alive). */
    public static synchronized ExecutorService pool() {
        if (pool == null) {
            pool = Executors.newCachedThreadPool(task -> {
                Thread thread = new Thread(task, "Answer file content assist");
                thread.setDaemon(true);
                return thread;
            });
        }
        return pool;
    }

    /**
     * Parses text as an answer file, in a resource set of its own. A file's path lets the validator check package
     * sources relative to its folder; without one the resource is in memory.
     */
    public static XtextResource parse(String text, Path file) {
        return parse(text, file, null);
    }

    /** Parses text as an answer file for the target image (null: none), see {@link #parse(String, Path)}. */
    public static XtextResource parse(String text, Path file, AnswerFileTarget target) {
        String targetArchitecture = AnswerFileTarget.orNone(target).architecture();
        WindowsVersion targetVersion = AnswerFileTarget.orNone(target).version();
        URI uri = file == null ? URI.createURI("memory:/answer-file.unattend")
                : URI.createFileURI(file.toAbsolutePath().toString());
        XtextResourceSet resourceSet = injector().getInstance(XtextResourceSet.class);
        if (targetArchitecture != null) {
            resourceSet.getLoadOptions().put(UnattendDslValidator.TARGET_ARCHITECTURE, targetArchitecture);
        }
        if (targetVersion != null) {
            resourceSet.getLoadOptions().put(UnattendDslValidator.TARGET_VERSION, targetVersion);
        }
        XtextResource resource = (XtextResource) injector().getInstance(IResourceFactory.class).createResource(uri);
        resourceSet.getResources().add(resource);
        try {
            resource.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                    Map.of(XtextResource.OPTION_ENCODING, StandardCharsets.UTF_8.name()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse the answer file " + uri + " from memory", e);
        }
        return resource;
    }
}
