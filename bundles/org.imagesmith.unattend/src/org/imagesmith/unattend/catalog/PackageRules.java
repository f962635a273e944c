package org.imagesmith.unattend.catalog;

import java.util.List;

/**
 * How servicing packages are recognised and ordered.
 *
 * @param languagePacks names of language packs and language Features on Demand
 * @param updates names of updates (cumulative updates, servicing stack updates, hotfixes)
 * @param dependencies which packages must be installed before which
 */
public record PackageRules(List<NamePattern> languagePacks, List<NamePattern> updates, List<Dependency> dependencies) {

    /**
     * A package named like dependent requires one named like requires (with the same {lang}) installed first.
     *
     * @param dependent the names of the dependent packages
     * @param requires the names of the packages it needs
     */
    public record Dependency(NamePattern dependent, NamePattern requires) {
    }

    /** Whether name is a language pack or a language Feature on Demand. */
    public boolean isLanguagePack(String name) {
        return languagePacks.stream().anyMatch(pattern -> pattern.match(name).isPresent());
    }

    /** Whether name is an update. */
    public boolean isUpdate(String name) {
        return updates.stream().anyMatch(pattern -> pattern.match(name).isPresent());
    }
}
