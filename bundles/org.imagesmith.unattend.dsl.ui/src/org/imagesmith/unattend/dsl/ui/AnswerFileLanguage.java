package org.imagesmith.unattend.dsl.ui;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.resource.IResourceFactory;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.imagesmith.unattend.dsl.ide.UnattendDslIdeSetup;

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
        URI uri = file == null ? URI.createURI("memory:/answer-file.unattend")
                : URI.createFileURI(file.toAbsolutePath().toString());
        XtextResourceSet resourceSet = injector().getInstance(XtextResourceSet.class);
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
