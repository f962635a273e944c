/**
 * The Security Account Manager database in the SAM hive, as the forensic literature documents it for Windows 7:
 * the domain's F value and the users' F and V records under SAM\Domains\Account\Users, aliases (local groups)
 * and their members under the Aliases keys of the account and Builtin domains, SIDs, and the password hashes encrypted with the boot
 * key that the SYSTEM hive's Control\Lsa keys (JD, Skew1, GBG, Data) hold ({@link org.imagesmith.registry.sam.BootKey},
 * {@link org.imagesmith.registry.sam.SamCrypto}; MD4 of RFC 1320 for the NT hash: {@link org.imagesmith.registry.sam.Md4}).
 */
package org.imagesmith.registry.sam;
