package org.imagesmith.unattend.dsl.ide.quickfix;

import java.util.List;
import java.util.Optional;

import org.imagesmith.unattend.catalog.PackageRules;
import org.imagesmith.unattend.model.Node;
import org.imagesmith.unattend.model.Package;
import org.imagesmith.unattend.model.PackageAction;
import org.imagesmith.unattend.model.Servicing;

/** Installs a language pack before the updates: its lines move above the first update installed before it. */
final class LanguagePackOrder {
    private LanguagePackOrder() {
    }

    static Optional<Fix> moveBeforeUpdates(TextLayout layout, Package pkg, PackageRules rules) {
        if (!(pkg.eContainer() instanceof Servicing servicing) || pkg.getAssemblyIdentity() == null) {
            return Optional.empty();
        }
        for (Node node : servicing.getChildren()) {
            if (node == pkg) {
                return Optional.empty();
            }
            if (node instanceof Package update && update.getActionKind() == PackageAction.INSTALL
                    && update.getAssemblyIdentity() != null && rules.isUpdate(update.getAssemblyIdentity().getName())) {
                TextChange removal = layout.removal(pkg);
                TextChange before = layout.removal(update);
                String moved = layout.text().substring(removal.offset(), removal.end());
                if (!moved.endsWith("\n")) {
                    moved = moved + layout.lineSeparator(); // it shares its line: give it one of its own
                }
                return Optional.of(new Fix("Install " + pkg.getAssemblyIdentity().getName() + " before the updates",
                        List.of(new TextChange(before.offset(), 0, moved), removal)));
            }
        }
        return Optional.empty();
    }
}
