package org.imagesmith.unattend.dsl;

import org.eclipse.xtext.conversion.IValueConverterService;
import org.imagesmith.unattend.dsl.conversion.UnattendDslValueConverters;

/** The services of the answer-file language that differ from the generated defaults. */
public class UnattendDslRuntimeModule extends AbstractUnattendDslRuntimeModule {

    @Override
    public Class<? extends IValueConverterService> bindIValueConverterService() {
        return UnattendDslValueConverters.class;
    }
}
