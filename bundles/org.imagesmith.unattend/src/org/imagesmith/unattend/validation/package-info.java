/**
 * Validation of answer files against the catalog and Windows' rules from the "Unattended Windows Setup Reference":
 * settings valid in their pass, values of their type, processor architectures, servicing order of packages, and
 * placeholders left unfilled; each problem with its issue code ({@link org.imagesmith.unattend.validation.IssueCodes}).
 */
package org.imagesmith.unattend.validation;
