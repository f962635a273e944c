package org.imagesmith.unattend.dsl.ide.quickfix;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.imagesmith.unattend.model.Component;
import org.imagesmith.unattend.model.Unattend;
import org.imagesmith.unattend.model.UnattendPackage;
import org.imagesmith.unattend.validation.Architectures;

/**
 * Sets the processorArchitecture of a component: to those that apply to the target image when it is known (amd64
 * and wow64 for an amd64 image), otherwise to any component architecture, the one the file's other components use
 * most first.
 */
final class ArchitectureFixes {
    private ArchitectureFixes() {
    }

    static List<Fix> setArchitecture(Component component, String targetArchitecture) {
        List<INode> nodes = NodeModelUtils.findNodesForFeature(component, UnattendPackage.Literals.COMPONENT__PROCESSOR_ARCHITECTURE);
        if (nodes.isEmpty()) {
            return List.of();
        }
        INode value = nodes.get(0);
        String current = component.getProcessorArchitecture() == null ? "" : component.getProcessorArchitecture();
        List<String> candidates = targetArchitecture != null ? Architectures.forImage(targetArchitecture) : byUse(component);
        return candidates.stream().filter(architecture -> !architecture.equalsIgnoreCase(current))
                .map(architecture -> new Fix("Set processorArchitecture to " + architecture,
                        List.of(new TextChange(value.getOffset(), value.getLength(), architecture))))
                .toList();
    }

    /** The component architectures, those the other components of the file use most first. */
    private static List<String> byUse(Component component) {
        Map<String, Long> uses = EcoreUtil.getRootContainer(component) instanceof Unattend unattend
                ? unattend.getSettings().stream().flatMap(settings -> settings.getComponents().stream())
                        .filter(other -> other != component && other.getProcessorArchitecture() != null)
                        .map(other -> other.getProcessorArchitecture().toLowerCase(Locale.ROOT))
                        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()))
                : Map.of();
        return Architectures.COMPONENT.stream()
                .sorted(Comparator.comparingLong((String architecture) -> -uses.getOrDefault(architecture, 0L))
                        .thenComparingInt(Architectures.COMPONENT::indexOf))
                .toList();
    }
}
