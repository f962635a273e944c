/**
 * Windows registry hive files (regf) as Maxim Suhanov's "Windows registry file format specification" describes
 * them: the base block (section "Base block": {@link org.imagesmith.registry.BaseBlock}), hive bins and cells
 * ("Hive bins", "Cells": {@link org.imagesmith.registry.HiveBins}), key nodes, subkey lists, key values, key
 * security and big data ("nk", "lf/lh/li/ri", "vk", "sk", "db": {@link org.imagesmith.registry.KeyNode},
 * {@link org.imagesmith.registry.SubkeyIndex}, {@link org.imagesmith.registry.ValueKey},
 * {@link org.imagesmith.registry.SecurityKey}, {@link org.imagesmith.registry.BigData}), the transaction log files
 * .LOG1/.LOG2 and their recovery ("Transaction log files", "Dirty vector", "Log entries":
 * {@link org.imagesmith.registry.TransactionLog}, {@link org.imagesmith.registry.LogRecovery}) and the Marvin32 hash
 * of log entries ({@link org.imagesmith.registry.Marvin32}). {@link org.imagesmith.registry.Hive} opens, reads,
 * changes and saves a hive; .reg files (Registry Editor 5.00 format) are read and written by
 * {@link org.imagesmith.registry.RegFileReader} and {@link org.imagesmith.registry.RegFileWriter}; the control set an
 * offline SYSTEM hive boots with (Select\Current) is named by {@link org.imagesmith.registry.ControlSets}.
 */
package org.imagesmith.registry;
