package org.imagesmith.unattend.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.imagesmith.unattend.catalog.WindowsVersion;
import org.imagesmith.unattend.io.UnattendReader;
import org.imagesmith.unattend.model.Unattend;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For each component of the catalog a mistake of each kind: a setting in a pass where it does not act, a wrong value
 * or type, and a setting the component does not have. Each answer file holds one component in one pass; the line
 * marked with » is where the problem must be reported (the component itself when no line is marked).
 */
class ComponentRulesTest {
    private static final String MARK = "»";
    private static final String COMPONENT_LINE_START = "        <component name=\"";
    private static final int FIRST_BODY_LINE = 5;

    static Stream<Arguments> mistakes() {
        return Stream.of(
                // Microsoft-Windows-Shell-Setup
                mistake("Microsoft-Windows-Shell-Setup", "oobeSystem", "wrong-pass", "CopyProfile is not valid in the oobeSystem pass",
                        "»<CopyProfile>true</CopyProfile>"),
                mistake("Microsoft-Windows-Shell-Setup", "specialize", "invalid-value", "the value is 21 characters long; at most 15",
                        "»<ComputerName>WORKSTATION-BERLIN-42</ComputerName>"),
                mistake("Microsoft-Windows-Shell-Setup", "specialize", "invalid-value", "is not a computer name",
                        "»<ComputerName>LAB PC 7</ComputerName>"),
                mistake("Microsoft-Windows-Shell-Setup", "specialize", "invalid-value", "is not a product key",
                        "»<ProductKey>VK7JG-NPHTM-C97JM-9MPGT</ProductKey>"),
                mistake("Microsoft-Windows-Shell-Setup", "oobeSystem", "invalid-value", "4 is above the maximum 3",
                        "<OOBE>", "    »<ProtectYourPC>4</ProtectYourPC>", "</OOBE>"),
                mistake("Microsoft-Windows-Shell-Setup", "oobeSystem", "invalid-value", "-1 is below the minimum 1",
                        "<FirstLogonCommands>", "    <SynchronousCommand wcm:action=\"add\">",
                        "        »<Order>-1</Order>", "        <CommandLine>cmd /c exit</CommandLine>",
                        "    </SynchronousCommand>", "</FirstLogonCommands>"),
                mistake("Microsoft-Windows-Shell-Setup", "specialize", "unknown-setting", "'StartMenuColour' is not a setting of Microsoft-Windows-Shell-Setup",
                        "»<StartMenuColour>false</StartMenuColour>"),
                mistake("Microsoft-Windows-Shell-Setup", "oobeSystem", "unknown-setting", "setting names are case-sensitive: write HideEULAPage",
                        "<OOBE>", "    »<HideEulaPage>true</HideEulaPage>", "</OOBE>"),
                mistake("Microsoft-Windows-Shell-Setup", "oobeSystem", "deprecated-setting", "SkipMachineOOBE is deprecated",
                        "<OOBE>", "    »<SkipMachineOOBE>true</SkipMachineOOBE>", "</OOBE>"),
                // Microsoft-Windows-Setup acts only in windowsPE
                mistake("Microsoft-Windows-Setup", "specialize", "wrong-pass", "Microsoft-Windows-Setup does not act in the specialize pass",
                        "<UserData>", "    <AcceptEula>true</AcceptEula>", "</UserData>"),
                mistake("Microsoft-Windows-Setup", "windowsPE", "invalid-value", "is not one of /IMAGE/INDEX, /IMAGE/NAME, /IMAGE/DESCRIPTION",
                        "<ImageInstall>", "    <OSImage>", "        <InstallFrom>", "            <MetaData wcm:action=\"add\">",
                        "                »<Key>/IMAGE/EDITION</Key>", "                <Value>Professional</Value>",
                        "            </MetaData>", "        </InstallFrom>", "    </OSImage>", "</ImageInstall>"),
                mistake("Microsoft-Windows-Setup", "windowsPE", "invalid-value", "is not an uppercase drive letter from C to Z",
                        "<DiskConfiguration>", "    <Disk wcm:action=\"add\">", "        <DiskID>0</DiskID>", "        <ModifyPartitions>",
                        "            <ModifyPartition wcm:action=\"add\">", "                <Order>1</Order>",
                        "                <PartitionID>1</PartitionID>", "                »<Letter>C:</Letter>",
                        "            </ModifyPartition>", "        </ModifyPartitions>", "    </Disk>", "</DiskConfiguration>"),
                mistake("Microsoft-Windows-Setup", "windowsPE", "unknown-setting", "'WipeDisk' is not a setting of Microsoft-Windows-Setup | DiskConfiguration | Disk",
                        "<DiskConfiguration>", "    <Disk wcm:action=\"add\">", "        <DiskID>0</DiskID>",
                        "        »<WipeDisk>true</WipeDisk>", "    </Disk>", "</DiskConfiguration>"),
                // Microsoft-Windows-Deployment
                mistake("Microsoft-Windows-Deployment", "specialize", "wrong-pass", "Reseal is not valid in the specialize pass",
                        "»<Reseal>", "    <Mode>OOBE</Mode>", "</Reseal>"),
                mistake("Microsoft-Windows-Deployment", "specialize", "invalid-value", "'Sometimes' is not one of Always, OnRequest, Never",
                        "<RunSynchronous>", "    <RunSynchronousCommand wcm:action=\"add\">", "        <Order>1</Order>",
                        "        <Path>cmd /c exit</Path>", "        »<WillReboot>Sometimes</WillReboot>",
                        "    </RunSynchronousCommand>", "</RunSynchronous>"),
                mistake("Microsoft-Windows-Deployment", "specialize", "unknown-setting", "'CommandLine' is not a setting of Microsoft-Windows-Deployment | RunSynchronous | RunSynchronousCommand",
                        "<RunSynchronous>", "    <RunSynchronousCommand wcm:action=\"add\">", "        <Order>1</Order>",
                        "        »<CommandLine>cmd /c exit</CommandLine>", "    </RunSynchronousCommand>", "</RunSynchronous>"),
                // Microsoft-Windows-International-Core
                mistake("Microsoft-Windows-International-Core", "windowsPE", "wrong-pass", "does not act in the windowsPE pass",
                        "<UILanguage>de-DE</UILanguage>"),
                mistake("Microsoft-Windows-International-Core", "oobeSystem", "invalid-value", "has an empty entry",
                        "»<InputLocale>de-DE;;en-US</InputLocale>"),
                mistake("Microsoft-Windows-International-Core", "oobeSystem", "unknown-setting", "write UILanguageFallback",
                        "»<UILanguageFallBack>en-US</UILanguageFallBack>"),
                // Microsoft-Windows-UnattendedJoin
                mistake("Microsoft-Windows-UnattendedJoin", "specialize", "wrong-pass", "OfflineIdentification is not valid in the specialize pass",
                        "»<OfflineIdentification>", "    <Provisioning>", "        <AccountData>ARAIAMzMzMzgAQAAAAAAAA==</AccountData>",
                        "    </Provisioning>", "</OfflineIdentification>"),
                mistake("Microsoft-Windows-UnattendedJoin", "specialize", "invalid-value", "120 is above the maximum 60",
                        "<Identification>", "    <JoinDomain>corp.contoso.com</JoinDomain>",
                        "    »<TimeoutPeriodInMinutes>120</TimeoutPeriodInMinutes>", "</Identification>"),
                mistake("Microsoft-Windows-UnattendedJoin", "specialize", "unknown-setting", "'JoinDomainName' is not a setting",
                        "<Identification>", "    »<JoinDomainName>corp.contoso.com</JoinDomainName>", "</Identification>"),
                // Microsoft-Windows-Security-SPP, -SPP-UX, -Licensing-SLC-UX
                mistake("Microsoft-Windows-Security-SPP", "specialize", "wrong-pass", "does not act in the specialize pass",
                        "<SkipRearm>1</SkipRearm>"),
                mistake("Microsoft-Windows-Security-SPP", "generalize", "invalid-value", "2 is above the maximum 1",
                        "»<SkipRearm>2</SkipRearm>"),
                mistake("Microsoft-Windows-Security-SPP", "generalize", "unknown-setting", "'SkipLicenseRearm' is not a setting",
                        "»<SkipLicenseRearm>1</SkipLicenseRearm>"),
                mistake("Microsoft-Windows-Security-SPP-UX", "oobeSystem", "wrong-pass", "does not act in the oobeSystem pass",
                        "<SkipAutoActivation>true</SkipAutoActivation>"),
                mistake("Microsoft-Windows-Security-SPP-UX", "specialize", "invalid-value", "'yes' is not a boolean",
                        "»<SkipAutoActivation>yes</SkipAutoActivation>"),
                mistake("Microsoft-Windows-Security-SPP-UX", "specialize", "unknown-setting", "'SkipRearm' is not a setting",
                        "»<SkipRearm>1</SkipRearm>"),
                mistake("Microsoft-Windows-Security-Licensing-SLC-UX", "generalize", "wrong-pass", "does not act in the generalize pass",
                        "<SkipAutoActivation>true</SkipAutoActivation>"),
                mistake("Microsoft-Windows-Security-Licensing-SLC-UX", "specialize", "deprecated-setting", "Microsoft-Windows-Security-SPP-UX",
                        "»<SkipAutoActivation>true</SkipAutoActivation>"),
                mistake("Microsoft-Windows-Security-Licensing-SLC-UX", "specialize", "unknown-setting", "'SkipActivation' is not a setting",
                        "»<SkipActivation>true</SkipActivation>"),
                // Microsoft-Windows-LUA-Settings acts only in offlineServicing
                mistake("Microsoft-Windows-LUA-Settings", "specialize", "wrong-pass", "does not act in the specialize pass",
                        "<EnableLUA>false</EnableLUA>"),
                mistake("Microsoft-Windows-LUA-Settings", "offlineServicing", "invalid-value", "'0' is not a boolean",
                        "»<EnableLUA>0</EnableLUA>"),
                mistake("Microsoft-Windows-LUA-Settings", "offlineServicing", "unknown-setting", "'ConsentPromptBehaviorAdmin' is not a setting",
                        "»<ConsentPromptBehaviorAdmin>0</ConsentPromptBehaviorAdmin>"),
                // Remote Desktop
                mistake("Microsoft-Windows-TerminalServices-LocalSessionManager", "oobeSystem", "wrong-pass", "does not act in the oobeSystem pass",
                        "<fDenyTSConnections>false</fDenyTSConnections>"),
                mistake("Microsoft-Windows-TerminalServices-LocalSessionManager", "specialize", "invalid-value", "'0' is not a boolean",
                        "»<fDenyTSConnections>0</fDenyTSConnections>"),
                mistake("Microsoft-Windows-TerminalServices-LocalSessionManager", "specialize", "unknown-setting", "'fSingleSessionPerUser' is not a setting",
                        "»<fSingleSessionPerUser>0</fSingleSessionPerUser>"),
                mistake("Microsoft-Windows-TerminalServices-RDP-WinStationExtensions", "oobeSystem", "wrong-pass", "does not act in the oobeSystem pass",
                        "<SecurityLayer>2</SecurityLayer>"),
                mistake("Microsoft-Windows-TerminalServices-RDP-WinStationExtensions", "specialize", "invalid-value", "3 is above the maximum 2",
                        "»<SecurityLayer>3</SecurityLayer>"),
                mistake("Microsoft-Windows-TerminalServices-RDP-WinStationExtensions", "specialize", "unknown-setting", "'MinEncryptionLevel' is not a setting",
                        "»<MinEncryptionLevel>3</MinEncryptionLevel>"),
                // Networking-MPSSVC-Svc
                mistake("Networking-MPSSVC-Svc", "oobeSystem", "wrong-pass", "does not act in the oobeSystem pass",
                        "<DomainProfile_EnableFirewall>false</DomainProfile_EnableFirewall>"),
                mistake("Networking-MPSSVC-Svc", "specialize", "invalid-value", "'work' is not one of all, domain, private, public",
                        "<FirewallGroups>", "    <FirewallGroup wcm:action=\"add\" wcm:keyValue=\"RemoteDesktop\">",
                        "        <Active>true</Active>", "        <Group>@FirewallAPI.dll,-28752</Group>",
                        "        »<Profile>work</Profile>", "    </FirewallGroup>", "</FirewallGroups>"),
                mistake("Networking-MPSSVC-Svc", "specialize", "unknown-setting", "'DomainProfile_DefaultInboundAction' is not a setting",
                        "»<DomainProfile_DefaultInboundAction>Block</DomainProfile_DefaultInboundAction>"),
                // Microsoft-Windows-TCPIP
                mistake("Microsoft-Windows-TCPIP", "oobeSystem", "wrong-pass", "does not act in the oobeSystem pass",
                        "<IcmpRedirectsEnabled>false</IcmpRedirectsEnabled>"),
                mistake("Microsoft-Windows-TCPIP", "specialize", "invalid-value", "'no' is not a boolean",
                        "<Interfaces>", "    <Interface wcm:action=\"add\">", "        <Identifier>Ethernet</Identifier>",
                        "        <Ipv4Settings>", "            »<DhcpEnabled>no</DhcpEnabled>", "        </Ipv4Settings>",
                        "    </Interface>", "</Interfaces>"),
                mistake("Microsoft-Windows-TCPIP", "specialize", "unknown-setting", "'DefaultGateway' is not a setting of Microsoft-Windows-TCPIP | Interfaces | Interface",
                        "<Interfaces>", "    <Interface wcm:action=\"add\">", "        <Identifier>Ethernet</Identifier>",
                        "        »<DefaultGateway>10.0.0.1</DefaultGateway>", "    </Interface>", "</Interfaces>"),
                mistake("Microsoft-Windows-TCPIP", "specialize", "duplicate-key", "Identifier Ethernet is already used by the item at line 6",
                        "<Interfaces>", "    <Interface wcm:action=\"add\">", "        <Identifier>Ethernet</Identifier>", "    </Interface>",
                        "    <Interface wcm:action=\"add\">", "        »<Identifier>Ethernet</Identifier>", "    </Interface>", "</Interfaces>"),
                // Microsoft-Windows-DNS-Client
                mistake("Microsoft-Windows-DNS-Client", "windowsPE", "wrong-pass", "does not act in the windowsPE pass",
                        "<DNSDomain>corp.contoso.com</DNSDomain>"),
                mistake("Microsoft-Windows-DNS-Client", "specialize", "invalid-value", "the value is empty",
                        "»<DNSDomain></DNSDomain>"),
                mistake("Microsoft-Windows-DNS-Client", "specialize", "unknown-setting", "'DNSServers' is not a setting of Microsoft-Windows-DNS-Client | Interfaces | Interface",
                        "<Interfaces>", "    <Interface wcm:action=\"add\">", "        <Identifier>Ethernet</Identifier>",
                        "        »<DNSServers>10.0.0.2</DNSServers>", "    </Interface>", "</Interfaces>"),
                mistake("Microsoft-Windows-DNS-Client", "specialize", "duplicate-key", "wcm:keyValue=\"1\" is already used at line 9",
                        "<Interfaces>", "    <Interface wcm:action=\"add\">", "        <Identifier>Ethernet</Identifier>",
                        "        <DNSServerSearchOrder>", "            <IpAddress wcm:action=\"add\" wcm:keyValue=\"1\">10.0.0.2</IpAddress>",
                        "            »<IpAddress wcm:action=\"add\" wcm:keyValue=\"1\">10.0.0.3</IpAddress>",
                        "        </DNSServerSearchOrder>", "    </Interface>", "</Interfaces>"),
                // Microsoft-Windows-IE-InternetExplorer lists the common settings only: an unknown one is a warning
                mistake("Microsoft-Windows-IE-InternetExplorer", "oobeSystem", "wrong-pass", "does not act in the oobeSystem pass",
                        "<Home_Page>https://intranet.contoso.com</Home_Page>"),
                mistake("Microsoft-Windows-IE-InternetExplorer", "specialize", "invalid-value", "'true' is not one of yes, no",
                        "»<BlockPopups>true</BlockPopups>"),
                mistake("Microsoft-Windows-IE-InternetExplorer", "specialize", "unknown-setting", "'IEWelcomeMsg' is not a setting",
                        "»<IEWelcomeMsg>false</IEWelcomeMsg>"),
                mistake("Microsoft-Windows-IE-ESC", "oobeSystem", "wrong-pass", "does not act in the oobeSystem pass",
                        "<IEHardenAdmin>false</IEHardenAdmin>"),
                mistake("Microsoft-Windows-IE-ESC", "specialize", "invalid-value", "'Off' is not a boolean",
                        "»<IEHardenAdmin>Off</IEHardenAdmin>"),
                mistake("Microsoft-Windows-IE-ESC", "specialize", "unknown-setting", "'IEHardenAdmins' is not a setting",
                        "»<IEHardenAdmins>false</IEHardenAdmins>"),
                // Windows Server
                mistake("Microsoft-Windows-ServerManager-SvrMgrNc", "oobeSystem", "wrong-pass", "does not act in the oobeSystem pass",
                        "<DoNotOpenServerManagerAtLogon>true</DoNotOpenServerManagerAtLogon>"),
                mistake("Microsoft-Windows-ServerManager-SvrMgrNc", "specialize", "invalid-value", "'1' is not a boolean",
                        "»<DoNotOpenServerManagerAtLogon>1</DoNotOpenServerManagerAtLogon>"),
                mistake("Microsoft-Windows-ServerManager-SvrMgrNc", "specialize", "unknown-setting", "'DoNotOpenServerManager' is not a setting",
                        "»<DoNotOpenServerManager>true</DoNotOpenServerManager>"),
                mistake("Microsoft-Windows-OutOfBoxExperience", "oobeSystem", "wrong-pass", "does not act in the oobeSystem pass",
                        "<DoNotOpenInitialConfigurationTasksAtLogon>true</DoNotOpenInitialConfigurationTasksAtLogon>"),
                mistake("Microsoft-Windows-OutOfBoxExperience", "specialize", "deprecated-setting", "DoNotOpenServerManagerAtLogon",
                        "»<DoNotOpenInitialConfigurationTasksAtLogon>true</DoNotOpenInitialConfigurationTasksAtLogon>"),
                mistake("Microsoft-Windows-OutOfBoxExperience", "specialize", "unknown-setting", "'DoNotOpenServerManagerAtLogon' is not a setting",
                        "»<DoNotOpenServerManagerAtLogon>true</DoNotOpenServerManagerAtLogon>"),
                // Reporting
                mistake("Microsoft-Windows-ErrorReportingCore", "oobeSystem", "wrong-pass", "does not act in the oobeSystem pass",
                        "<DisableWER>1</DisableWER>"),
                mistake("Microsoft-Windows-ErrorReportingCore", "specialize", "invalid-value", "5 is above the maximum 4",
                        "»<DefaultConsent>5</DefaultConsent>"),
                mistake("Microsoft-Windows-ErrorReportingCore", "specialize", "unknown-setting", "'DisableWindowsErrorReporting' is not a setting",
                        "»<DisableWindowsErrorReporting>1</DisableWindowsErrorReporting>"),
                mistake("Microsoft-Windows-SQMApi", "oobeSystem", "wrong-pass", "does not act in the oobeSystem pass",
                        "<CEIPEnabled>0</CEIPEnabled>"),
                mistake("Microsoft-Windows-SQMApi", "specialize", "invalid-value", "'false' is not a whole number",
                        "»<CEIPEnabled>false</CEIPEnabled>"),
                mistake("Microsoft-Windows-SQMApi", "specialize", "unknown-setting", "'CEIPEnable' is not a setting",
                        "»<CEIPEnable>0</CEIPEnable>"),
                // Microsoft-Windows-PnpSysprep
                mistake("Microsoft-Windows-PnpSysprep", "specialize", "wrong-pass", "does not act in the specialize pass",
                        "<PersistAllDeviceInstalls>true</PersistAllDeviceInstalls>"),
                mistake("Microsoft-Windows-PnpSysprep", "generalize", "invalid-value", "'1' is not a boolean",
                        "»<PersistAllDeviceInstalls>1</PersistAllDeviceInstalls>"),
                mistake("Microsoft-Windows-PnpSysprep", "generalize", "unknown-setting", "'PersistDeviceInstalls' is not a setting",
                        "»<PersistDeviceInstalls>true</PersistDeviceInstalls>"));
    }

    @ParameterizedTest(name = "{0} in {1}: {2}")
    @MethodSource("mistakes")
    void reportsTheMistakeWithItsRuleAndPosition(String component, String pass, String code, String message, List<String> body)
            throws Exception {
        String xml = answerFile(component, pass, body);
        // deprecations are checked for Windows 10, where all of these hold; Windows 7 (the default) has none of them
        ValidationOptions options = code.equals(IssueCodes.DEPRECATED_SETTING)
                ? new ValidationOptions(null, null, WindowsVersion.WINDOWS_10) : ValidationOptions.none();
        Unattend unattend = UnattendReader.read(xml.getBytes(StandardCharsets.UTF_8), "mistake.xml");
        List<Problem> problems = UnattendValidator.standard(options).validate(unattend);
        assertEquals(1, problems.size(), xml + "\n" + problems);
        if (code.equals(IssueCodes.DEPRECATED_SETTING)) {
            assertEquals(List.of(), UnattendValidator.standard(ValidationOptions.none()).validate(unattend),
                    "nothing is deprecated in the setting's own Windows 7 / Server 2008 R2");
        }
        Problem problem = problems.get(0);
        assertEquals(code, problem.code(), problem.toString());
        boolean softer = code.equals("deprecated-setting") || component.equals("Microsoft-Windows-IE-InternetExplorer")
                && code.equals("unknown-setting");
        assertEquals(softer ? Severity.WARNING : Severity.ERROR, problem.severity(), problem.toString());
        assertEquals(expectedPosition(xml.replace(MARK, ""), body), problem.line() + ":" + problem.column(), problem.toString());
        assertTrue(problem.message().contains(message), problem.message());
    }

    private static Arguments mistake(String component, String pass, String code, String message, String... body) {
        return Arguments.of(component, pass, code, message, List.of(body));
    }

    private static String answerFile(String component, String pass, List<String> body) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n")
                .append("<unattend xmlns=\"urn:schemas-microsoft-com:unattend\" xmlns:wcm=\"http://schemas.microsoft.com/WMIConfig/2002/State\">\n")
                .append("    <settings pass=\"").append(pass).append("\">\n")
                .append(COMPONENT_LINE_START).append(component).append("\" processorArchitecture=\"amd64\" publicKeyToken=\"31bf3856ad364e35\"")
                .append(" language=\"neutral\" versionScope=\"nonSxS\">\n");
        for (String line : body) {
            xml.append("            ").append(line.replace(MARK, "")).append('\n');
        }
        return xml.append("        </component>\n    </settings>\n</unattend>\n").toString();
    }

    /** line:column of the marked body line's element, or of the component when no line is marked. */
    private static String expectedPosition(String xml, List<String> body) {
        List<String> lines = new ArrayList<>(List.of(xml.split("\n")));
        for (int i = 0; i < body.size(); i++) {
            if (body.get(i).contains(MARK)) {
                String line = lines.get(FIRST_BODY_LINE - 1 + i);
                return (FIRST_BODY_LINE + i) + ":" + (line.indexOf('<') + 1);
            }
        }
        return (FIRST_BODY_LINE - 1) + ":" + (COMPONENT_LINE_START.indexOf('<') + 1);
    }
}
