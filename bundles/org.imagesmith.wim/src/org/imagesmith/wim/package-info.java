/**
 * The Windows Imaging (WIM) file format, read and written, as Microsoft's "Windows Imaging File Format (WIM)"
 * document and wimlib's documentation describe it (MS-WIM below).
 * <ul>
 * <li>the header (MS-WIM "WIM header", WIMHEADER_V1_PACKED): {@link org.imagesmith.wim.WimHeader};</li>
 * <li>resource headers and their flags (MS-WIM "RESHDR_DISK_SHORT"): {@link org.imagesmith.wim.ResourceHeader};
 * compressed resources and their chunk tables: {@link org.imagesmith.wim.ChunkTable},
 * {@link org.imagesmith.wim.ResourceReader}, {@link org.imagesmith.wim.ResourceEncoder};</li>
 * <li>the lookup table of stream entries (MS-WIM "Lookup table", wimlib's blob table):
 * {@link org.imagesmith.wim.LookupTable}, {@link org.imagesmith.wim.LookupEntry};</li>
 * <li>the metadata resource (MS-WIM "Metadata resource": security data, directory entries, alternate data
 * stream entries): {@link org.imagesmith.wim.ImageMetadata}, {@link org.imagesmith.wim.SecurityData},
 * {@link org.imagesmith.wim.Dentry}, {@link org.imagesmith.wim.MetadataResourceWriter}, reparse data
 * {@link org.imagesmith.wim.ReparseData};</li>
 * <li>the XML data (MS-WIM "XML data", its IMAGE and WINDOWS elements): {@link org.imagesmith.wim.XmlData},
 * {@link org.imagesmith.wim.ImageXml}, {@link org.imagesmith.wim.WindowsInfo};</li>
 * <li>the integrity table (MS-WIM "Integrity table"): {@link org.imagesmith.wim.IntegrityTable};</li>
 * <li>split WIM sets (.swm, MS-WIM header part numbers): {@link org.imagesmith.wim.SplitWimSet},
 * {@link org.imagesmith.wim.WimSplitter};</li>
 * <li>reading and writing whole files: {@link org.imagesmith.wim.WimFile}, {@link org.imagesmith.wim.WimWriter};
 * operations on images, each in its own class (ImageX/DISM /Capture and /Append, /Apply, /Export, /Delete, the
 * commit of a mount): {@link org.imagesmith.wim.DirectoryCapture}, {@link org.imagesmith.wim.ImageApplier},
 * {@link org.imagesmith.wim.ImageExport}, {@link org.imagesmith.wim.ImageDeletion},
 * {@link org.imagesmith.wim.ImageCommit}, the capture configuration file
 * of ImageX /config ({@link org.imagesmith.wim.CaptureConfiguration}) and the writers' lock
 * {@link org.imagesmith.wim.WriterLock}.</li>
 * </ul>
 */
package org.imagesmith.wim;
