package org.imagesmith.testsupport;

/** Realistic answer files (Unattend.xml) for the tests of the model, the language and the servicing. */
public final class AnswerFiles {
    private AnswerFiles() {
    }

    /** An autounattend.xml that partitions disk 0 for UEFI and installs image 6 of install.wim. */
    public static final String AUTOUNATTEND = """
            <?xml version="1.0" encoding="utf-8"?>
            <!-- Lab deployment: wipe disk 0 and install Windows 11 Pro -->
            <unattend xmlns="urn:schemas-microsoft-com:unattend">
                <settings pass="windowsPE">
                    <component name="Microsoft-Windows-International-Core-WinPE" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS" xmlns:wcm="http://schemas.microsoft.com/WMIConfig/2002/State" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                        <SetupUILanguage>
                            <UILanguage>en-US</UILanguage>
                        </SetupUILanguage>
                        <InputLocale>0409:00000409;0407:00000407</InputLocale>
                        <SystemLocale>en-US</SystemLocale>
                        <UILanguage>en-US</UILanguage>
                        <UserLocale>en-US</UserLocale>
                    </component>
                    <component name="Microsoft-Windows-Setup" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS" xmlns:wcm="http://schemas.microsoft.com/WMIConfig/2002/State" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                        <DiskConfiguration>
                            <Disk wcm:action="add">
                                <CreatePartitions>
                                    <!-- EFI system partition -->
                                    <CreatePartition wcm:action="add">
                                        <Order>1</Order>
                                        <Type>EFI</Type>
                                        <Size>300</Size>
                                    </CreatePartition>
                                    <CreatePartition wcm:action="add">
                                        <Order>2</Order>
                                        <Type>MSR</Type>
                                        <Size>16</Size>
                                    </CreatePartition>
                                    <CreatePartition wcm:action="add">
                                        <Order>3</Order>
                                        <Type>Primary</Type>
                                        <Extend>true</Extend>
                                    </CreatePartition>
                                </CreatePartitions>
                                <ModifyPartitions>
                                    <ModifyPartition wcm:action="add">
                                        <Order>1</Order>
                                        <PartitionID>1</PartitionID>
                                        <Label>System</Label>
                                        <Format>FAT32</Format>
                                    </ModifyPartition>
                                    <ModifyPartition wcm:action="add">
                                        <Order>2</Order>
                                        <PartitionID>3</PartitionID>
                                        <Label>Windows</Label>
                                        <Letter>C</Letter>
                                        <Format>NTFS</Format>
                                    </ModifyPartition>
                                </ModifyPartitions>
                                <DiskID>0</DiskID>
                                <WillWipeDisk>true</WillWipeDisk>
                            </Disk>
                        </DiskConfiguration>
                        <ImageInstall>
                            <OSImage>
                                <InstallFrom>
                                    <MetaData wcm:action="add">
                                        <Key>/IMAGE/INDEX</Key>
                                        <Value>6</Value>
                                    </MetaData>
                                </InstallFrom>
                                <InstallTo>
                                    <DiskID>0</DiskID>
                                    <PartitionID>3</PartitionID>
                                </InstallTo>
                            </OSImage>
                        </ImageInstall>
                        <UserData>
                            <ProductKey>
                                <Key>VK7JG-NPHTM-C97JM-9MPGT-3V66T</Key>
                                <WillShowUI>OnError</WillShowUI>
                            </ProductKey>
                            <AcceptEula>true</AcceptEula>
                            <FullName>Lab &amp; Test</FullName>
                            <Organization>Contoso</Organization>
                        </UserData>
                        <RunSynchronous>
                            <!-- lab machines without TPM 2.0 -->
                            <RunSynchronousCommand wcm:action="add">
                                <Order>1</Order>
                                <Path>reg add HKLM\\System\\Setup\\LabConfig /v BypassTPMCheck /t REG_DWORD /d 1 /f</Path>
                                <Description>Allow lab machines without TPM 2.0</Description>
                            </RunSynchronousCommand>
                            <RunSynchronousCommand wcm:action="add">
                                <Order>2</Order>
                                <Path>reg add HKLM\\System\\Setup\\LabConfig /v BypassSecureBootCheck /t REG_DWORD /d 1 /f</Path>
                            </RunSynchronousCommand>
                        </RunSynchronous>
                        <DynamicUpdate>
                            <Enable>false</Enable>
                            <WillShowUI>Never</WillShowUI>
                        </DynamicUpdate>
                        <ComplianceCheck>
                            <DisplayReport>OnError</DisplayReport>
                        </ComplianceCheck>
                    </component>
                    <component name="Microsoft-Windows-PnpCustomizationsWinPE" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS" xmlns:wcm="http://schemas.microsoft.com/WMIConfig/2002/State" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                        <DriverPaths>
                            <PathAndCredentials wcm:action="add" wcm:keyValue="1">
                                <Path>D:\\Drivers\\Storage</Path>
                            </PathAndCredentials>
                        </DriverPaths>
                    </component>
                </settings>
                <cpi:offlineImage cpi:source="wim:c:/sources/install.wim#Windows 11 Pro" xmlns:cpi="urn:schemas-microsoft-com:cpi" />
            </unattend>
            """;

    /** An offlineServicing answer file with packages and driver paths, as applied with /Apply-Unattend. */
    /**
     * An offlineServicing pass written for Windows 10: a component Windows 7 does not have
     * (SystemSettingsThreshold, which acts only in specialize), a Shell-Setup setting it does not have (SignInMode)
     * and User Account Control, which every version applies.
     */
    public static final String WINDOWS_10_OFFLINE = """
            <?xml version="1.0" encoding="utf-8"?>
            <unattend xmlns="urn:schemas-microsoft-com:unattend">
              <settings pass="offlineServicing">
                <component name="Microsoft-Windows-SystemSettingsThreshold" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS">
                  <DisplayNetworkSelection>false</DisplayNetworkSelection>
                </component>
                <component name="Microsoft-Windows-Shell-Setup" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS">
                  <SignInMode>1</SignInMode>
                </component>
                <component name="Microsoft-Windows-LUA-Settings" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS">
                  <EnableLUA>false</EnableLUA>
                </component>
              </settings>
            </unattend>
            """;

    public static final String OFFLINE_SERVICING = """
            <?xml version="1.0" encoding="utf-8"?>
            <unattend xmlns="urn:schemas-microsoft-com:unattend" xmlns:wcm="http://schemas.microsoft.com/WMIConfig/2002/State">
                <servicing>
                    <package action="install">
                        <assemblyIdentity name="Microsoft-Windows-Client-LanguagePack-Package" version="10.0.22621.1" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="de-DE" />
                        <source location="packages\\lp-de-de.cab" />
                    </package>
                    <package action="install">
                        <assemblyIdentity name="Package_for_RollupFix" version="22621.3007.1.9" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" />
                        <source location="packages/windows11.0-kb5034123-x64.cab" />
                    </package>
                    <package action="configure">
                        <assemblyIdentity name="Microsoft-Windows-Foundation-Package" version="10.0.22621.1" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="" />
                        <selection name="TelnetClient" state="true" />
                        <selection name="SMB1Protocol" state="false" />
                    </package>
                </servicing>
                <settings pass="offlineServicing">
                    <component name="Microsoft-Windows-PnpCustomizationsNonWinPE" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS">
                        <DriverPaths>
                            <PathAndCredentials wcm:action="add" wcm:keyValue="1">
                                <Path>\\\\deploy01\\drivers\\x64</Path>
                                <Credentials>
                                    <Domain>CONTOSO</Domain>
                                    <Username>svc-deploy</Username>
                                    <Password>P@ss&lt;word&gt;</Password>
                                </Credentials>
                            </PathAndCredentials>
                            <PathAndCredentials wcm:action="add" wcm:keyValue="2">
                                <Path>C:\\Drivers</Path>
                            </PathAndCredentials>
                        </DriverPaths>
                    </component>
                    <component name="Microsoft-Windows-Shell-Setup" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS">
                        <ComputerName>LAB-PC-042</ComputerName>
                        <OfflineUserAccounts>
                            <OfflineLocalAccounts>
                                <LocalAccount wcm:action="add">
                                    <Name>labadmin</Name>
                                    <Group>Administrators;Remote Desktop Users</Group>
                                    <Password>
                                        <Value>UABhAHMAcwB3AG8AcgBkAA==</Value>
                                        <PlainText>false</PlainText>
                                    </Password>
                                </LocalAccount>
                            </OfflineLocalAccounts>
                        </OfflineUserAccounts>
                    </component>
                    <component name="Contoso-Custom-Agent" processorArchitecture="amd64" publicKeyToken="0000000000000000" language="neutral" versionScope="nonSxS">
                        <AgentServer xmlns:ext="urn:contoso:agent" ext:priority="high">agent.contoso.com</AgentServer>
                    </component>
                </settings>
            </unattend>
            """;

    /** An oobeSystem answer file that skips OOBE, creates an account and logs it on once. */
    public static final String OOBE_SYSTEM = """
            <?xml version="1.0" encoding="utf-8"?>
            <unattend xmlns="urn:schemas-microsoft-com:unattend">
                <settings pass="oobeSystem">
                    <component name="Microsoft-Windows-International-Core" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS" xmlns:wcm="http://schemas.microsoft.com/WMIConfig/2002/State" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                        <InputLocale>de-DE</InputLocale>
                        <SystemLocale>de-DE</SystemLocale>
                        <UILanguage>de-DE</UILanguage>
                        <UserLocale>de-DE</UserLocale>
                    </component>
                    <component name="Microsoft-Windows-Shell-Setup" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS" xmlns:wcm="http://schemas.microsoft.com/WMIConfig/2002/State" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                        <OOBE>
                            <HideEULAPage>true</HideEULAPage>
                            <HideOnlineAccountScreens>true</HideOnlineAccountScreens>
                            <HideLocalAccountScreen>true</HideLocalAccountScreen>
                            <HideOEMRegistrationScreen>true</HideOEMRegistrationScreen>
                            <HideWirelessSetupInOOBE>true</HideWirelessSetupInOOBE>
                            <ProtectYourPC>3</ProtectYourPC>
                        </OOBE>
                        <UserAccounts>
                            <LocalAccounts>
                                <LocalAccount wcm:action="add">
                                    <Password>
                                        <Value>Passw0rd!</Value>
                                        <PlainText>true</PlainText>
                                    </Password>
                                    <Group>Administrators</Group>
                                    <DisplayName>Lab Administrator</DisplayName>
                                    <Name>labadmin</Name>
                                </LocalAccount>
                            </LocalAccounts>
                        </UserAccounts>
                        <AutoLogon>
                            <Enabled>true</Enabled>
                            <LogonCount>1</LogonCount>
                            <Username>labadmin</Username>
                            <Password>
                                <Value>Passw0rd!</Value>
                                <PlainText>true</PlainText>
                            </Password>
                        </AutoLogon>
                        <FirstLogonCommands>
                            <SynchronousCommand wcm:action="add">
                                <Order>1</Order>
                                <CommandLine>cmd /c "echo first logon &gt; C:\\firstlogon.txt"</CommandLine>
                                <Description>Mark first logon</Description>
                            </SynchronousCommand>
                        </FirstLogonCommands>
                        <TimeZone>W. Europe Standard Time</TimeZone>
                        <RegisteredOwner>Lab</RegisteredOwner>
                        <RegisteredOrganization>Contoso</RegisteredOrganization>
                        <Themes>
                            <ThemeName>Contoso</ThemeName>
                            <DesktopBackground>%WINDIR%\\Web\\Wallpaper\\Contoso\\contoso.jpg</DesktopBackground>
                            <WindowColor>0xff0078d7</WindowColor>
                        </Themes>
                    </component>
                </settings>
            </unattend>
            """;

    /** A specialize pass for a Windows Server that joins a domain with a static address and allows Remote Desktop. */
    public static final String SPECIALIZE = """
            <?xml version="1.0" encoding="utf-8"?>
            <unattend xmlns="urn:schemas-microsoft-com:unattend">
                <settings pass="specialize">
                    <component name="Microsoft-Windows-Shell-Setup" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS" xmlns:wcm="http://schemas.microsoft.com/WMIConfig/2002/State" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                        <ComputerName>FS-BER-01</ComputerName>
                        <ProductKey>VDYBN-27WPP-V4HQT-9VMD4-VMK7H</ProductKey>
                        <RegisteredOrganization>Contoso</RegisteredOrganization>
                        <RegisteredOwner>Contoso IT</RegisteredOwner>
                        <TimeZone>W. Europe Standard Time</TimeZone>
                        <OEMInformation>
                            <Manufacturer>Contoso</Manufacturer>
                            <SupportURL>https://support.contoso.com</SupportURL>
                        </OEMInformation>
                    </component>
                    <component name="Microsoft-Windows-International-Core" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS" xmlns:wcm="http://schemas.microsoft.com/WMIConfig/2002/State" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                        <InputLocale>de-DE</InputLocale>
                        <SystemLocale>de-DE</SystemLocale>
                        <UILanguage>en-US</UILanguage>
                        <UserLocale>de-DE</UserLocale>
                    </component>
                    <component name="Microsoft-Windows-UnattendedJoin" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS" xmlns:wcm="http://schemas.microsoft.com/WMIConfig/2002/State" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                        <Identification>
                            <Credentials>
                                <Domain>CONTOSO</Domain>
                                <Password>J0in-Only!</Password>
                                <Username>svc-join</Username>
                            </Credentials>
                            <JoinDomain>corp.contoso.com</JoinDomain>
                            <MachineObjectOU>OU=Servers,OU=Berlin,DC=corp,DC=contoso,DC=com</MachineObjectOU>
                        </Identification>
                    </component>
                    <component name="Microsoft-Windows-TCPIP" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS" xmlns:wcm="http://schemas.microsoft.com/WMIConfig/2002/State" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                        <Interfaces>
                            <Interface wcm:action="add">
                                <Ipv4Settings>
                                    <DhcpEnabled>false</DhcpEnabled>
                                    <Metric>10</Metric>
                                </Ipv4Settings>
                                <Identifier>Ethernet</Identifier>
                                <UnicastIpAddresses>
                                    <IpAddress wcm:action="add" wcm:keyValue="1">10.20.0.15/24</IpAddress>
                                </UnicastIpAddresses>
                                <Routes>
                                    <Route wcm:action="add">
                                        <Identifier>0</Identifier>
                                        <NextHopAddress>10.20.0.1</NextHopAddress>
                                        <Prefix>0.0.0.0/0</Prefix>
                                    </Route>
                                </Routes>
                            </Interface>
                        </Interfaces>
                    </component>
                    <component name="Microsoft-Windows-DNS-Client" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS" xmlns:wcm="http://schemas.microsoft.com/WMIConfig/2002/State" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                        <DNSSuffixSearchOrder>
                            <DomainName wcm:action="add" wcm:keyValue="1">corp.contoso.com</DomainName>
                        </DNSSuffixSearchOrder>
                        <Interfaces>
                            <Interface wcm:action="add">
                                <DNSServerSearchOrder>
                                    <IpAddress wcm:action="add" wcm:keyValue="1">10.20.0.2</IpAddress>
                                    <IpAddress wcm:action="add" wcm:keyValue="2">10.20.0.3</IpAddress>
                                </DNSServerSearchOrder>
                                <Identifier>Ethernet</Identifier>
                                <DNSDomain>corp.contoso.com</DNSDomain>
                            </Interface>
                        </Interfaces>
                    </component>
                    <component name="Microsoft-Windows-TerminalServices-LocalSessionManager" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS" xmlns:wcm="http://schemas.microsoft.com/WMIConfig/2002/State" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                        <fDenyTSConnections>false</fDenyTSConnections>
                    </component>
                    <component name="Microsoft-Windows-TerminalServices-RDP-WinStationExtensions" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS" xmlns:wcm="http://schemas.microsoft.com/WMIConfig/2002/State" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                        <SecurityLayer>2</SecurityLayer>
                        <UserAuthentication>1</UserAuthentication>
                    </component>
                    <component name="Networking-MPSSVC-Svc" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS" xmlns:wcm="http://schemas.microsoft.com/WMIConfig/2002/State" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                        <FirewallGroups>
                            <FirewallGroup wcm:action="add" wcm:keyValue="RemoteDesktop">
                                <Active>true</Active>
                                <Group>@FirewallAPI.dll,-28752</Group>
                                <Profile>domain</Profile>
                            </FirewallGroup>
                        </FirewallGroups>
                        <PublicProfile_LogDroppedPackets>true</PublicProfile_LogDroppedPackets>
                    </component>
                    <component name="Microsoft-Windows-IE-ESC" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS" xmlns:wcm="http://schemas.microsoft.com/WMIConfig/2002/State" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                        <IEHardenAdmin>false</IEHardenAdmin>
                        <IEHardenUser>true</IEHardenUser>
                    </component>
                    <component name="Microsoft-Windows-IE-InternetExplorer" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS" xmlns:wcm="http://schemas.microsoft.com/WMIConfig/2002/State" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                        <DisableFirstRunWizard>true</DisableFirstRunWizard>
                        <Home_Page>https://intranet.contoso.com</Home_Page>
                    </component>
                    <component name="Microsoft-Windows-ServerManager-SvrMgrNc" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS" xmlns:wcm="http://schemas.microsoft.com/WMIConfig/2002/State" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                        <DoNotOpenServerManagerAtLogon>true</DoNotOpenServerManagerAtLogon>
                    </component>
                    <component name="Microsoft-Windows-ErrorReportingCore" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS" xmlns:wcm="http://schemas.microsoft.com/WMIConfig/2002/State" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                        <DisableWER>1</DisableWER>
                    </component>
                    <component name="Microsoft-Windows-SQMApi" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS" xmlns:wcm="http://schemas.microsoft.com/WMIConfig/2002/State" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                        <CEIPEnabled>0</CEIPEnabled>
                    </component>
                    <component name="Microsoft-Windows-Security-SPP-UX" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS" xmlns:wcm="http://schemas.microsoft.com/WMIConfig/2002/State" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                        <SkipAutoActivation>true</SkipAutoActivation>
                    </component>
                    <component name="Microsoft-Windows-Deployment" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS" xmlns:wcm="http://schemas.microsoft.com/WMIConfig/2002/State" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                        <RunSynchronous>
                            <RunSynchronousCommand wcm:action="add">
                                <Order>1</Order>
                                <Path>powershell.exe -NoProfile -Command "Set-NetFirewallProfile -Profile Domain -LogAllowed True"</Path>
                                <Description>Log allowed connections</Description>
                                <WillReboot>Never</WillReboot>
                            </RunSynchronousCommand>
                        </RunSynchronous>
                    </component>
                </settings>
            </unattend>
            """;

    /** A reference-image build in audit mode: drivers and apps, then Sysprep generalizes and shuts down. */
    public static final String AUDIT_MODE = """
            <?xml version="1.0" encoding="utf-8"?>
            <unattend xmlns="urn:schemas-microsoft-com:unattend">
                <settings pass="generalize">
                    <component name="Microsoft-Windows-Security-SPP" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS" xmlns:wcm="http://schemas.microsoft.com/WMIConfig/2002/State" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                        <SkipRearm>1</SkipRearm>
                    </component>
                    <component name="Microsoft-Windows-PnpSysprep" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS" xmlns:wcm="http://schemas.microsoft.com/WMIConfig/2002/State" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                        <PersistAllDeviceInstalls>true</PersistAllDeviceInstalls>
                    </component>
                </settings>
                <settings pass="auditSystem">
                    <component name="Microsoft-Windows-Shell-Setup" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS" xmlns:wcm="http://schemas.microsoft.com/WMIConfig/2002/State" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                        <AutoLogon>
                            <Password>
                                <Value>Ref-Build-1</Value>
                                <PlainText>true</PlainText>
                            </Password>
                            <Enabled>true</Enabled>
                            <LogonCount>5</LogonCount>
                            <Username>Administrator</Username>
                        </AutoLogon>
                        <UserAccounts>
                            <AdministratorPassword>
                                <Value>Ref-Build-1</Value>
                                <PlainText>true</PlainText>
                            </AdministratorPassword>
                        </UserAccounts>
                    </component>
                    <component name="Microsoft-Windows-Deployment" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS" xmlns:wcm="http://schemas.microsoft.com/WMIConfig/2002/State" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                        <AuditComputerName>
                            <MustReboot>false</MustReboot>
                            <Name>REF-W11-01</Name>
                        </AuditComputerName>
                        <ExtendOSPartition>
                            <Extend>true</Extend>
                        </ExtendOSPartition>
                    </component>
                    <component name="Microsoft-Windows-PnpCustomizationsNonWinPE" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS" xmlns:wcm="http://schemas.microsoft.com/WMIConfig/2002/State" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                        <DriverPaths>
                            <PathAndCredentials wcm:action="add" wcm:keyValue="1">
                                <Path>C:\\Drivers</Path>
                            </PathAndCredentials>
                        </DriverPaths>
                    </component>
                </settings>
                <settings pass="auditUser">
                    <component name="Microsoft-Windows-Deployment" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS" xmlns:wcm="http://schemas.microsoft.com/WMIConfig/2002/State" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                        <RunSynchronous>
                            <RunSynchronousCommand wcm:action="add">
                                <Order>1</Order>
                                <Path>msiexec /i C:\\Apps\\agent.msi /qn</Path>
                                <Description>Install the management agent</Description>
                                <WillReboot>OnRequest</WillReboot>
                            </RunSynchronousCommand>
                        </RunSynchronous>
                        <Generalize>
                            <ForceShutdownNow>true</ForceShutdownNow>
                            <Mode>OOBE</Mode>
                        </Generalize>
                    </component>
                </settings>
            </unattend>
            """;

    /**
     * An answer file as image-build generators write them for Windows 7 x64: every component for amd64 and x86 side
     * by side, the product key as text next to its WillShowUI (mixed content), UAC turned off offline, and problems
     * in passes /Apply-Unattend does not apply (a command path over 259 characters in specialize, ShowWindowsLive in
     * oobeSystem, where it is not valid).
     */
    public static final String GENERATED_TEMPLATE = """
            <?xml version="1.0" encoding="utf-8"?>
            <unattend xmlns="urn:schemas-microsoft-com:unattend">
                <settings pass="windowsPE">
                    <component name="Microsoft-Windows-Setup" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS" xmlns:wcm="http://schemas.microsoft.com/WMIConfig/2002/State" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                        <UserData>
                            <AcceptEula>true</AcceptEula>
                            <ProductKey>FJ82H-XT6CR-J8D7P-XQJJ2-GPDD4<WillShowUI>OnError</WillShowUI></ProductKey>
                        </UserData>
                    </component>
                    <component name="Microsoft-Windows-Setup" processorArchitecture="x86" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS" xmlns:wcm="http://schemas.microsoft.com/WMIConfig/2002/State" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                        <UserData>
                            <AcceptEula>true</AcceptEula>
                            <ProductKey>
                                FJ82H-XT6CR-J8D7P-XQJJ2-GPDD4
                                <WillShowUI>OnError</WillShowUI>
                            </ProductKey>
                        </UserData>
                    </component>
                </settings>
                <settings pass="offlineServicing">
                    <component name="Microsoft-Windows-LUA-Settings" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS">
                        <EnableLUA>false</EnableLUA>
                    </component>
                    <component name="Microsoft-Windows-LUA-Settings" processorArchitecture="x86" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS">
                        <EnableLUA>false</EnableLUA>
                    </component>
                </settings>
                <settings pass="specialize">
                    <component name="Microsoft-Windows-Deployment" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS" xmlns:wcm="http://schemas.microsoft.com/WMIConfig/2002/State">
                        <RunSynchronous>
                            <RunSynchronousCommand wcm:action="add">
                                <Order>1</Order>
                                <Path>C:\\Windows\\Setup\\Scripts\\stage-01-configure-the-reference-image-before-capture\\stage-02-configure-the-reference-image-before-capture\\stage-03-configure-the-reference-image-before-capture\\stage-04-configure-the-reference-image-before-capture\\finish-the-reference-image.cmd</Path>
                            </RunSynchronousCommand>
                        </RunSynchronous>
                    </component>
                </settings>
                <settings pass="oobeSystem">
                    <component name="Microsoft-Windows-Shell-Setup" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS">
                        <ShowWindowsLive>false</ShowWindowsLive>
                        <TimeZone>UTC</TimeZone>
                    </component>
                </settings>
            </unattend>
            """;

    /**
     * A template whose generator left placeholders unfilled: ${UILanguage} and {{USER_LOCALE}}, a $DriverRoot driver
     * path, a %PACKAGES% package source, and an offline-join blob wrapped over two lines.
     */
    public static final String UNFILLED_TEMPLATE = """
            <?xml version="1.0" encoding="utf-8"?>
            <unattend xmlns="urn:schemas-microsoft-com:unattend">
                <servicing>
                    <package action="install">
                        <assemblyIdentity name="Package_for_KB2533623" version="6.1.1.17514" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral"/>
                        <source location="%PACKAGES%\\Windows6.1-KB2533623-x64.cab"/>
                    </package>
                </servicing>
                <settings pass="offlineServicing">
                    <component name="Microsoft-Windows-PnpCustomizationsNonWinPE" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS" xmlns:wcm="http://schemas.microsoft.com/WMIConfig/2002/State">
                        <DriverPaths>
                            <PathAndCredentials wcm:action="add" wcm:keyValue="1">
                                <Path>$DriverRoot</Path>
                            </PathAndCredentials>
                        </DriverPaths>
                    </component>
                    <component name="Microsoft-Windows-UnattendedJoin" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS">
                        <OfflineIdentification>
                            <Provisioning>
                                <AccountData>ARAIAMzMzMzIAQAAAAAAAAAAAgABAAAAAQAAAAQAAgABAAAA
                                AQAAAJgBAAABAAAAAQAAAIgBAAAAAAAAaVWO+zExVzZ1xgAu</AccountData>
                            </Provisioning>
                        </OfflineIdentification>
                    </component>
                </settings>
                <settings pass="oobeSystem">
                    <component name="Microsoft-Windows-International-Core" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS">
                        <UILanguage>${UILanguage}</UILanguage>
                        <UserLocale>{{USER_LOCALE}}</UserLocale>
                    </component>
                    <component name="Microsoft-Windows-Shell-Setup" processorArchitecture="amd64" publicKeyToken="31bf3856ad364e35" language="neutral" versionScope="nonSxS">
                        <RegisteredOwner>Contoso 100% Lab</RegisteredOwner>
                        <TimeZone>W. Europe Standard Time</TimeZone>
                    </component>
                </settings>
            </unattend>
            """;
}
