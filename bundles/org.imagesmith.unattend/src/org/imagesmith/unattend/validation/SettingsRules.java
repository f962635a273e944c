package org.imagesmith.unattend.validation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.imagesmith.unattend.catalog.Catalog;
import org.imagesmith.unattend.catalog.ComponentDefinition;
import org.imagesmith.unattend.catalog.SettingDefinition;
import org.imagesmith.unattend.catalog.ValueType;
import org.imagesmith.unattend.model.Component;
import org.imagesmith.unattend.model.ModifyAction;
import org.imagesmith.unattend.model.Pass;
import org.imagesmith.unattend.model.Setting;
import org.imagesmith.unattend.model.Settings;
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
        for (Settings settings : unattend.getSettings()) {
            Pass pass = settings.getPassKind();
            if (pass == null) {
                problems.add(Severity.ERROR, "unknown-pass", settings, "<settings pass=\"" + settings.getPass()
                        + "\"> names no configuration pass; use one of " + names(Pass.VALUES));
            }
            for (Component component : settings.getComponents()) {
                component(component, pass);
            }
        }
    }

    private void component(Component component, Pass pass) {
        String architecture = component.getProcessorArchitecture();
        if (architecture != null && !Architectures.isComponentArchitecture(architecture)) {
            problems.add(Severity.ERROR, "invalid-architecture", component, "the component " + component.getName()
                    + " has processorArchitecture=\"" + architecture + "\", which names no processor architecture; Windows"
                    + " Setup ignores it (use " + String.join(", ", Architectures.COMPONENT) + ")");
        } else if (options.targetArchitecture() != null && architecture != null
                && !Architectures.applies(options.targetArchitecture(), architecture, false)) {
            problems.add(Severity.ERROR, "architecture-mismatch", component, "the component " + component.getName()
                    + " is for processorArchitecture=\"" + architecture + "\" but the image is "
                    + options.targetArchitecture() + "; Windows Setup ignores it (set processorArchitecture=\""
                    + options.targetArchitecture() + "\")");
        }
        ComponentDefinition definition = catalog.component(component.getName()).orElse(null);
        if (definition == null) {
            problems.add(Severity.WARNING, "unknown-component", component, "the component '" + component.getName()
                    + "' is not in the catalog; check its name (it is kept as written but cannot be checked)");
            return;
        }
        if (pass != null && !definition.passes().contains(pass)) {
            problems.add(Severity.ERROR, "wrong-pass", component, component.getName() + " does not act in the "
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
            if (setting.getAction() != null && setting.getActionKind() == null) {
                problems.add(Severity.ERROR, "invalid-value", setting, settingPath + ": wcm:action=\"" + setting.getAction()
                        + "\" is not add, modify or remove");
            }
            SettingDefinition definition = definitions.get(setting.getName());
            if (definition == null) {
                problems.add(complete ? Severity.ERROR : Severity.WARNING, "unknown-setting", setting, "'" + setting.getName()
                        + "' is not a setting of " + path + hint(setting.getName(), definitions));
                continue;
            }
            Set<Pass> passes = definition.passes().isEmpty() ? inherited : definition.passes();
            if (pass != null && !passes.contains(pass)) {
                problems.add(Severity.ERROR, "wrong-pass", setting, settingPath + " is not valid in the "
                        + pass.getLiteral() + " pass; valid passes: " + names(passes));
                continue;
            }
            if (definition.deprecated()) {
                problems.add(Severity.WARNING, "deprecated-setting", setting, settingPath + " is deprecated: "
                        + definition.deprecation());
            }
            boolean hasChildren = !setting.getSettings().isEmpty();
            if (definition.type() == ValueType.COMPLEX) {
                if (!hasChildren && setting.getValue() != null && !setting.getValue().isBlank()) {
                    problems.add(Severity.ERROR, "invalid-value", setting, settingPath
                            + " holds child settings, not a value; remove the text '" + setting.getValue() + "'");
                }
                settings(setting.getSettings(), definition.children(), complete, passes, pass, settingPath);
            } else if (hasChildren) {
                problems.add(Severity.ERROR, "invalid-value", setting, settingPath + " takes a "
                        + definition.type().name().toLowerCase(java.util.Locale.ROOT) + " value, not child settings");
            } else {
                String message = ValueCheck.check(definition, setting.getValue());
                if (message != null) {
                    problems.add(Severity.ERROR, "invalid-value", setting, settingPath + ": " + message);
                }
            }
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
                    problems.add(Severity.ERROR, "duplicate-key", setting, path + " | " + setting.getName() + ": wcm:keyValue=\""
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
                problems.add(Severity.ERROR, "duplicate-key", keySetting, path + " | " + setting.getName() + ": "
                        + definition.key() + " " + key + " is already used by the item at " + Problems.at(earlier)
                        + "; give each list item its own " + definition.key());
            }
        }
    }

    private static String names(java.util.Collection<Pass> passes) {
        return passes.stream().sorted().map(Pass::getLiteral).collect(Collectors.joining(", "));
    }
}
