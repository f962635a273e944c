/**
 * Reading and writing answer files (Unattend.xml in the urn:schemas-microsoft-com:unattend namespace, the
 * "Answer Files Overview" and "Unattended Windows Setup Reference" of Microsoft's documentation), losslessly,
 * with the source position of each element.
 */
package org.imagesmith.unattend.io;
