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
                    </component>
                </settings>
                <cpi:offlineImage cpi:source="wim:c:/sources/install.wim#Windows 11 Pro" xmlns:cpi="urn:schemas-microsoft-com:cpi" />
            </unattend>
            """;

    /** An offlineServicing answer file with packages and driver paths, as applied with /Apply-Unattend. */
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
                            <HideWirelessSetupInOOBE>true</HideWirelessSetupInOOBE>
                            <NetworkLocation>Work</NetworkLocation>
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
                    </component>
                </settings>
            </unattend>
            """;
}
