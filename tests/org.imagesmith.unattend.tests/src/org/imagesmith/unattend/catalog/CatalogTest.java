package org.imagesmith.unattend.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.imagesmith.unattend.model.Pass;
import org.junit.jupiter.api.Test;

class CatalogTest {

    @Test
    void coversTheOfflineServicingComponents() {
        Catalog catalog = Catalog.standard();
        for (String name : List.of("Microsoft-Windows-PnpCustomizationsNonWinPE", "Microsoft-Windows-Shell-Setup",
                "Microsoft-Windows-Deployment", "Microsoft-Windows-UnattendedJoin")) {
            assertTrue(catalog.component(name).orElseThrow().passes().contains(Pass.OFFLINE_SERVICING), name);
        }
        SettingDefinition item = catalog.component("Microsoft-Windows-PnpCustomizationsNonWinPE").orElseThrow()
                .setting("DriverPaths").orElseThrow().child("PathAndCredentials").orElseThrow();
        assertTrue(item.item());
        assertEquals(SettingDefinition.KEY_VALUE, item.key());
        assertEquals(ValueType.STRING, item.child("Path").orElseThrow().type());
        assertEquals(Set.of(Pass.SPECIALIZE, Pass.OOBE_SYSTEM),
                catalog.component("Microsoft-Windows-International-Core").orElseThrow().passes());
    }

    @Test
    void coversTheCommonWindowsPeAndOobeSettings() {
        Catalog catalog = Catalog.standard();
        ComponentDefinition setup = catalog.component("Microsoft-Windows-Setup").orElseThrow();
        SettingDefinition type = setup.setting("DiskConfiguration").orElseThrow().child("Disk").orElseThrow()
                .child("CreatePartitions").orElseThrow().child("CreatePartition").orElseThrow().child("Type").orElseThrow();
        assertEquals(ValueType.ENUM, type.type());
        assertEquals(List.of("Primary", "EFI", "MSR", "Extended", "Logical"), type.values());
        assertTrue(setup.setting("ImageInstall").isPresent());
        assertTrue(setup.setting("UserData").isPresent());
        ComponentDefinition shell = catalog.component("Microsoft-Windows-Shell-Setup").orElseThrow();
        assertEquals(Set.of(Pass.OOBE_SYSTEM), shell.setting("OOBE").orElseThrow().passes());
        assertEquals(Set.of(Pass.OFFLINE_SERVICING, Pass.SPECIALIZE), shell.setting("ComputerName").orElseThrow().passes());
        assertEquals(ValueType.INTEGER, shell.setting("OOBE").orElseThrow().child("ProtectYourPC").orElseThrow().type());
        assertTrue(catalog.component("Microsoft-Windows-International-Core-WinPE").isPresent());
        assertFalse(catalog.component("Microsoft-Windows-Unknown").isPresent());
    }

    @Test
    void recognisesPackagesByNamePatterns() {
        PackageRules rules = Catalog.standard().packages();
        assertTrue(rules.isLanguagePack("Microsoft-Windows-Client-LanguagePack-Package"));
        assertTrue(rules.isLanguagePack("Microsoft-Windows-LanguageFeatures-Basic-de-de-Package"));
        assertTrue(rules.isUpdate("Package_for_RollupFix"));
        assertFalse(rules.isUpdate("Microsoft-Windows-Foundation-Package"));
        NamePattern pattern = NamePattern.of("Microsoft-Windows-LanguageFeatures-OCR-{lang}-Package*");
        assertEquals("fr-fr", pattern.match("Microsoft-Windows-LanguageFeatures-OCR-fr-fr-Package~31bf3856ad364e35").orElseThrow());
        assertTrue(NamePattern.of("Microsoft-Windows-LanguageFeatures-Basic-{lang}-Package*")
                .matches("Microsoft-Windows-LanguageFeatures-Basic-fr-FR-Package", "fr-fr"));
        assertFalse(NamePattern.of("Microsoft-Windows-LanguageFeatures-Basic-{lang}-Package*")
                .matches("Microsoft-Windows-LanguageFeatures-Basic-de-de-Package", "fr-fr"));
    }

    @Test
    void refusesCatalogsWithADoctypeOrBadData() {
        IOException doctype = assertThrows(IOException.class, () -> Catalog.read(new ByteArrayInputStream(
                "<!DOCTYPE catalog [<!ENTITY e \"x\">]><catalog/>".getBytes(StandardCharsets.UTF_8)), "evil.xml"));
        assertTrue(doctype.getMessage().startsWith("evil.xml: "), doctype.getMessage());
        IOException pass = assertThrows(IOException.class, () -> Catalog.read(new ByteArrayInputStream(
                "<catalog><component name=\"c\" passes=\"windowsPE lunch\"/></catalog>".getBytes(StandardCharsets.UTF_8)), "c.xml"));
        assertEquals("c.xml: unknown pass 'lunch' on c", pass.getMessage());
    }
}
