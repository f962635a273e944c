/**
 * The compression formats of WIM resources (per chunk) and of cabinet folders, as Microsoft's "[MS-XCA]: Xpress Compression Algorithm"
 * and the LZX DELTA specification ("[MS-PATCH]", with the WIM variant wimlib documents) describe them:
 * <ul>
 * <li>XPRESS Huffman ([MS-XCA] 2.1-2.2): {@link org.imagesmith.compression.XpressDecompressor},
 * {@link org.imagesmith.compression.XpressCompressor};</li>
 * <li>LZX ([MS-PATCH] LZX DELTA 2.2-2.3, in its WIM and cabinet flavours): {@link org.imagesmith.compression.LzxDecompressor},
 * {@link org.imagesmith.compression.LzxCompressor}, {@link org.imagesmith.compression.LzxFormat},
 * {@link org.imagesmith.compression.LzxConstants};</li>
 * <li>LZMS (decompression only; no public Microsoft specification, wimlib's lzms_decompress.c documents it):
 * {@link org.imagesmith.compression.LzmsDecompressor};</li>
 * <li>their shared parts: canonical Huffman codes, bit streams, match finding and parsing.</li>
 * </ul>
 */
package org.imagesmith.compression;
