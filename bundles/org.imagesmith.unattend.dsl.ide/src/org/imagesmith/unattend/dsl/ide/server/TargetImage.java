package org.imagesmith.unattend.dsl.ide.server;

import java.util.Map;

import org.imagesmith.unattend.catalog.WindowsVersion;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.inject.Singleton;

/**
 * The image the answer files of a language server's workspace are for, as the client names it in the
 * initializationOptions of initialize ({"targetArchitecture": "amd64", "targetVersion": "7"}); the server's projects
 * give it to the validator.
 */
@Singleton
public class TargetImage {
    /** The name of the initialization option naming the processor architecture. */
    public static final String OPTION = "targetArchitecture";
    /** The name of the initialization option naming the Windows version (7, 8, 8.1, 10, 11; default 7). */
    public static final String VERSION_OPTION = "targetVersion";

    private volatile String architecture;
    private volatile WindowsVersion version;

    /** The architecture named, or null. */
    public String architecture() {
        return architecture;
    }

    /** The Windows version named, or null (the validator then assumes {@link WindowsVersion#DEFAULT}). */
    public WindowsVersion version() {
        return version;
    }

    /** Takes the architecture and the version from initializationOptions (a JSON object or a map), if they name them. */
    public void configure(Object initializationOptions) {
        Object value = option(initializationOptions, OPTION);
        architecture = value instanceof String name && !name.isBlank() ? name.strip() : null;
        Object named = option(initializationOptions, VERSION_OPTION);
        version = named instanceof String label ? WindowsVersion.ofLabel(label).orElse(null) : null;
    }

    private static Object option(Object initializationOptions, String name) {
        if (initializationOptions instanceof JsonObject json && json.has(name)) {
            JsonElement element = json.get(name);
            return element.isJsonPrimitive() ? element.getAsString() : null;
        } else if (initializationOptions instanceof Map<?, ?> map) {
            return map.get(name);
        }
        return null;
    }
}
