/**
 * INF files as Microsoft's Windows Driver Kit documentation ("INF File Sections and Directives", "General Syntax
 * Rules for INF Files") describes them: the lexical rules, sections, lines, string substitution and the [Strings]
 * section ({@link org.imagesmith.inf.InfFile}, {@link org.imagesmith.inf.InfLexer}); the [Version] section
 * ({@link org.imagesmith.inf.InfVersion}); the [Manufacturer] and models sections with their target-OS
 * decorations ({@link org.imagesmith.inf.InfManufacturer}, {@link org.imagesmith.inf.InfModel},
 * {@link org.imagesmith.inf.TargetDecoration}); CopyFiles and [SourceDisksFiles] ({@link org.imagesmith.inf.InfCopyFile},
 * {@link org.imagesmith.inf.InfSourceFile}); and a driver package's INF as a whole ({@link org.imagesmith.inf.DriverInf}).
 */
package org.imagesmith.inf;
