package org.imagesmith.servicing.drivers;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Descriptions of the system-defined device setup classes (System-Defined Device Setup Classes, WDK). */
final class DeviceClasses {
    private static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry("{4d36e97b-e325-11ce-bfc1-08002be10318}", "Storage controllers"),
            Map.entry("{4d36e96a-e325-11ce-bfc1-08002be10318}", "IDE ATA/ATAPI controllers"),
            Map.entry("{4d36e972-e325-11ce-bfc1-08002be10318}", "Network adapters"),
            Map.entry("{4d36e968-e325-11ce-bfc1-08002be10318}", "Display adapters"),
            Map.entry("{4d36e96c-e325-11ce-bfc1-08002be10318}", "Sound, video and game controllers"),
            Map.entry("{4d36e97d-e325-11ce-bfc1-08002be10318}", "System devices"),
            Map.entry("{36fc9e60-c465-11cf-8056-444553540000}", "Universal Serial Bus controllers"),
            Map.entry("{4d36e967-e325-11ce-bfc1-08002be10318}", "Disk drives"),
            Map.entry("{4d36e96b-e325-11ce-bfc1-08002be10318}", "Keyboards"),
            Map.entry("{4d36e96f-e325-11ce-bfc1-08002be10318}", "Mice and other pointing devices"),
            Map.entry("{745a17a0-74d3-11d0-b6fe-00a0c90f57da}", "Human Interface Devices"),
            Map.entry("{4d36e979-e325-11ce-bfc1-08002be10318}", "Printers"),
            Map.entry("{e0cbf06c-cd8b-4647-bb8a-263b43f0f974}", "Bluetooth Radios"),
            Map.entry("{6bdd1fc6-810f-11d0-bec7-08002be2092f}", "Imaging devices"));

    private DeviceClasses() {
    }

    /** The description of a class: the image's own (its Class key), a system class's, or the class name. */
    static String description(String className, String classGuid, Optional<String> fromImage) {
        return fromImage.orElseGet(() -> DESCRIPTIONS.getOrDefault(classGuid.toLowerCase(Locale.ROOT), className));
    }
}
