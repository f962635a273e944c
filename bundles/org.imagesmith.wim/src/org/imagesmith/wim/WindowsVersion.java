package org.imagesmith.wim;

/** The WINDOWS/VERSION element of an image's XML data: major.minor.build and the service pack. */
public record WindowsVersion(long major, long minor, long build, long spBuild, long spLevel) {

    /** "major.minor.build", as DISM prints it on its Version line. */
    public String toDottedString() {
        return major + "." + minor + "." + build;
    }
}
