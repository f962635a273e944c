package org.imagesmith.unattend.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.imagesmith.testsupport.AnswerFiles;
import org.imagesmith.unattend.catalog.WindowsVersion;
import org.imagesmith.unattend.io.UnattendReader;
import org.imagesmith.unattend.model.Unattend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnattendValidatorTest {
    private static final String HEAD = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
            + "<unattend xmlns=\"urn:schemas-microsoft-com:unattend\" xmlns:wcm=\"http://schemas.microsoft.com/WMIConfig/2002/State\">\n";
    private static final String COMPONENT = "processorArchitecture=\"amd64\" publicKeyToken=\"31bf3856ad364e35\" language=\"neutral\" versionScope=\"nonSxS\"";

    private static List<Problem> validate(String xml, ValidationOptions options) throws Exception {
        Unattend unattend = UnattendReader.read(xml.getBytes(StandardCharsets.UTF_8), "test.xml");
        return UnattendValidator.standard(options).validate(unattend);
    }

    private static List<Problem> validate(String xml) throws Exception {
        return validate(xml, ValidationOptions.none());
    }

    private static Problem only(List<Problem> problems, String code) {
        List<Problem> matching = problems.stream().filter(problem -> problem.code().equals(code)).collect(Collectors.toList());
        assertEquals(1, matching.size(), "expected one " + code + " in " + problems);
        return matching.get(0);
    }

    private static void assertAt(Problem problem, Severity severity, int line, int column) {
        assertEquals(severity, problem.severity(), problem.toString());
        assertEquals(line, problem.line(), problem.toString());
        assertEquals(column, problem.column(), problem.toString());
    }

    @Test
    void realisticFilesAreClean(@TempDir Path directory) throws Exception {
        // files written for Windows 11, checked for it
        ValidationOptions windows11 = new ValidationOptions("amd64", null, WindowsVersion.WINDOWS_11);
        assertEquals(List.of(), validate(AnswerFiles.AUTOUNATTEND, windows11));
        assertEquals(List.of(), validate(AnswerFiles.OOBE_SYSTEM, windows11));
        assertEquals(List.of(), validate(AnswerFiles.SPECIALIZE, windows11));
        assertEquals(List.of(), validate(AnswerFiles.AUDIT_MODE, windows11));
        // for Windows 7 (the default) the OOBE pages it does not have are warnings, nothing else
        List<Problem> windows7 = validate(AnswerFiles.OOBE_SYSTEM, new ValidationOptions("amd64", null));
        assertTrue(!windows7.isEmpty() && windows7.stream().allMatch(p -> p.code().equals(IssueCodes.NOT_IN_VERSION)
                && p.severity() == Severity.WARNING), windows7.toString());
        Files.createDirectories(directory.resolve("packages"));
        Files.write(directory.resolve("packages/lp-de-de.cab"), new byte[] {'M', 'S', 'C', 'F'});
        Files.write(directory.resolve("packages/windows11.0-kb5034123-x64.cab"), new byte[] {'M', 'S', 'C', 'F'});
        List<Problem> problems = validate(AnswerFiles.OFFLINE_SERVICING, new ValidationOptions("amd64", directory,
                WindowsVersion.WINDOWS_11));
        // OfflineUserAccounts is applied offline by Imagesmith, so it is no warning
        assertEquals(List.of(IssueCodes.UNKNOWN_COMPONENT),
                problems.stream().map(Problem::code).collect(Collectors.toList()), problems.toString());
        assertAt(problems.get(0), Severity.WARNING, 49, 9);
        assertTrue(problems.get(0).message().contains("'Contoso-Custom-Agent' is not in the catalog"));
    }

    @Test
    void unknownSettingOfACompletelyCatalogedComponentIsAnError() throws Exception {
        String xml = HEAD + "    <settings pass=\"offlineServicing\">\n"
                + "        <component name=\"Microsoft-Windows-PnpCustomizationsNonWinPE\" " + COMPONENT + ">\n"
                + "            <DriverPath>\n"
                + "            </DriverPath>\n"
                + "        </component>\n    </settings>\n</unattend>\n";
        Problem problem = only(validate(xml), "unknown-setting");
        assertAt(problem, Severity.ERROR, 5, 13);
        assertTrue(problem.message().contains("'DriverPath' is not a setting of Microsoft-Windows-PnpCustomizationsNonWinPE; known settings: DriverPaths"),
                problem.message());
    }

    @Test
    void unknownSettingOfAPartlyCatalogedComponentIsAWarning() throws Exception {
        String xml = HEAD + "    <settings pass=\"specialize\">\n"
                + "        <component name=\"Microsoft-Windows-IE-InternetExplorer\" " + COMPONENT + ">\n"
                + "            <IEWelcomeMsg>false</IEWelcomeMsg>\n"
                + "        </component>\n    </settings>\n</unattend>\n";
        assertAt(only(validate(xml), "unknown-setting"), Severity.WARNING, 5, 13);
    }

    @Test
    void componentsAndSettingsTheTargetVersionDoesNotHaveAreWarningsNamingTheVersionsThatHaveThem() throws Exception {
        String xml = HEAD + "    <settings pass=\"offlineServicing\">\n"
                + "        <component name=\"Microsoft-Windows-Shell-Setup\" " + COMPONENT + ">\n"
                + "            <SignInMode>1</SignInMode>\n"
                + "        </component>\n    </settings>\n"
                + "    <settings pass=\"specialize\">\n"
                + "        <component name=\"Microsoft-Windows-SystemSettingsThreshold\" " + COMPONENT + ">\n"
                + "            <DisplayNetworkSelection>false</DisplayNetworkSelection>\n"
                + "        </component>\n"
                + "        <component name=\"Microsoft-Windows-Shell-Setup\" " + COMPONENT + ">\n"
                + "            <DesktopOptimization>\n"
                + "                <GoToDesktopOnSignIn>true</GoToDesktopOnSignIn>\n"
                + "            </DesktopOptimization>\n"
                + "        </component>\n    </settings>\n</unattend>\n";
        // Windows 7, the default target, has none of them: Windows skips them, so they are warnings, not errors
        List<Problem> windows7 = validate(xml);
        List<Problem> absent = withCode(windows7, IssueCodes.NOT_IN_VERSION);
        assertEquals(3, absent.size(), windows7.toString());
        assertAt(absent.get(0), Severity.WARNING, 5, 13);
        assertEquals("Microsoft-Windows-Shell-Setup | SignInMode is not in Windows 7 / Server 2008 R2, the target Windows,"
                + " which skips it; it is in Windows 10 / Server 2016-2022 and later (set the target version if the file is"
                + " for one of those)", absent.get(0).message());
        assertAt(absent.get(1), Severity.WARNING, 9, 9);
        assertTrue(absent.get(1).message().startsWith("the component Microsoft-Windows-SystemSettingsThreshold is not in"
                + " Windows 7 / Server 2008 R2"), absent.get(1).message());
        assertTrue(absent.get(2).message().contains("DesktopOptimization is not in Windows 7 / Server 2008 R2, the target"
                + " Windows, which skips it; it is in Windows 8.1 / Server 2012 R2 and later"), absent.get(2).message());
        // what the target does not have is not something /Apply-Unattend would refuse either
        assertEquals(List.of(), withCode(windows7, IssueCodes.NOT_APPLIED_OFFLINE), windows7.toString());
        assertEquals(3, windows7.size(), windows7.toString());

        // on Windows 8.1 only the Windows 10 ones are missing; on Windows 10 and 11 all of them are there
        assertEquals(2, withCode(validate(xml, new ValidationOptions(null, null, WindowsVersion.WINDOWS_8_1)),
                IssueCodes.NOT_IN_VERSION).size());
        for (WindowsVersion version : List.of(WindowsVersion.WINDOWS_10, WindowsVersion.WINDOWS_11)) {
            List<Problem> problems = validate(xml, new ValidationOptions(null, null, version));
            assertEquals(List.of(), withCode(problems, IssueCodes.NOT_IN_VERSION), problems.toString());
            // there, SignInMode is a setting Windows applies offline and Imagesmith does not
            assertEquals(1, withCode(problems, IssueCodes.NOT_APPLIED_OFFLINE).size(), problems.toString());
        }
    }

    @Test
    void deprecatedSettingIsAWarningAndStillChecked() throws Exception {
        String xml = HEAD + "    <settings pass=\"oobeSystem\">\n"
                + "        <component name=\"Microsoft-Windows-Shell-Setup\" " + COMPONENT + ">\n"
                + "            <OOBE>\n"
                + "                <NetworkLocation>Office</NetworkLocation>\n"
                + "            </OOBE>\n"
                + "        </component>\n    </settings>\n</unattend>\n";
        List<Problem> problems = validate(xml, new ValidationOptions(null, null, WindowsVersion.WINDOWS_10));
        Problem deprecated = only(problems, "deprecated-setting");
        assertAt(deprecated, Severity.WARNING, 6, 17);
        assertTrue(deprecated.message().startsWith("Microsoft-Windows-Shell-Setup | OOBE | NetworkLocation is deprecated"
                + " from Windows 10 on (the target is Windows 10 / Server 2016-2022): Windows 10"), deprecated.message());
        assertAt(only(problems, "invalid-value"), Severity.ERROR, 6, 17);
        // on Windows 7 (the default target) NetworkLocation is the setting to use: only the wrong value is reported
        assertEquals(List.of(IssueCodes.INVALID_VALUE), validate(xml).stream().map(Problem::code).toList());
    }

    @Test
    void componentNamesIgnoreCaseButSettingNamesDoNot() throws Exception {
        String xml = HEAD + "    <settings pass=\"specialize\">\n"
                + "        <component name=\"microsoft-windows-shell-setup\" " + COMPONENT + ">\n"
                + "            <Computername>LAB-01</Computername>\n"
                + "            <ProductKey></ProductKey>\n"
                + "        </component>\n    </settings>\n</unattend>\n";
        List<Problem> problems = validate(xml);
        assertEquals(2, problems.size(), problems.toString());
        assertAt(problems.get(0), Severity.ERROR, 5, 13);
        assertEquals("'Computername' is not a setting of microsoft-windows-shell-setup; setting names are case-sensitive: write ComputerName",
                problems.get(0).message());
        assertAt(problems.get(1), Severity.ERROR, 6, 13);
        assertTrue(problems.get(1).message().endsWith("ProductKey: the value is empty; Windows Setup needs a value here (remove the setting instead)"),
                problems.get(1).message());
    }

    @Test
    void componentInAPassWhereItDoesNotAct() throws Exception {
        String xml = HEAD + "    <settings pass=\"offlineServicing\">\n"
                + "        <component name=\"Microsoft-Windows-International-Core\" " + COMPONENT + ">\n"
                + "            <UILanguage>de-DE</UILanguage>\n"
                + "        </component>\n    </settings>\n</unattend>\n";
        Problem problem = only(validate(xml), "wrong-pass");
        assertAt(problem, Severity.ERROR, 4, 9);
        assertEquals("Microsoft-Windows-International-Core does not act in the offlineServicing pass; move it to specialize, oobeSystem",
                problem.message());
    }

    @Test
    void settingInAPassWhereItIsNotValid() throws Exception {
        String xml = HEAD + "    <settings pass=\"offlineServicing\">\n"
                + "        <component name=\"Microsoft-Windows-Shell-Setup\" " + COMPONENT + ">\n"
                + "            <ComputerName>LAB-01</ComputerName>\n"
                + "            <TimeZone>UTC</TimeZone>\n"
                + "        </component>\n    </settings>\n</unattend>\n";
        Problem problem = only(validate(xml), "wrong-pass");
        assertAt(problem, Severity.ERROR, 6, 13);
        assertTrue(problem.message().startsWith("Microsoft-Windows-Shell-Setup | TimeZone is not valid in the offlineServicing pass"),
                problem.message());
    }

    @Test
    void wrongTypesAndValues() throws Exception {
        String xml = HEAD + "    <settings pass=\"windowsPE\">\n"
                + "        <component name=\"Microsoft-Windows-Setup\" " + COMPONENT + ">\n"
                + "            <DiskConfiguration>\n"
                + "                <Disk wcm:action=\"add\">\n"
                + "                    <CreatePartitions>\n"
                + "                        <CreatePartition wcm:action=\"add\">\n"
                + "                            <Order>1</Order>\n"
                + "                            <Type>GPT</Type>\n"
                + "                            <Size>big</Size>\n"
                + "                        </CreatePartition>\n"
                + "                    </CreatePartitions>\n"
                + "                    <DiskID>0</DiskID>\n"
                + "                    <WillWipeDisk>yes</WillWipeDisk>\n"
                + "                </Disk>\n"
                + "            </DiskConfiguration>\n"
                + "            <UserData wcm:action=\"append\">\n"
                + "                <AcceptEula><Value>true</Value></AcceptEula>\n"
                + "            </UserData>\n"
                + "        </component>\n    </settings>\n</unattend>\n";
        List<Problem> problems = validate(xml);
        assertEquals(5, problems.size(), problems.toString());
        assertTrue(problems.stream().allMatch(problem -> problem.code().equals("invalid-value") && problem.severity() == Severity.ERROR));
        assertEquals("10:29", problems.get(0).line() + ":" + problems.get(0).column());
        assertTrue(problems.get(0).message().endsWith("Type: 'GPT' is not one of Primary, EFI, MSR, Extended, Logical"), problems.get(0).message());
        assertEquals("11:29", problems.get(1).line() + ":" + problems.get(1).column());
        assertTrue(problems.get(1).message().endsWith("Size: 'big' is not a whole number"));
        assertEquals("15:21", problems.get(2).line() + ":" + problems.get(2).column());
        assertTrue(problems.get(2).message().endsWith("WillWipeDisk: 'yes' is not a boolean; write true or false"));
        assertEquals("18:13", problems.get(3).line() + ":" + problems.get(3).column());
        assertTrue(problems.get(3).message().contains("wcm:action=\"append\" is not add, modify or remove"));
        assertEquals("19:17", problems.get(4).line() + ":" + problems.get(4).column());
        assertTrue(problems.get(4).message().endsWith("AcceptEula takes a boolean value, not child settings"));
    }

    @Test
    void duplicateKeysInKeyedLists() throws Exception {
        String xml = HEAD + "    <settings pass=\"offlineServicing\">\n"
                + "        <component name=\"Microsoft-Windows-PnpCustomizationsNonWinPE\" " + COMPONENT + ">\n"
                + "            <DriverPaths>\n"
                + "                <PathAndCredentials wcm:action=\"add\" wcm:keyValue=\"1\"><Path>D:\\a</Path></PathAndCredentials>\n"
                + "                <PathAndCredentials wcm:action=\"add\" wcm:keyValue=\"1\"><Path>D:\\b</Path></PathAndCredentials>\n"
                + "            </DriverPaths>\n"
                + "        </component>\n    </settings>\n"
                + "    <settings pass=\"oobeSystem\">\n"
                + "        <component name=\"Microsoft-Windows-Shell-Setup\" " + COMPONENT + ">\n"
                + "            <FirstLogonCommands>\n"
                + "                <SynchronousCommand wcm:action=\"add\"><Order>1</Order><CommandLine>a.cmd</CommandLine></SynchronousCommand>\n"
                + "                <SynchronousCommand wcm:action=\"add\"><Order>1</Order><CommandLine>b.cmd</CommandLine></SynchronousCommand>\n"
                + "            </FirstLogonCommands>\n"
                + "        </component>\n    </settings>\n</unattend>\n";
        List<Problem> problems = validate(xml);
        assertEquals(2, problems.size(), problems.toString());
        assertAt(problems.get(0), Severity.ERROR, 7, 17);
        assertTrue(problems.get(0).message().contains("wcm:keyValue=\"1\" is already used at line 6"), problems.get(0).message());
        assertAt(problems.get(1), Severity.ERROR, 15, 54);
        assertTrue(problems.get(1).message().contains("Order 1 is already used by the item at line 14"), problems.get(1).message());
    }

    @Test
    void architectureNotMatchingTheTargetImage() throws Exception {
        String xml = HEAD + "    <servicing>\n"
                + "        <package action=\"install\">\n"
                + "            <assemblyIdentity name=\"Package_for_KB5034441\" version=\"10.0.1.0\" processorArchitecture=\"x86\" publicKeyToken=\"31bf3856ad364e35\" language=\"neutral\"/>\n"
                + "            <source location=\"\\\\server\\share\\kb.cab\"/>\n"
                + "        </package>\n"
                + "    </servicing>\n"
                + "    <settings pass=\"specialize\">\n"
                + "        <component name=\"Microsoft-Windows-Shell-Setup\" processorArchitecture=\"arm64\" publicKeyToken=\"31bf3856ad364e35\" language=\"neutral\" versionScope=\"nonSxS\">\n"
                + "            <ComputerName>LAB</ComputerName>\n"
                + "        </component>\n"
                + "        <component name=\"Microsoft-Windows-Deployment\" processorArchitecture=\"wow64\" publicKeyToken=\"31bf3856ad364e35\" language=\"neutral\" versionScope=\"nonSxS\"/>\n"
                + "    </settings>\n</unattend>\n";
        List<Problem> problems = validate(xml, new ValidationOptions("amd64", null));
        List<Problem> mismatches = problems.stream().filter(problem -> problem.code().equals("architecture-mismatch")).collect(Collectors.toList());
        assertEquals(2, mismatches.size(), problems.toString());
        assertAt(mismatches.get(0), Severity.WARNING, 10, 9);
        assertTrue(mismatches.get(0).message().contains("processorArchitecture=\"arm64\" and the image is amd64: Windows Setup"
                + " skips it"), mismatches.get(0).message());
        assertAt(mismatches.get(1), Severity.ERROR, 5, 13);
        assertAt(only(problems, "source-not-checked"), Severity.INFO, 6, 13);
    }

    @Test
    void architectureThatNamesNoProcessor() throws Exception {
        String xml = HEAD + "    <settings pass=\"specialize\">\n"
                + "        <component name=\"Microsoft-Windows-Shell-Setup\" processorArchitecture=\"amd65\" publicKeyToken=\"31bf3856ad364e35\" language=\"neutral\" versionScope=\"nonSxS\">\n"
                + "            <ComputerName>LAB</ComputerName>\n"
                + "        </component>\n"
                + "        <component name=\"Microsoft-Windows-Deployment\" processorArchitecture=\"AMD64\" publicKeyToken=\"31bf3856ad364e35\" language=\"neutral\" versionScope=\"nonSxS\"/>\n"
                + "    </settings>\n</unattend>\n";
        for (ValidationOptions options : List.of(ValidationOptions.none(), new ValidationOptions("amd64", null))) {
            List<Problem> problems = validate(xml, options);
            Problem invalid = only(problems, "invalid-architecture");
            assertAt(invalid, Severity.ERROR, 4, 9);
            assertTrue(invalid.message().contains("processorArchitecture=\"amd65\", which names no processor architecture"), invalid.message());
            assertTrue(invalid.message().contains("x86, amd64, arm64, wow64"), invalid.message());
            assertEquals(List.of("invalid-architecture"), problems.stream().map(Problem::code).toList(),
                    "no mismatch on top of it, and AMD64 in capitals is amd64");
        }
    }

    @Test
    void architecturesThatApplyToAnImage() {
        assertEquals(List.of("amd64", "wow64"), Architectures.forImage("amd64"));
        assertEquals(List.of("arm64", "wow64"), Architectures.forImage("arm64"));
        assertEquals(List.of("x86"), Architectures.forImage("x86"));
    }

    @Test
    void packageSourceThatDoesNotExist(@TempDir Path directory) throws Exception {
        Path absent = directory.resolve("missing.cab");
        Files.createDirectories(directory.resolve("updates"));
        Files.write(directory.resolve("updates/present.cab"), new byte[] {'M', 'S', 'C', 'F'});
        String xml = HEAD + "    <servicing>\n"
                + "        <package action=\"install\">\n"
                + "            <assemblyIdentity name=\"Package_for_KB1\" processorArchitecture=\"amd64\" language=\"neutral\"/>\n"
                + "            <source location=\"" + absent + "\"/>\n"
                + "        </package>\n"
                + "        <package action=\"install\">\n"
                + "            <assemblyIdentity name=\"Package_for_KB2\" processorArchitecture=\"amd64\" language=\"neutral\"/>\n"
                + "            <source location=\"updates\\present.cab\"/>\n"
                + "        </package>\n"
                + "        <package action=\"install\">\n"
                + "            <assemblyIdentity name=\"Package_for_KB3\" processorArchitecture=\"amd64\" language=\"neutral\"/>\n"
                + "            <source location=\"updates\\absent.cab\"/>\n"
                + "        </package>\n"
                + "    </servicing>\n</unattend>\n";
        List<Problem> problems = validate(xml, new ValidationOptions("amd64", directory));
        assertEquals(2, problems.size(), problems.toString());
        assertAt(problems.get(0), Severity.ERROR, 6, 13);
        assertTrue(problems.get(0).message().contains("does not exist: " + absent), problems.get(0).message());
        assertAt(problems.get(1), Severity.ERROR, 14, 13);
        assertTrue(problems.get(1).message().contains(directory.resolve("updates/absent.cab").toString()), problems.get(1).message());
    }

    @Test
    void updateBeforeLanguagePackAndDependencyAfterItsDependent() throws Exception {
        String xml = HEAD + "    <servicing>\n"
                + "        <package action=\"install\">\n"
                + "            <assemblyIdentity name=\"Package_for_RollupFix\" processorArchitecture=\"amd64\" language=\"neutral\"/>\n"
                + "            <source location=\"\\\\srv\\lcu.cab\"/>\n"
                + "        </package>\n"
                + "        <package action=\"install\">\n"
                + "            <assemblyIdentity name=\"Microsoft-Windows-LanguageFeatures-OCR-fr-fr-Package\" processorArchitecture=\"amd64\" language=\"neutral\"/>\n"
                + "            <source location=\"\\\\srv\\ocr.cab\"/>\n"
                + "        </package>\n"
                + "        <package action=\"install\">\n"
                + "            <assemblyIdentity name=\"Microsoft-Windows-LanguageFeatures-Basic-fr-fr-Package\" processorArchitecture=\"amd64\" language=\"neutral\"/>\n"
                + "            <source location=\"\\\\srv\\basic.cab\"/>\n"
                + "        </package>\n"
                + "        <package action=\"install\">\n"
                + "            <assemblyIdentity name=\"Package_for_ServicingStack\" processorArchitecture=\"amd64\" language=\"neutral\"/>\n"
                + "            <source location=\"\\\\srv\\ssu.cab\"/>\n"
                + "        </package>\n"
                + "    </servicing>\n</unattend>\n";
        List<Problem> problems = validate(xml).stream().filter(problem -> problem.severity() != Severity.INFO).collect(Collectors.toList());
        assertEquals(4, problems.size(), problems.toString());
        Problem ocrAfterUpdate = problems.get(0);
        assertEquals("update-before-language-pack", ocrAfterUpdate.code());
        assertAt(ocrAfterUpdate, Severity.WARNING, 8, 9);
        assertTrue(ocrAfterUpdate.message().contains("installed after the update Package_for_RollupFix (line 4)"), ocrAfterUpdate.message());
        assertEquals("update-before-language-pack", problems.get(1).code());
        assertAt(problems.get(1), Severity.WARNING, 12, 9);
        assertEquals("dependency-order", problems.get(2).code());
        assertAt(problems.get(2), Severity.ERROR, 4, 9);
        assertTrue(problems.get(2).message().contains("needs Package_for_ServicingStack, which is installed after it (line 16)"),
                problems.get(2).message());
        assertEquals("dependency-order", problems.get(3).code());
        assertAt(problems.get(3), Severity.ERROR, 8, 9);
        assertTrue(problems.get(3).message().contains("needs Microsoft-Windows-LanguageFeatures-Basic-fr-fr-Package"), problems.get(3).message());
    }

    @Test
    void unknownPassAndPackageAction() throws Exception {
        String xml = HEAD + "    <settings pass=\"firstBoot\"/>\n"
                + "    <servicing>\n"
                + "        <package action=\"enable\">\n"
                + "            <assemblyIdentity name=\"Microsoft-Windows-Foundation-Package\"/>\n"
                + "        </package>\n"
                + "    </servicing>\n</unattend>\n";
        List<Problem> problems = validate(xml);
        assertAt(only(problems, "unknown-pass"), Severity.ERROR, 3, 5);
        Problem action = only(problems, "invalid-value");
        assertAt(action, Severity.ERROR, 5, 9);
        assertTrue(action.message().contains("the action must be install, remove, stage or configure"));
    }

    /** The 1-based line of the nth (0-based) occurrence of marker in text. */
    private static int lineOf(String text, String marker, int occurrence) {
        int offset = -1;
        for (int i = 0; i <= occurrence; i++) {
            offset = text.indexOf(marker, offset + 1);
        }
        return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }

    private static List<Problem> withCode(List<Problem> problems, String code) {
        return problems.stream().filter(problem -> problem.code().equals(code)).toList();
    }

    @Test
    void generatedTemplateForTwoArchitecturesWithMixedContent() throws Exception {
        String xml = AnswerFiles.GENERATED_TEMPLATE;
        List<Problem> problems = validate(xml, new ValidationOptions("amd64", null));

        List<Problem> mixed = withCode(problems, IssueCodes.MIXED_CONTENT);
        assertEquals(2, mixed.size(), "the x86 copy is checked too, for the images it is for: " + problems);
        assertAt(mixed.get(0), Severity.WARNING, lineOf(xml, "<ProductKey>", 0), 17);
        assertEquals("Microsoft-Windows-Setup | UserData | ProductKey holds child settings and the text"
                + " 'FJ82H-XT6CR-J8D7P-XQJJ2-GPDD4'; Windows reads the child settings and ignores the text (put it in one"
                + " of Key, WillShowUI)", mixed.get(0).message());

        List<Problem> skipped = withCode(problems, IssueCodes.ARCHITECTURE_MISMATCH);
        assertEquals(List.of(lineOf(xml, "processorArchitecture=\"x86\"", 0), lineOf(xml, "processorArchitecture=\"x86\"", 1)),
                skipped.stream().map(Problem::line).toList());
        assertTrue(skipped.stream().allMatch(p -> p.severity() == Severity.WARNING), skipped.toString());
        assertEquals(List.of(), withCode(problems, IssueCodes.DUPLICATE_COMPONENT), "one component per architecture");

        assertAt(only(problems, IssueCodes.WRONG_PASS), Severity.ERROR, lineOf(xml, "<ShowWindowsLive>", 0), 13);
        assertAt(only(problems, IssueCodes.INVALID_VALUE), Severity.ERROR, lineOf(xml, "<Path>", 0), 21);
        assertEquals(6, problems.size(), problems.toString());
    }

    @Test
    void simpleSettingWithChildSettingsKeepsItsValue() throws Exception {
        String xml = HEAD + "    <settings pass=\"specialize\">\n"
                + "        <component name=\"Microsoft-Windows-Shell-Setup\" " + COMPONENT + ">\n"
                + "            <ProductKey>FJ82H-XT6CR-J8D7P-XQJJ2-GPDD4<WillShowUI>OnError</WillShowUI></ProductKey>\n"
                + "        </component>\n    </settings>\n</unattend>\n";
        Problem mixed = only(validate(xml), IssueCodes.MIXED_CONTENT);
        assertAt(mixed, Severity.WARNING, 5, 13);
        assertEquals("Microsoft-Windows-Shell-Setup | ProductKey holds the value 'FJ82H-XT6CR-J8D7P-XQJJ2-GPDD4' and the child"
                + " settings WillShowUI; Windows reads the value and ignores the child settings", mixed.message());
        assertEquals(1, validate(xml).size(), "the value itself is checked and valid");
    }

    @Test
    void duplicateComponentsInOnePass() throws Exception {
        String component = "        <component name=\"Microsoft-Windows-LUA-Settings\" " + COMPONENT + ">\n"
                + "            <EnableLUA>false</EnableLUA>\n        </component>\n";
        String xml = HEAD + "    <settings pass=\"offlineServicing\">\n" + component + component + component
                + "        <component name=\"Microsoft-Windows-LUA-Settings\" processorArchitecture=\"x86\" publicKeyToken=\"31bf3856ad364e35\" language=\"neutral\" versionScope=\"nonSxS\">\n"
                + "            <EnableLUA>false</EnableLUA>\n        </component>\n"
                + "    </settings>\n</unattend>\n";
        List<Problem> problems = validate(xml);
        Problem duplicate = only(problems, IssueCodes.DUPLICATE_COMPONENT);
        assertAt(duplicate, Severity.ERROR, 4, 9);
        assertTrue(duplicate.message().startsWith("the component Microsoft-Windows-LUA-Settings (amd64) is written 3 times in"
                + " the offlineServicing pass"), duplicate.message());
        assertEquals(1, problems.size(), problems.toString());
    }

    @Test
    void unfilledPlaceholdersVariablePathsAndABrokenJoinBlob() throws Exception {
        String xml = AnswerFiles.UNFILLED_TEMPLATE;
        List<Problem> problems = validate(xml);
        List<Problem> placeholders = withCode(problems, IssueCodes.UNFILLED_PLACEHOLDER);
        assertEquals(List.of(lineOf(xml, "<source location=", 0), lineOf(xml, "<Path>", 0), lineOf(xml, "<UILanguage>", 0),
                lineOf(xml, "<UserLocale>", 0)), placeholders.stream().map(Problem::line).sorted().toList(), problems.toString());
        Problem source = placeholders.stream().filter(p -> p.line() == lineOf(xml, "<source location=", 0)).findFirst().get();
        assertEquals(Severity.ERROR, source.severity());
        assertTrue(source.message().contains("is the variable %PACKAGES%"), source.message());
        Problem driverPath = placeholders.stream().filter(p -> p.line() == lineOf(xml, "<Path>", 0)).findFirst().get();
        assertEquals(Severity.ERROR, driverPath.severity());
        assertTrue(driverPath.message().startsWith("Microsoft-Windows-PnpCustomizationsNonWinPE | DriverPaths |"
                + " PathAndCredentials | Path is the variable $DriverRoot"), driverPath.message());
        Problem language = placeholders.stream().filter(p -> p.line() == lineOf(xml, "<UILanguage>", 0)).findFirst().get();
        assertEquals(Severity.WARNING, language.severity());
        assertTrue(language.message().startsWith("Microsoft-Windows-International-Core | UILanguage holds ${UILanguage}, a"
                + " template placeholder"), language.message());

        Problem blob = only(problems, IssueCodes.INVALID_VALUE);
        assertAt(blob, Severity.ERROR, lineOf(xml, "<AccountData>", 0), 21);
        assertTrue(blob.message().contains("holds whitespace"), blob.message());
        assertEquals(List.of(lineOf(xml, "<OfflineIdentification>", 0)),
                withCode(problems, IssueCodes.NOT_APPLIED_OFFLINE).stream().map(Problem::line).toList());
        assertTrue(problems.stream().noneMatch(p -> p.message().contains("100%")), "a percent sign in text is no variable");
    }

    @Test
    void placeholdersAreTemplateNamesNotWindowsVariablesOrPasswords() {
        assertEquals("${UILanguage}", Placeholders.find("${UILanguage}"));
        assertEquals("{{ARCH}}", Placeholders.find("drivers\\{{ARCH}}\\net"));
        assertEquals("$Path", Placeholders.find("$Path\\setup.cmd"));
        assertEquals("%DEPLOYROOT%", Placeholders.find("%DEPLOYROOT%\\Scripts\\run.cmd"));
        assertEquals(null, Placeholders.find("%configsetroot%\\packages\\lp.cab"));
        assertEquals(null, Placeholders.find("%SystemRoot%\\System32\\cmd.exe /c %windir%\\setup.cmd"));
        assertEquals(null, Placeholders.find("Contoso 100% Lab"));
        assertEquals(null, Placeholders.find("P@ss$word1"));
    }
}
