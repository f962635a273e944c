package org.imagesmith.inf;

import java.util.List;

/**
 * A [Manufacturer] entry: the manufacturer's name, its models section, the TargetOSVersion decorations it lists and
 * the models of the undecorated and decorated models sections.
 */
public record InfManufacturer(String name, String modelsSection, List<TargetDecoration> decorations,
        List<InfModel> models) {
    public InfManufacturer {
        decorations = List.copyOf(decorations);
        models = List.copyOf(models);
    }
}
