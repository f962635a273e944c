package org.imagesmith.servicing.packages;

/** A feature of an installed package (a selectable update) with its state in the image. */
public record Feature(PackageIdentity packageIdentity, PackageManifest.Update update, PackageState state) {

    public String name() {
        return update.name();
    }
}
