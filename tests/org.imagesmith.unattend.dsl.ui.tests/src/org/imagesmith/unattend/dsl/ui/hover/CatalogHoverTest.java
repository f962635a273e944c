package org.imagesmith.unattend.dsl.ui.hover;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.imagesmith.testsupport.NoLoggedErrors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NoLoggedErrors.class)
class CatalogHoverTest {
    static final String TEXT = """
            unattend {
                pass windowsPE {
                    component Microsoft-Windows-Setup amd64 {
                        UserData { AcceptEula = "true" }
                        DiskConfiguration { Disk add { WillWipeDisk = "true" ModifyPartitions { ModifyPartition add { Letter = "C" } } } }
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
        assertTrue(setting.startsWith("AcceptEula\nAccept the license terms.\n") && setting.contains("boolean")
                && setting.contains("Default: false"), setting);
        String item = hover.describe(TEXT, TEXT.indexOf("Disk add") + 1);
        assertTrue(item.contains("list item") && item.contains("WillWipeDisk"), item);
        String letter = hover.describe(TEXT, TEXT.indexOf("Letter") + 1);
        assertTrue(letter.contains("May not be empty") && letter.contains("Form: an uppercase drive letter from C to Z"), letter);
    }

    @Test
    void saysNothingOfWhatTheCatalogDoesNotKnow() {
        CatalogHover hover = new CatalogHover();
        assertNull(hover.describe(TEXT, TEXT.indexOf("Contoso")));
        assertNull(hover.describe(TEXT, TEXT.indexOf("unattend")));
    }
}
