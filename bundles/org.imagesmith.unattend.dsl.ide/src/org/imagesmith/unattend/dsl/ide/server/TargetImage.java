package org.imagesmith.unattend.dsl.ide.server;

import java.util.Map;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.inject.Singleton;

/**
 * The image the answer files of a language server's workspace are for, as the client names it in the
 * initializationOptions of initialize ({"targetArchitecture": "amd64"}); the server's projects give it to the
 * validator.
 */
@Singleton
public class TargetImage {
    /** The name of the initialization option. */
    public static final String OPTION = "targetArchitecture";

    private volatile String architecture;

    /** The architecture named, or null. */
    public String architecture() {
        return architecture;
    }

    /** Takes the architecture from initializationOptions (a JSON object or a map), if it names one. */
    public void configure(Object initializationOptions) {
        Object value = null;
        if (initializationOptions instanceof JsonObject json && json.has(OPTION)) {
            JsonElement element = json.get(OPTION);
            value = element.isJsonPrimitive() ? element.getAsString() : null;
        } else if (initializationOptions instanceof Map<?, ?> map) {
            value = map.get(OPTION);
        }
        architecture = value instanceof String name && !name.isBlank() ? name.strip() : null;
    }
}
