package org.imagesmith.testsupport;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DERUTCTime;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.PKCS7ProcessableObject;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * A driver package for tests: an INF (Windows 7 style, models decorated per architecture, a CopyFiles section,
 * an AddService), the driver files it copies (in a "bin" subfolder, as [SourceDisksNames] says) and a catalog: a
 * PKCS #7 SignedData signed by a self-signed certificate whose certificate trust list lists each file by its
 * SHA-1 (member tag and SPC_INDIRECT_DATA digest) and its name (CAT_NAMEVALUE "File").
 */
public final class SyntheticDriver {
    public static final String NET_CLASS_GUID = "{4D36E972-E325-11CE-BFC1-08002BE10318}";
    public static final String SCSI_CLASS_GUID = "{4D36E97B-E325-11CE-BFC1-08002BE10318}";
    private static KeyPair keys;
    private static X509CertificateHolder certificate;

    private final String name;
    private String infClass = "Net";
    private String classGuid = NET_CLASS_GUID;
    private String group = "NDIS";
    private int startType = 3;
    private List<String> architectures = List.of("amd64");
    private String hardwareId;
    private String compatibleId;
    private String version = "6.1.7601.17514";
    private boolean catalogFile = true;
    private final List<String> unlisted = new ArrayList<>();

    private SyntheticDriver(String name, String hardwareId, String compatibleId) {
        this.name = name;
        this.hardwareId = hardwareId;
        this.compatibleId = compatibleId;
    }

    /** A network adapter driver (class Net, demand start): not boot critical. */
    public static SyntheticDriver network(String name) {
        return new SyntheticDriver(name, "PCI\\VEN_8086&DEV_10D3", "PCI\\VEN_8086&CC_0200");
    }

    /** A storage controller driver (class SCSIAdapter, boot start, group "SCSI miniport"): boot critical. */
    public static SyntheticDriver storage(String name) {
        SyntheticDriver driver = new SyntheticDriver(name, "PCI\\VEN_1000&DEV_0054", "PCI\\VEN_1000&CC_0104");
        driver.infClass = "SCSIAdapter";
        driver.classGuid = SCSI_CLASS_GUID;
        driver.group = "SCSI miniport";
        driver.startType = 0;
        return driver;
    }

    /** The architectures the INF has models for (amd64, x86). */
    public SyntheticDriver architectures(String... names) {
        this.architectures = List.of(names);
        return this;
    }

    public SyntheticDriver version(String value) {
        this.version = value;
        return this;
    }

    /** Leaves CatalogFile out of [Version] and writes no catalog. */
    public SyntheticDriver unsigned() {
        this.catalogFile = false;
        return this;
    }

    /** Leaves this file (e.g. "contoso.dll") out of the catalog. */
    public SyntheticDriver catalogOmits(String fileName) {
        unlisted.add(fileName);
        return this;
    }

    public String name() {
        return name;
    }

    public String infName() {
        return name + ".inf";
    }

    public String hardwareId() {
        return hardwareId;
    }

    public String compatibleId() {
        return compatibleId;
    }

    public String infClass() {
        return infClass;
    }

    public String classGuid() {
        return classGuid;
    }

    public String version() {
        return version;
    }

    public int startType() {
        return startType;
    }

    public String group() {
        return group;
    }

    /** The files the INF copies, by name. */
    public List<String> driverFiles() {
        return List.of(name + ".sys", name + ".dll");
    }

    /** The INF's text. */
    public String inf() {
        StringBuilder inf = new StringBuilder();
        inf.append("; ").append(infName()).append(" - synthetic driver package for Imagesmith's tests\r\n")
                .append("[Version]\r\nSignature=\"$WINDOWS NT$\"\r\nClass=").append(infClass).append("\r\nClassGuid=")
                .append(classGuid).append("\r\nProvider=%Provider%\r\n");
        if (catalogFile) {
            inf.append("CatalogFile=").append(name).append(".cat\r\n");
        }
        inf.append("DriverVer=11/21/2010,").append(version).append("\r\n\r\n[Manufacturer]\r\n%Provider%=Contoso");
        architectures.forEach(a -> inf.append(",NT").append(a));
        inf.append("\r\n\r\n");
        for (String architecture : architectures) {
            inf.append("[Contoso.NT").append(architecture).append("]\r\n%Device.Desc%=Install, ").append(hardwareId)
                    .append(", ").append(compatibleId).append("\r\n\r\n");
            inf.append("[Install.NT").append(architecture).append("]\r\nCopyFiles=Driver.Files\r\n\r\n");
            inf.append("[Install.NT").append(architecture).append(".Services]\r\nAddService=").append(name)
                    .append(",0x00000002,Service.Install\r\n\r\n");
        }
        inf.append("[Service.Install]\r\nDisplayName=%Service.Desc%\r\nServiceType=1\r\nStartType=").append(startType)
                .append("\r\nErrorControl=1\r\nServiceBinary=%12%\\").append(name).append(".sys\r\nLoadOrderGroup=")
                .append(group).append("\r\n\r\n");
        inf.append("[Driver.Files]\r\n");
        driverFiles().forEach(f -> inf.append(f).append("\r\n"));
        inf.append("\r\n[DestinationDirs]\r\nDefaultDestDir=12\r\nDriver.Files=12\r\n\r\n")
                .append("[SourceDisksNames]\r\n1=%Disk.Desc%,,,\\bin\r\n\r\n[SourceDisksFiles]\r\n");
        driverFiles().forEach(f -> inf.append(f).append("=1\r\n"));
        inf.append("\r\n[Strings]\r\nProvider=\"Contoso Ltd.\"\r\nDevice.Desc=\"Contoso ").append(name)
                .append(" controller\"\r\nService.Desc=\"Contoso ").append(name)
                .append(" service\"\r\nDisk.Desc=\"Contoso driver disk\"\r\n");
        return inf.toString();
    }

    /** Writes the package into a folder and returns the INF's path. */
    public Path write(Path folder) throws IOException {
        Path bin = Files.createDirectories(folder.resolve("bin"));
        Path infFile = folder.resolve(infName());
        Files.writeString(infFile, inf(), StandardCharsets.US_ASCII);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(infName(), Files.readAllBytes(infFile));
        for (String file : driverFiles()) {
            byte[] bytes = ("binary of " + file + " " + version + "\n").repeat(64).getBytes(StandardCharsets.US_ASCII);
            Files.write(bin.resolve(file), bytes);
            files.put(file, bytes);
        }
        if (catalogFile) {
            unlisted.forEach(files::remove);
            Files.write(folder.resolve(name + ".cat"), catalog(files));
        }
        return infFile;
    }

    /** A catalog listing these files (name to content) by SHA-1 and name, signed by a self-signed certificate. */
    public static byte[] catalog(Map<String, byte[]> files) {
        try {
            ASN1EncodableVector members = new ASN1EncodableVector();
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                byte[] sha1 = MessageDigest.getInstance("SHA-1").digest(file.getValue());
                String tag = HexFormat.of().formatHex(sha1).toUpperCase(Locale.ROOT);
                DERSequence nameValue = new DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {
                    new DERBMPString("File"), new ASN1Integer(0x10010001),
                    new DEROctetString((file.getKey() + "\0").getBytes(StandardCharsets.UTF_16LE))});
                DERSequence indirect = new DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {
                    new DERSequence(new ASN1ObjectIdentifier("1.3.6.1.4.1.311.2.1.25")),
                    new DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {
                        new DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {
                            new ASN1ObjectIdentifier("1.3.14.3.2.26"), DERNull.INSTANCE}),
                        new DEROctetString(sha1)})});
                DERSet attributes = new DERSet(new org.bouncycastle.asn1.ASN1Encodable[] {
                    new DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {
                        new ASN1ObjectIdentifier("1.3.6.1.4.1.311.12.2.1"), new DERSet(nameValue)}),
                    new DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {
                        new ASN1ObjectIdentifier("1.3.6.1.4.1.311.2.1.4"), new DERSet(indirect)})});
                members.add(new DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {
                    new DEROctetString(tag.getBytes(StandardCharsets.UTF_16LE)), attributes}));
            }
            DERSequence ctl = new DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {
                new DERSequence(new ASN1ObjectIdentifier("1.3.6.1.4.1.311.12.1.1")),
                new DEROctetString(new byte[16]),
                new DERUTCTime(new Date(1290311999000L)),
                new DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {
                    new ASN1ObjectIdentifier("1.3.6.1.4.1.311.12.1.2"), DERNull.INSTANCE}),
                new DERSequence(members)});
            return sign(ctl);
        } catch (GeneralSecurityException | IOException | CMSException | OperatorCreationException e) {
            throw new IllegalStateException("cannot make a test catalog: " + e.getMessage(), e);
        }
    }

    private static synchronized byte[] sign(DERSequence ctl)
            throws GeneralSecurityException, IOException, CMSException, OperatorCreationException {
        if (keys == null) {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            keys = generator.generateKeyPair();
            X500Name subject = new X500Name("CN=Contoso Test Driver Signing");
            ContentSigner selfSigner = new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate());
            certificate = new JcaX509v3CertificateBuilder(subject, BigInteger.ONE, new Date(1262304000000L),
                    new Date(4102444800000L), subject, keys.getPublic()).build(selfSigner);
        }
        ContentSigner signer = new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate());
        CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
        generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                .build(signer, certificate));
        generator.addCertificate(certificate);
        ASN1ObjectIdentifier ctlType = new ASN1ObjectIdentifier("1.3.6.1.4.1.311.10.1");
        // signed as Authenticode signs: over the CTL's contents; then embedded as the SEQUENCE itself, as in .cat files
        SignedData detached = SignedData.getInstance(generator.generate(new PKCS7ProcessableObject(ctlType, ctl), false)
                .toASN1Structure().getContent());
        SignedData catalog = new SignedData(detached.getDigestAlgorithms(), new ContentInfo(ctlType, ctl),
                detached.getCertificates(), detached.getCRLs(), detached.getSignerInfos());
        return new ContentInfo(CMSObjectIdentifiers.signedData, catalog).getEncoded("DER");
    }
}
