package org.imagesmith.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The Unattend.xml files the New Answer File wizard starts from (templates/ in this bundle). */
enum AnswerFileTemplate {
    BLANK("Blank", "An answer file with an empty offlineServicing pass.", "blank.xml", "unattend.xml"),
    WINDOWS7_OFFLINE_SERVICING("Windows 7 offline servicing",
            "Applied to an offline Windows 7 / Server 2008 R2 image: an update package, the drivers of a folder, "
                    + "User Account Control on.",
            "windows7-offline-servicing.xml", "unattend.xml"),
    LANGUAGE_PACKS_AND_UPDATES("Language packs and updates",
            "A language pack, then the updates: the order in which Windows installs the resources of the language "
                    + "with each update.",
            "language-packs-and-updates.xml", "unattend.xml"),
    UNATTENDED_INSTALL("Unattended installation",
            "Windows Setup from its media without a question (autounattend.xml): wipes disk 0, installs the first "
                    + "image, names the computer, skips the OOBE pages.",
            "unattended-install.xml", "autounattend.xml");

    private final String label;
    private final String description;
    private final String resource;
    private final String fileName;

    AnswerFileTemplate(String label, String description, String resource, String fileName) {
        this.label = label;
        this.description = description;
        this.resource = resource;
        this.fileName = fileName;
    }

    /** The name the wizard lists. */
    String label() {
        return label;
    }

    /** What the template is for. */
    String description() {
        return description;
    }

    /** The file name Windows looks for when it reads such an answer file. */
    String fileName() {
        return fileName;
    }

    /** The template's content. */
    InputStream open() {
        InputStream in = AnswerFileTemplate.class.getResourceAsStream("/templates/" + resource);
        if (in == null) {
            throw new IllegalStateException("The answer file template " + resource + " is missing from org.imagesmith.ui");
        }
        return in;
    }

    /** The template's content as text. */
    String text() {
        try (InputStream in = open()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
