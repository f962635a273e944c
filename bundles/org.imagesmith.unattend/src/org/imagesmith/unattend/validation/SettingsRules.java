package org.imagesmith.unattend.validation;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.imagesmith.unattend.catalog.Availability;
import org.imagesmith.unattend.catalog.Catalog;
import org.imagesmith.unattend.catalog.ComponentDefinition;
import org.imagesmith.unattend.catalog.SettingDefinition;
import org.imagesmith.unattend.catalog.ValueType;
import org.imagesmith.unattend.model.Component;
import org.imagesmith.unattend.model.Element;
import org.imagesmith.unattend.model.ModifyAction;
import org.imagesmith.unattend.model.Node;
import org.imagesmith.unattend.model.Pass;
import org.imagesmith.unattend.model.Setting;
import org.imagesmith.unattend.model.Settings;
import org.imagesmith.unattend.model.Text;
import org.imagesmith.unattend.model.Unattend;

/** The rules on settings passes, components and settings. */
final class SettingsRules {
    private final Catalog catalog;
    private final ValidationOptions options;
    private final Problems problems;

    SettingsRules(Catalog catalog, ValidationOptions options, Problems problems) {
        this.catalog = catalog;
        this.options = options;
        this.problems = problems;
    }

    void check(Unattend unattend) {
        ignoredText(unattend, "<unattend>");
        for (Settings settings : unattend.getSettings()) {
            Pass pass = settings.getPassKind();
            if (pass == null) {
                problems.add(Severity.ERROR, IssueCodes.UNKNOWN_PASS, settings, "<settings pass=\"" + settings.getPass()
                        + "\"> names no configuration pass; use one of " + names(Pass.VALUES));
            }
            ignoredText(settings, "<settings pass=\"" + settings.getPass() + "\">");
            duplicateComponents(settings);
            for (Component component : settings.getComponents()) {
                ignoredText(component, "the component " + component.getName());
                component(component, pass);
            }
        }
    }

    /** Reports a component written twice in one pass with the same name, architecture and language. */
    private void duplicateComponents(Settings settings) {
        Map<String, Component> seen = new HashMap<>();
        Map<Component, Integer> copies = new LinkedHashMap<>();
        for (Component component : settings.getComponents()) {
            String identity = lower(component.getName()) + "\u0000" + lower(component.getProcessorArchitecture()) + "\u0000"
                    + lower(component.getLanguage());
            Component first = seen.putIfAbsent(identity, component);
            if (first != null) {
                copies.merge(first, 1, Integer::sum);
            }
        }
        copies.forEach((first, count) -> problems.add(Severity.ERROR, IssueCodes.DUPLICATE_COMPONENT, first,
                "the component " + first.getName() + (first.getProcessorArchitecture() == null ? ""
                        : " (" + first.getProcessorArchitecture() + ")") + " is written " + (count + 1) + " times in the "
                        + settings.getPass() + " pass; Windows Setup takes one component of a name, architecture and"
                        + " language per pass: merge the copies into this one"));
    }

    private static String lower(String text) {
        return text == null ? "" : text.toLowerCase(java.util.Locale.ROOT);
    }

    /** Text written next to the elements of a container that holds no text (Windows ignores it). */
    private void ignoredText(Element element, String what) {
        for (Node child : element.getChildren()) {
            if (child instanceof Text text && !text.getValue().isBlank()) {
                problems.add(Severity.WARNING, IssueCodes.MIXED_CONTENT, element, what + " holds the text '"
                        + abbreviate(text.getValue().strip()) + "', which Windows ignores; remove it");
                return;
            }
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }

    private void component(Component component, Pass pass) {
        String architecture = component.getProcessorArchitecture();
        if (architecture != null && !Architectures.isComponentArchitecture(architecture)) {
            problems.add(Severity.ERROR, IssueCodes.INVALID_ARCHITECTURE, component, "the component " + component.getName()
                    + " has processorArchitecture=\"" + architecture + "\", which names no processor architecture; Windows"
                    + " Setup ignores it (use " + String.join(", ", Architectures.COMPONENT) + ")");
        } else if (options.targetArchitecture() != null && architecture != null
                && !Architectures.applies(options.targetArchitecture(), architecture, false)) {
            problems.add(Severity.WARNING, IssueCodes.ARCHITECTURE_MISMATCH, component, "the component " + component.getName()
                    + " is for processorArchitecture=\"" + architecture + "\" and the image is "
                    + options.targetArchitecture() + ": Windows Setup skips it (set processorArchitecture=\""
                    + options.targetArchitecture() + "\" if it is meant for this image)");
        }
        ComponentDefinition definition = catalog.component(component.getName()).orElse(null);
        if (definition == null) {
            problems.add(Severity.WARNING, IssueCodes.UNKNOWN_COMPONENT, component, "the component '" + component.getName()
                    + "' is not in the catalog; check its name (it is kept as written but cannot be checked)");
            return;
        }
        if (!definition.availability().in(options.targetVersion())) {
            problems.add(Severity.WARNING, IssueCodes.NOT_IN_VERSION, component, notInVersion("the component "
                    + component.getName(), definition.availability()));
            return;
        }
        if (pass != null && !definition.passes().contains(pass)) {
            problems.add(Severity.ERROR, IssueCodes.WRONG_PASS, component, component.getName() + " does not act in the "
                    + pass.getLiteral() + " pass; move it to " + names(definition.passes()));
            return;
        }
        settings(component.getSettings(), definition.settings(), definition.complete(), definition.passes(), pass,
                component.getName());
    }

    private void settings(List<Setting> settings, Map<String, SettingDefinition> definitions, boolean complete,
            Set<Pass> inherited, Pass pass, String path) {
        duplicateKeys(settings, definitions, path);
        for (Setting setting : settings) {
            String settingPath = path + " | " + setting.getName();
            placeholder(setting, settingPath);
            if (setting.getAction() != null && setting.getActionKind() == null) {
                problems.add(Severity.ERROR, IssueCodes.INVALID_VALUE, setting, settingPath + ": wcm:action=\"" + setting.getAction()
                        + "\" is not add, modify or remove");
            }
            SettingDefinition definition = definitions.get(setting.getName());
            if (definition == null) {
                problems.add(complete ? Severity.ERROR : Severity.WARNING, IssueCodes.UNKNOWN_SETTING, setting, "'" + setting.getName()
                        + "' is not a setting of " + path + hint(setting.getName(), definitions));
                continue;
            }
            if (!definition.availability().in(options.targetVersion())) {
                problems.add(Severity.WARNING, IssueCodes.NOT_IN_VERSION, setting, notInVersion(settingPath,
                        definition.availability()));
                continue;
            }
            Set<Pass> passes = definition.passes().isEmpty() ? inherited : definition.passes();
            if (pass != null && !passes.contains(pass)) {
                problems.add(Severity.ERROR, IssueCodes.WRONG_PASS, setting, settingPath + " is not valid in the "
                        + pass.getLiteral() + " pass; valid passes: " + names(passes));
                continue;
            }
            if (definition.deprecatedIn(options.targetVersion())) {
                problems.add(Severity.WARNING, IssueCodes.DEPRECATED_SETTING, setting, settingPath + " is deprecated"
                        + (definition.deprecatedSince() == null ? " in every Windows version (the target is "
                                + options.targetVersion().displayName() + ")" : " from Windows " + definition.deprecatedSince().label()
                                + " on (the target is " + options.targetVersion().displayName() + ")") + ": "
                        + definition.deprecation());
            }
            if (pass == Pass.OFFLINE_SERVICING && path.indexOf('|') < 0 && !definition.appliedOffline()) {
                problems.add(Severity.WARNING, IssueCodes.NOT_APPLIED_OFFLINE, setting, "not applied offline by Imagesmith: "
                        + settingPath + " (Windows Setup applies it in the offlineServicing pass; /Apply-Unattend refuses"
                        + " the file while it is there)");
            }
            mixedContent(setting, definition, settingPath);
            boolean hasChildren = !setting.getSettings().isEmpty() && setting.getMixedText() == null;
            if (definition.type() == ValueType.COMPLEX) {
                if (!hasChildren && setting.getValue() != null && !setting.getValue().isBlank()) {
                    problems.add(Severity.ERROR, IssueCodes.INVALID_VALUE, setting, settingPath
                            + " holds child settings, not a value; remove the text '" + setting.getValue() + "'");
                }
                settings(setting.getSettings(), definition.children(), complete, passes, pass, settingPath);
            } else if (hasChildren) {
                problems.add(Severity.ERROR, IssueCodes.INVALID_VALUE, setting, settingPath + " takes a "
                        + definition.type().name().toLowerCase(java.util.Locale.ROOT) + " value, not child settings");
            } else {
                String message = ValueCheck.check(definition, setting.getValue() != null ? setting.getValue()
                        : setting.getMixedText());
                if (message != null) {
                    problems.add(Severity.ERROR, IssueCodes.INVALID_VALUE, setting, settingPath + ": " + message);
                }
            }
            if ("AccountData".equals(setting.getName()) && setting.getValue() != null
                    && setting.getValue().codePoints().anyMatch(Character::isWhitespace)) {
                problems.add(Severity.ERROR, IssueCodes.INVALID_VALUE, setting, settingPath + " holds whitespace (line"
                        + " breaks or spaces from copying the djoin /provision output); the provisioning blob must be"
                        + " one unbroken base64 string: remove the whitespace");
            }
            if ("Path".equals(setting.getName()) && path.endsWith("| PathAndCredentials")) {
                String variable = Placeholders.find(setting.getValue());
                if (variable != null) {
                    problems.add(Severity.ERROR, IssueCodes.UNFILLED_PLACEHOLDER, setting, settingPath + " is the variable "
                            + variable + ", which nothing expands when the drivers are added; write the folder itself");
                }
            }
        }
    }

    /** "X is not in Windows 7 / Server 2008 R2 (the target): ... it is in Windows 10 ... and later". */
    private String notInVersion(String what, Availability availability) {
        return what + " is not in " + options.targetVersion().displayName() + ", the target Windows, which skips it;"
                + " it is in " + availability.versions() + " (set the target version if the file is for one of those)";
    }

    /**
     * Reports a template placeholder in the value of setting (never in a password, which may hold any text; a driver
     * path that is one is an error of its own).
     */
    private void placeholder(Setting setting, String settingPath) {
        if (settingPath.contains("Password") || settingPath.endsWith("| PathAndCredentials | Path")
                || setting.getValue() == null) {
            return;
        }
        String placeholder = Placeholders.find(setting.getValue());
        if (placeholder != null) {
            problems.add(Severity.WARNING, IssueCodes.UNFILLED_PLACEHOLDER, setting, settingPath + " holds " + placeholder
                    + ", a template placeholder that was not filled in (Windows takes it literally); write the value");
        }
    }

    /** Says which part of a setting with both text and child settings Windows ignores. */
    private void mixedContent(Setting setting, SettingDefinition definition, String settingPath) {
        String text = setting.getMixedText();
        if (text == null) {
            return;
        }
        if (definition.type() == ValueType.COMPLEX) {
            problems.add(Severity.WARNING, IssueCodes.MIXED_CONTENT, setting, settingPath + " holds child settings and"
                    + " the text '" + abbreviate(text) + "'; Windows reads the child settings and ignores the text"
                    + (definition.children().isEmpty() ? "" : " (put it in one of " + String.join(", ",
                            definition.children().keySet()) + ")"));
        } else {
            problems.add(Severity.WARNING, IssueCodes.MIXED_CONTENT, setting, settingPath + " holds the value '"
                    + abbreviate(text) + "' and the child settings " + setting.getSettings().stream().map(Setting::getName)
                            .collect(Collectors.joining(", ")) + "; Windows reads the value and ignores the child settings");
        }
    }

    /** What to write instead of an unknown setting name: the known name differing only in case, or all known names. */
    private static String hint(String name, Map<String, SettingDefinition> definitions) {
        for (String known : definitions.keySet()) {
            if (known.equalsIgnoreCase(name)) {
                return "; setting names are case-sensitive: write " + known;
            }
        }
        return definitions.isEmpty() ? "" : "; known settings: " + String.join(", ", definitions.keySet());
    }

    /** Reports list items whose wcm:keyValue or key setting repeats an earlier sibling's. */
    private void duplicateKeys(List<Setting> settings, Map<String, SettingDefinition> definitions, String path) {
        Map<String, Setting> seenKeyValues = new HashMap<>();
        Map<String, Setting> seenKeys = new HashMap<>();
        for (Setting setting : settings) {
            if (setting.getActionKind() == ModifyAction.REMOVE) {
                continue;
            }
            if (setting.getKeyValue() != null) {
                Setting earlier = seenKeyValues.putIfAbsent(setting.getName() + "\u0000" + setting.getKeyValue(), setting);
                if (earlier != null) {
                    problems.add(Severity.ERROR, IssueCodes.DUPLICATE_KEY, setting, path + " | " + setting.getName() + ": wcm:keyValue=\""
                            + setting.getKeyValue() + "\" is already used at " + Problems.at(earlier)
                            + "; give each list item its own key");
                    continue;
                }
            }
            SettingDefinition definition = definitions.get(setting.getName());
            if (definition == null || !definition.item() || definition.key() == null
                    || definition.key().equals(SettingDefinition.KEY_VALUE)) {
                continue;
            }
            Setting keySetting = setting.getSetting(definition.key());
            if (keySetting == null || keySetting.getValue() == null) {
                continue;
            }
            String key = keySetting.getValue().trim();
            Setting earlier = seenKeys.putIfAbsent(setting.getName() + "\u0000" + key, setting);
            if (earlier != null) {
                problems.add(Severity.ERROR, IssueCodes.DUPLICATE_KEY, keySetting, path + " | " + setting.getName() + ": "
                        + definition.key() + " " + key + " is already used by the item at " + Problems.at(earlier)
                        + "; give each list item its own " + definition.key());
            }
        }
    }

    private static String names(java.util.Collection<Pass> passes) {
        return passes.stream().sorted().map(Pass::getLiteral).collect(Collectors.joining(", "));
    }
}
