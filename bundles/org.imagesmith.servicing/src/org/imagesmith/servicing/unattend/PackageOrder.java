package org.imagesmith.servicing.unattend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.imagesmith.servicing.ServicingException;
import org.imagesmith.servicing.packages.PackageIdentity;
import org.imagesmith.unattend.catalog.PackageRules;
import org.imagesmith.unattend.model.PackageAction;

/**
 * The order Windows Setup services the packages of an answer file in: removals first, then installs and stages with
 * language packs before other packages and updates last, every package after those it depends on (the catalog's
 * dependency rules and the manifest's dependencies), and feature-only (configure) packages at the end. Each move
 * away from the document order is reported with its reason.
 */
final class PackageOrder {
    private final PackageRules rules;
    private final List<String> reasons = new ArrayList<>();

    PackageOrder(PackageRules rules) {
        this.rules = rules;
    }

    /** Why packages were moved, one sentence per move, for the log. */
    List<String> reasons() {
        return List.copyOf(reasons);
    }

    List<PackageStep> order(List<PackageStep> steps) throws ServicingException {
        List<PackageStep> removals = steps.stream().filter(s -> s.action() == PackageAction.REMOVE).toList();
        List<PackageStep> installs = new ArrayList<>(steps.stream()
                .filter(s -> s.action() == PackageAction.INSTALL || s.action() == PackageAction.STAGE).toList());
        List<PackageStep> configures = steps.stream().filter(s -> s.action() == PackageAction.CONFIGURE).toList();
        if (!removals.isEmpty() && !installs.isEmpty() && steps.indexOf(removals.get(removals.size() - 1))
                > steps.indexOf(installs.get(0))) {
            reasons.add("Removing packages before installing any: a package removed after an install could take away"
                    + " what the install needs.");
        }
        List<PackageStep> byKind = new ArrayList<>(installs);
        byKind.sort(Comparator.comparing(PackageStep::kind));
        for (int i = 0; i < installs.size(); i++) {
            PackageStep step = installs.get(i);
            if (step.kind() != PackageStep.Kind.LANGUAGE_PACK) {
                continue;
            }
            installs.subList(0, i).stream().filter(s -> s.kind() == PackageStep.Kind.UPDATE).findFirst().ifPresent(update ->
                    reasons.add("Installing the language pack " + step.name() + " (line " + Positions.line(step.element())
                            + ") before the update " + update.name() + " (line " + Positions.line(update.element())
                            + "): language packs go before updates, or the update misses the language's resources"
                            + " and has to be installed again."));
        }
        List<PackageStep> ordered = dependenciesFirst(byKind);
        List<PackageStep> result = new ArrayList<>(removals);
        result.addAll(ordered);
        result.addAll(configures);
        return result;
    }

    /** Moves every package behind the ones it needs, keeping the order otherwise; a cycle is an error. */
    private List<PackageStep> dependenciesFirst(List<PackageStep> steps) throws ServicingException {
        List<PackageStep> result = new ArrayList<>();
        List<PackageStep> visiting = new ArrayList<>();
        for (PackageStep step : steps) {
            place(step, steps, result, visiting);
        }
        return result;
    }

    private void place(PackageStep step, List<PackageStep> all, List<PackageStep> result, List<PackageStep> visiting)
            throws ServicingException {
        if (result.contains(step)) {
            return;
        }
        if (visiting.contains(step)) {
            throw new ServicingException(UnattendServicing.INVALID_ANSWER_FILE, "The packages of the answer file"
                    + " depend on each other in a cycle: " + String.join(" -> ", visiting.stream().map(PackageStep::name)
                            .toList()) + " -> " + step.name() + ". Remove one of them.");
        }
        visiting.add(step);
        for (PackageStep other : all) {
            if (other != step && requires(step, other)) {
                if (!result.contains(other) && all.indexOf(other) > all.indexOf(step)) {
                    reasons.add("Installing " + other.name() + " (line " + Positions.line(other.element()) + ") before "
                            + step.name() + " (line " + Positions.line(step.element()) + "), which needs it.");
                }
                place(other, all, result, visiting);
            }
        }
        visiting.remove(step);
        result.add(step);
    }

    /** Whether dependent needs required installed first: by the catalog's rules or by its manifest. */
    private boolean requires(PackageStep dependent, PackageStep required) {
        for (PackageRules.Dependency rule : rules.dependencies()) {
            Optional<String> language = rule.dependent().match(dependent.name());
            if (language.isPresent() && rule.requires().matches(required.name(), language.get())) {
                return true;
            }
        }
        if (dependent.sources().isEmpty()) {
            return false;
        }
        for (PackageIdentity dependency : dependent.sources().get(0).manifest().dependencies()) {
            if (dependency.name().equalsIgnoreCase(required.name())) {
                return true;
            }
        }
        return false;
    }
}
