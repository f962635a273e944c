package org.imagesmith.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.imagesmith.servicing.unattend.UnattendServicing;

/**
 * The engine's /WhatIf plan of an apply as the Apply to Image dialog shows it: a tree of groups (packages in
 * installation order with their features, the order's reasons, drivers, settings, what would be refused or skipped,
 * warnings), each line worded as the engine words it, without its "Would".
 */
final class ApplyPlan {
    /** One line of the plan, with the lines under it. */
    record Node(String label, List<Node> children) {
        Node {
            children = List.copyOf(children);
        }
    }

    private static final String PACKAGES = "Packages, in installation order";
    private static final String ORDER = "Installation order";
    private static final String DRIVERS = "Drivers";
    private static final String SETTINGS = "Settings";
    private static final String REFUSED = "Refused (the apply would fail before changing anything)";
    private static final String SKIPPED = "Skipped";
    private static final String WARNINGS = "Warnings";

    private ApplyPlan() {
    }

    /** The plan's groups, those with lines only; a plan without any line is one node saying so. */
    static List<Node> of(UnattendServicing.Result plan) {
        Map<String, List<Node>> groups = new LinkedHashMap<>();
        for (String group : List.of(PACKAGES, ORDER, DRIVERS, SETTINGS, REFUSED, SKIPPED, WARNINGS)) {
            groups.put(group, new ArrayList<>());
        }
        List<String> packages = new ArrayList<>();
        List<List<Node>> features = new ArrayList<>(); // features.get(i): the features of packages.get(i)
        for (String action : plan.actions()) {
            if (action.matches("Would (enable|disable) the feature .*") && !features.isEmpty()) {
                features.get(features.size() - 1).add(leaf(action));
            } else if (action.matches("Would \\S+ the package .*")) {
                packages.add(strip(action));
                features.add(new ArrayList<>());
            } else {
                groups.get(group(action)).add(leaf(action));
            }
        }
        for (int i = 0; i < packages.size(); i++) {
            groups.get(PACKAGES).add(new Node(packages.get(i), features.get(i)));
        }
        plan.warnings().forEach(warning -> groups.get(WARNINGS).add(leaf(warning)));
        List<Node> tree = new ArrayList<>();
        groups.forEach((name, lines) -> {
            if (!lines.isEmpty()) {
                tree.add(new Node(name + " (" + lines.size() + ")", lines));
            }
        });
        if (tree.isEmpty()) {
            tree.add(leaf("Nothing to change: the offlineServicing pass has nothing that applies to this image."));
        }
        return tree;
    }

    private static String group(String action) {
        if (action.startsWith("Order: ")) {
            return ORDER;
        }
        if (action.startsWith("Would search the driver path") || action.startsWith("Would add the driver")) {
            return DRIVERS;
        }
        if (action.startsWith("Would refuse ")) {
            return REFUSED;
        }
        if (action.startsWith("Would skip ")) {
            return SKIPPED;
        }
        return SETTINGS;
    }

    private static Node leaf(String line) {
        return new Node(strip(line), List.of());
    }

    /** The line without the engine's "Would " or "Order: ", with a capital first letter. */
    private static String strip(String line) {
        String text = line.startsWith("Would ") ? line.substring(6) : line.startsWith("Order: ") ? line.substring(7) : line;
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
