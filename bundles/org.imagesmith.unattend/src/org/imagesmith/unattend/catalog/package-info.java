/**
 * The catalog of answer-file components and settings, per Windows version, as Microsoft's "Unattended Windows
 * Setup Reference" lists them: each component's settings, the configuration passes where each is valid, its type
 * and allowed values, and the versions that added, deprecated or removed it.
 */
package org.imagesmith.unattend.catalog;
