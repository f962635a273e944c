package org.imagesmith.unattend.dsl.ui.hover;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CatalogHoverTest {
    static final String TEXT = """
            unattend {
                pass windowsPE {
                    component Microsoft-Windows-Setup amd64 {
                        UserData { AcceptEula = "true" }
                        DiskConfiguration { Disk add { WillWipeDisk = "true" } }
                    }
                    component Contoso-Agent amd64 {}
                }
            }
            """;

    @Test
    void describesComponentsAndSettingsFromTheCatalog() {
        CatalogHover hover = new CatalogHover();
        String component = hover.describe(TEXT, TEXT.indexOf("Windows-Setup"));
        assertTrue(component.startsWith("Microsoft-Windows-Setup\n") && component.contains("windowsPE"), component);
        String setting = hover.describe(TEXT, TEXT.indexOf("AcceptEula") + 3);
        assertTrue(setting.contains("boolean"), setting);
        String item = hover.describe(TEXT, TEXT.indexOf("Disk add") + 1);
        assertTrue(item.contains("list item") && item.contains("WillWipeDisk"), item);
    }

    @Test
    void saysNothingOfWhatTheCatalogDoesNotKnow() {
        CatalogHover hover = new CatalogHover();
        assertNull(hover.describe(TEXT, TEXT.indexOf("Contoso")));
        assertNull(hover.describe(TEXT, TEXT.indexOf("unattend")));
    }
}
