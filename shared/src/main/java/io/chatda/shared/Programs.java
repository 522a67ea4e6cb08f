package io.chatda.shared;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Finds the external programs a cluster on one machine runs (redis-server, haproxy) on the PATH. */
public final class Programs {

    private static final List<String> SYSTEM_DIRS = List.of("/usr/sbin", "/usr/local/sbin", "/sbin");

    private Programs() {}

    /**
     * The program's path: on the PATH, or in the sbin directories Debian installs daemons to.
     *
     * @param debianPackage named in the error so the user knows what to install
     * @throws MissingProgramException when it is nowhere
     */
    public static Path find(String program, String debianPackage) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        for (String dir : SYSTEM_DIRS) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new MissingProgramException(program, debianPackage);
    }
}
