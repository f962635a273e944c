/**
 * Cabinet files as Microsoft's "[MS-CAB]: Cabinet File Format" specifies them: the CFHEADER, CFFOLDER, CFFILE and
 * CFDATA structures ([MS-CAB] 2.1-2.4: {@link org.imagesmith.cab.CfHeader}, {@link org.imagesmith.cab.CfFolder},
 * {@link org.imagesmith.cab.CfFile}, {@link org.imagesmith.cab.CfChecksum}), multi-cabinet sets and folders spanning
 * them ({@link org.imagesmith.cab.CabinetPart}, {@link org.imagesmith.cab.FolderChain}), and the compression types
 * of [MS-CAB] 2.1 ({@link org.imagesmith.cab.CompressionType}): stored, MSZIP ([MS-MCI]) and LZX ([MS-PATCH]);
 * Quantum is refused. {@link org.imagesmith.cab.CabinetBuilder} writes cabinets; {@link org.imagesmith.cab.MsuFile}
 * reads Windows Update standalone packages (.msu), which are cabinets holding cabinets.
 */
package org.imagesmith.cab;
