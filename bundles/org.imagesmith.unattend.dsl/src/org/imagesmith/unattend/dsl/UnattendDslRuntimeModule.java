package org.imagesmith.unattend.dsl;

import org.eclipse.xtext.conversion.IValueConverterService;
import org.eclipse.xtext.formatting.IIndentationInformation;
import org.eclipse.xtext.formatting2.FormatterPreferenceValuesProvider;
import org.eclipse.xtext.formatting2.FormatterPreferences;
import org.eclipse.xtext.formatting2.IFormatter2;
import org.eclipse.xtext.preferences.IPreferenceValuesProvider;
import org.imagesmith.unattend.dsl.conversion.UnattendDslValueConverters;
import org.imagesmith.unattend.dsl.formatting2.AnswerFileFormatter;
import org.imagesmith.unattend.dsl.formatting2.UnattendDslFormatter;

import com.google.inject.Binder;

/** The services of the answer-file language that differ from the generated defaults. */
public class UnattendDslRuntimeModule extends AbstractUnattendDslRuntimeModule {

    @Override
    public Class<? extends IValueConverterService> bindIValueConverterService() {
        return UnattendDslValueConverters.class;
    }

    /** The canonical layout of the language. */
    public Class<? extends IFormatter2> bindIFormatter2() {
        return UnattendDslFormatter.class;
    }

    /** The formatter's preferences (indentation, line separator) as a request or the platform gives them. */
    public void configureFormatterPreferences(Binder binder) {
        binder.bind(IPreferenceValuesProvider.class).annotatedWith(FormatterPreferences.class)
                .to(FormatterPreferenceValuesProvider.class);
    }

    /** Four spaces a level, as the writer and the formatter indent. */
    public IIndentationInformation bindIIndentationInformation() {
        return () -> AnswerFileFormatter.INDENTATION;
    }
}
