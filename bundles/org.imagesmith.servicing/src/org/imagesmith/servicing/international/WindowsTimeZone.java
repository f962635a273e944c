package org.imagesmith.servicing.international;

/**
 * A Windows time zone: its key name under SOFTWARE\Microsoft\Windows NT\CurrentVersion\Time Zones ("Pacific
 * Standard Time"), its standard bias (minutes to add to local time for UTC, 480 for UTC-08:00) and display name.
 */
public record WindowsTimeZone(String id, int bias, String display) {

    /** The daylight name Windows pairs with a standard name ("Pacific Daylight Time"). */
    public String daylightName() {
        return id.replace("Standard Time", "Daylight Time");
    }
}
