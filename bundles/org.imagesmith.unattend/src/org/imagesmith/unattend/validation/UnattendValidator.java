package org.imagesmith.unattend.validation;

import java.util.List;

import org.imagesmith.unattend.catalog.Catalog;
import org.imagesmith.unattend.model.Unattend;

/**
 * Checks an answer file against the catalog and the target image: unknown components and settings, settings in a
 * pass where they do not act, wrong values, deprecated settings, duplicate list keys, architectures, package sources
 * and package order.
 */
public final class UnattendValidator {
    private final Catalog catalog;
    private final ValidationOptions options;

    /** A validator using catalog and options. */
    public UnattendValidator(Catalog catalog, ValidationOptions options) {
        this.catalog = catalog;
        this.options = options;
    }

    /** A validator using the standard catalog and options. */
    public static UnattendValidator standard(ValidationOptions options) {
        return new UnattendValidator(Catalog.standard(), options);
    }

    /** The problems of unattend, in document order per rule set. */
    public List<Problem> validate(Unattend unattend) {
        Problems problems = new Problems();
        new SettingsRules(catalog, options, problems).check(unattend);
        new ServicingRules(catalog.packages(), options, problems).check(unattend);
        return problems.list();
    }
}
