package org.imagesmith.unattend.dsl.ide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistContext;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalAcceptor;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;
import org.eclipse.xtext.ide.editor.contentassist.antlr.ContentAssistContextFactory;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.TextRegion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.google.inject.Injector;

class CatalogProposalProviderTest {
    private static final Injector INJECTOR = new UnattendDslIdeSetup().createInjectorAndDoEMFRegistration();
    private static final ExecutorService POOL = Executors.newCachedThreadPool();

    @AfterAll
    static void stopPool() {
        POOL.shutdownNow();
    }

    /** The proposals at the position of | in text. */
    private static List<ContentAssistEntry> proposals(String textWithCursor) throws Exception {
        int offset = textWithCursor.indexOf('|');
        String text = textWithCursor.substring(0, offset) + textWithCursor.substring(offset + 1);
        XtextResourceSet resourceSet = INJECTOR.getInstance(XtextResourceSet.class);
        XtextResource resource = (XtextResource) resourceSet.createResource(URI.createURI("memory:/assist.unattend"));
        resource.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), Map.of());
        ContentAssistContextFactory factory = INJECTOR.getInstance(ContentAssistContextFactory.class);
        factory.setPool(POOL);
        ContentAssistContext[] contexts = factory.create(text, new TextRegion(offset, 0), offset, resource);
        IdeContentProposalAcceptor acceptor = INJECTOR.getInstance(IdeContentProposalAcceptor.class);
        INJECTOR.getInstance(IdeContentProposalProvider.class).createProposals(Arrays.asList(contexts), acceptor);
        List<ContentAssistEntry> entries = new ArrayList<>();
        acceptor.getEntries().forEach(entries::add);
        return entries;
    }

    private static List<String> proposed(List<ContentAssistEntry> entries) {
        return entries.stream().map(ContentAssistEntry::getProposal).toList();
    }

    @Test
    void proposesCatalogComponentsAfterComponent() throws Exception {
        List<ContentAssistEntry> entries = proposals("unattend {\n  pass offlineServicing {\n    component |\n  }\n}\n");
        List<String> proposed = proposed(entries);
        assertTrue(proposed.contains("Microsoft-Windows-PnpCustomizationsNonWinPE"), proposed.toString());
        assertTrue(proposed.contains("Microsoft-Windows-Setup"), proposed.toString());
        assertTrue(proposed.indexOf("Microsoft-Windows-PnpCustomizationsNonWinPE") < proposed.indexOf("Microsoft-Windows-Setup"),
                "components that act in the pass come first: " + proposed);
    }

    @Test
    void filtersComponentsByPrefix() throws Exception {
        List<String> proposed = proposed(proposals("unattend {\n  pass windowsPE {\n    component Microsoft-Windows-Pnp|\n  }\n}\n"));
        assertTrue(proposed.contains("Microsoft-Windows-PnpCustomizationsWinPE"), proposed.toString());
        assertTrue(proposed.contains("Microsoft-Windows-PnpCustomizationsNonWinPE"), proposed.toString());
        assertTrue(proposed.stream().noneMatch(name -> name.startsWith("Microsoft-") && !name.startsWith("Microsoft-Windows-Pnp")),
                "only the components with the typed prefix: " + proposed);
    }

    @Test
    void proposesComponentsInsideAName() throws Exception {
        List<String> proposed = proposed(proposals("unattend {\n    pass windowsPE {\n        component Microsoft-Windows-Pnp|CustomizationsNonWinPE amd64 {\n            DriverPaths {}\n        }\n    }\n}\n"));
        assertTrue(proposed.contains("Microsoft-Windows-PnpCustomizationsWinPE"), proposed.toString());
    }

    @Test
    void proposesTheSettingsOfAComponentAndOfAComplexSetting() throws Exception {
        List<String> top = proposed(proposals("unattend {\n  pass offlineServicing {\n    component Microsoft-Windows-PnpCustomizationsNonWinPE amd64 {\n      |\n    }\n  }\n}\n"));
        assertTrue(top.contains("DriverPaths {}"), top.toString());
        List<String> nested = proposed(proposals("unattend {\n  pass offlineServicing {\n    component Microsoft-Windows-PnpCustomizationsNonWinPE amd64 {\n      DriverPaths { PathAndCredentials add key \"1\" { | } }\n    }\n  }\n}\n"));
        assertTrue(nested.contains("Path = \"\""), nested.toString());
        assertTrue(nested.contains("Credentials {}"), nested.toString());
        assertFalse(nested.contains("DriverPaths {}"), nested.toString());
    }

    @Test
    void proposesPassesAndArchitectures() throws Exception {
        List<String> passes = proposed(proposals("unattend {\n  pass |\n}\n"));
        assertTrue(passes.containsAll(List.of("windowsPE", "offlineServicing", "oobeSystem")), passes.toString());
        List<String> architectures = proposed(proposals("unattend {\n  pass windowsPE {\n    component Microsoft-Windows-Setup a|\n  }\n}\n"));
        assertTrue(architectures.contains("amd64") && architectures.contains("arm64"), architectures.toString());
        assertFalse(architectures.contains("x86"), "filtered by the typed prefix: " + architectures);
    }

    @Test
    void proposesBooleanValues() throws Exception {
        List<ContentAssistEntry> entries = proposals("unattend {\n  pass windowsPE {\n    component Microsoft-Windows-Setup amd64 {\n      UserData { AcceptEula = | }\n    }\n  }\n}\n");
        List<String> proposed = proposed(entries);
        assertTrue(proposed.contains("\"true\""), proposed.toString());
        assertTrue(proposed.contains("\"false\""), proposed.toString());
        assertEquals("AcceptEula", entries.get(proposed.indexOf("\"true\"")).getDescription());
    }
}
