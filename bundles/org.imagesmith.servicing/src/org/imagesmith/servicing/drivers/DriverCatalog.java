package org.imagesmith.servicing.drivers;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignedData;

/**
 * A driver catalog (.cat): a PKCS #7 SignedData (RFC 2315) whose content is a Microsoft certificate trust list
 * (CTL, szOID_CTL 1.3.6.1.4.1.311.10.1). Each trusted subject of the CTL is a catalog member: its tag (the file's
 * hash as hex text), a CAT_NAMEVALUE "File" attribute with the file's name and an SPC_INDIRECT_DATA attribute with
 * the file's digest. Only the structure is checked; the signer's certificate chain is not verified.
 */
public final class DriverCatalog {
    static final String CTL = "1.3.6.1.4.1.311.10.1";
    static final String CAT_NAMEVALUE = "1.3.6.1.4.1.311.12.2.1";
    static final String SPC_INDIRECT_DATA = "1.3.6.1.4.1.311.2.1.4";
    private static final String SIGNED_DATA = "1.2.840.113549.1.7.2";
    /** The largest catalog read; real ones are kilobytes to a few megabytes. */
    static final int MAX_SIZE = 64 << 20;

    /** One catalog member: the digests it lists (tag and indirect data) and its "File" name, if it has one. */
    public record Member(List<byte[]> digests, Optional<String> fileName) {
        public Member {
            digests = List.copyOf(digests);
        }
    }

    private final String name;
    private final List<Member> members;

    private DriverCatalog(String name, List<Member> members) {
        this.name = name;
        this.members = List.copyOf(members);
    }

    public String name() {
        return name;
    }

    public List<Member> members() {
        return members;
    }

    /**
     * Parses the bytes of a catalog.
     *
     * @param name the file's name, for messages
     * @throws CatalogFormatException when it is not a SignedData with a signer and a CTL
     */
    public static DriverCatalog parse(byte[] bytes, String name) throws CatalogFormatException {
        if (bytes.length > MAX_SIZE) {
            throw new CatalogFormatException(name + " has " + bytes.length + " bytes; catalogs are at most " + MAX_SIZE);
        }
        ASN1Sequence ctl;
        try {
            ContentInfo info = ContentInfo.getInstance(ASN1Primitive.fromByteArray(bytes));
            if (!info.getContentType().getId().equals(SIGNED_DATA)) {
                throw new CatalogFormatException(name + " is PKCS #7 content of type " + info.getContentType()
                        + ", not SignedData (" + SIGNED_DATA + ")");
            }
            SignedData signed = SignedData.getInstance(info.getContent());
            if (signed.getSignerInfos() == null || signed.getSignerInfos().size() == 0) {
                throw new CatalogFormatException(name + " is a SignedData without a signer");
            }
            ContentInfo content = signed.getEncapContentInfo();
            if (!content.getContentType().getId().equals(CTL)) {
                throw new CatalogFormatException(name + " signs content of type " + content.getContentType()
                        + ", not a certificate trust list (" + CTL + ")");
            }
            ctl = ctlSequence(content.getContent(), name);
        } catch (CatalogFormatException e) {
            throw e;
        } catch (java.io.IOException | RuntimeException e) {
            throw new CatalogFormatException(name + " is not a PKCS #7 SignedData: " + e.getMessage(), e);
        }
        return new DriverCatalog(name, members(ctl, name));
    }

    private static ASN1Sequence ctlSequence(ASN1Encodable content, String name) throws java.io.IOException {
        if (content == null) {
            throw new CatalogFormatException(name + " has a certificate trust list without content");
        }
        ASN1Primitive primitive = content.toASN1Primitive();
        if (primitive instanceof ASN1OctetString octets) {
            primitive = ASN1Primitive.fromByteArray(octets.getOctets()); // CMS-style encapsulation
        }
        if (!(primitive instanceof ASN1Sequence sequence)) {
            throw new CatalogFormatException(name + ": the certificate trust list is not a SEQUENCE");
        }
        return sequence;
    }

    /**
     * CertificateTrustList ::= SEQUENCE { version INTEGER OPTIONAL, subjectUsage SEQUENCE OF OID, listIdentifier OCTET
     * STRING OPTIONAL, sequenceNumber INTEGER OPTIONAL, thisUpdate Time, nextUpdate Time OPTIONAL, subjectAlgorithm
     * AlgorithmIdentifier, trustedSubjects SEQUENCE OF TrustedSubject OPTIONAL, extensions [0] OPTIONAL }: the
     * trusted subjects are the only SEQUENCE after the subject algorithm whose elements are SEQUENCEs led by an
     * OCTET STRING.
     */
    private static List<Member> members(ASN1Sequence ctl, String name) throws CatalogFormatException {
        int algorithm = -1;
        for (int i = 0; i < ctl.size(); i++) {
            ASN1Encodable element = ctl.getObjectAt(i);
            if (element instanceof ASN1Sequence s && s.size() >= 1 && s.getObjectAt(0) instanceof ASN1ObjectIdentifier
                    && i > 0) {
                algorithm = i; // subjectUsage is a SEQUENCE of OIDs too, but comes first
            }
        }
        if (algorithm < 0) {
            throw new CatalogFormatException(name + ": the certificate trust list has no subject algorithm");
        }
        List<Member> result = new ArrayList<>();
        if (algorithm + 1 >= ctl.size() || ctl.getObjectAt(algorithm + 1) instanceof ASN1TaggedObject) {
            return result; // no trusted subjects
        }
        if (!(ctl.getObjectAt(algorithm + 1) instanceof ASN1Sequence subjects)) {
            throw new CatalogFormatException(name + ": the trusted subjects of the certificate trust list are not a SEQUENCE");
        }
        for (int i = 0; i < subjects.size(); i++) {
            if (!(subjects.getObjectAt(i) instanceof ASN1Sequence subject) || subject.size() < 1
                    || !(subject.getObjectAt(0) instanceof ASN1OctetString tag)) {
                throw new CatalogFormatException(name + ": trusted subject " + i + " is not SEQUENCE { OCTET STRING, ... }");
            }
            List<byte[]> digests = new ArrayList<>();
            tagDigest(tag.getOctets()).ifPresent(digests::add);
            Optional<String> fileName = Optional.empty();
            if (subject.size() > 1 && subject.getObjectAt(1) instanceof ASN1Set attributes) {
                for (ASN1Encodable attribute : attributes) {
                    if (!(attribute instanceof ASN1Sequence pair) || pair.size() != 2
                            || !(pair.getObjectAt(0) instanceof ASN1ObjectIdentifier type)
                            || !(pair.getObjectAt(1) instanceof ASN1Set values)) {
                        throw new CatalogFormatException(name + ": an attribute of trusted subject " + i
                                + " is not SEQUENCE { OID, SET }");
                    }
                    for (ASN1Encodable value : values) {
                        if (type.getId().equals(CAT_NAMEVALUE)) {
                            fileName = fileName.or(() -> fileNameOf(value));
                        } else if (type.getId().equals(SPC_INDIRECT_DATA)) {
                            indirectDigest(value).ifPresent(digests::add);
                        }
                    }
                }
            }
            result.add(new Member(digests, fileName));
        }
        return result;
    }

    /** The tag of a hashed member is its digest as hex text in UTF-16LE (or, in old catalogs, the raw digest). */
    private static Optional<byte[]> tagDigest(byte[] tag) {
        String text = new String(tag, StandardCharsets.UTF_16LE).replace("\0", "").trim();
        if (!text.isEmpty() && text.length() % 2 == 0 && text.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return Optional.of(HexFormat.of().parseHex(text.toLowerCase(Locale.ROOT)));
        }
        return tag.length == 20 || tag.length == 32 ? Optional.of(tag.clone()) : Optional.empty();
    }

    /** CAT_NAMEVALUE ::= SEQUENCE { tag BMPString, flags INTEGER, value OCTET STRING (UTF-16LE) }, tag "File". */
    private static Optional<String> fileNameOf(ASN1Encodable value) {
        if (value instanceof ASN1Sequence s && s.size() == 3 && s.getObjectAt(0) instanceof ASN1String tag
                && tag.getString().equalsIgnoreCase("File") && s.getObjectAt(2) instanceof ASN1OctetString text) {
            String fileName = new String(text.getOctets(), StandardCharsets.UTF_16LE);
            int end = fileName.indexOf('\0');
            return Optional.of((end >= 0 ? fileName.substring(0, end) : fileName).trim());
        }
        return Optional.empty();
    }

    /** SpcIndirectDataContent ::= SEQUENCE { data SEQUENCE, messageDigest SEQUENCE { AlgorithmIdentifier, OCTET STRING } }. */
    private static Optional<byte[]> indirectDigest(ASN1Encodable value) {
        if (value instanceof ASN1Sequence s && s.size() == 2 && s.getObjectAt(1) instanceof ASN1Sequence digestInfo
                && digestInfo.size() == 2 && digestInfo.getObjectAt(1) instanceof ASN1OctetString digest) {
            return Optional.of(digest.getOctets());
        }
        return Optional.empty();
    }

    /** The members that list a digest equal to one of these. */
    public boolean listsDigest(List<byte[]> candidates) {
        for (Member member : members) {
            for (byte[] digest : member.digests()) {
                for (byte[] candidate : candidates) {
                    if (java.util.Arrays.equals(digest, candidate)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The member whose "File" name is this one (ignoring case), if any. */
    public Optional<Member> memberNamed(String fileName) {
        return members.stream().filter(m -> m.fileName().map(n -> n.equalsIgnoreCase(fileName)).orElse(false)).findFirst();
    }
}
