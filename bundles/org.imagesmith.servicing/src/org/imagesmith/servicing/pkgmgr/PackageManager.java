package org.imagesmith.servicing.pkgmgr;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.imagesmith.servicing.ServicingException;
import org.imagesmith.servicing.ServicingSession;
import org.imagesmith.servicing.packages.Feature;
import org.imagesmith.servicing.packages.PackageIdentity;
import org.imagesmith.servicing.packages.PackageServicing;
import org.imagesmith.servicing.packages.PackageSource;
import org.imagesmith.servicing.unattend.UnattendServicing;

/** Runs a Package Manager command line on an open session, with the same servicing operations as DISM's commands. */
public final class PackageManager {
    private static final String COMPONENT = "DISM Package Manager";
    private final ServicingSession session;

    public PackageManager(ServicingSession session) {
        this.session = session;
    }

    /** Runs the operation and returns one line per change made. */
    public List<String> run(PkgMgrCommandLine commandLine) throws ServicingException {
        session.log().info(COMPONENT, "Package Manager operation " + commandLine.operation().option());
        PackageServicing packages = new PackageServicing(session);
        List<String> actions = new ArrayList<>();
        switch (commandLine.operation()) {
            case INSTALL_PACKAGE -> {
                List<PackageSource> sources = PackageSource.open(commandLine.packagePath().orElseThrow(), session.scratch());
                for (PackageServicing.AddResult result : packages.add(sources, new PackageServicing.AddOptions(false, false))) {
                    actions.add("Installed package " + result.identity() + " (" + result.state().packageText() + ")");
                }
            }
            case UNINSTALL_PACKAGE -> {
                PackageIdentity identity = commandLine.packagePath().isPresent()
                        ? PackageSource.open(commandLine.packagePath().get(), session.scratch()).get(0).manifest().identity()
                        : identity(commandLine.packageName().orElseThrow());
                packages.remove(identity);
                actions.add("Removed package " + identity);
            }
            case ENABLE_FEATURES, DISABLE_FEATURES -> {
                boolean enable = commandLine.operation() == PkgMgrCommandLine.Operation.ENABLE_FEATURES;
                Optional<PackageIdentity> in = commandLine.packageName().isPresent()
                        ? Optional.of(identity(commandLine.packageName().get())) : Optional.empty();
                for (Feature feature : packages.setFeatures(commandLine.features(), in, enable)) {
                    actions.add((enable ? "Enabled" : "Disabled") + " feature " + feature.name() + " of "
                            + feature.packageIdentity());
                }
            }
            case APPLY_ANSWER_FILE -> actions.addAll(new UnattendServicing(session).apply(commandLine.answerFile().orElseThrow())
                    .actions());
        }
        return actions;
    }

    private static PackageIdentity identity(String text) throws ServicingException {
        try {
            return PackageIdentity.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ServicingException(ServicingException.INVALID_PARAMETER, e.getMessage());
        }
    }
}
