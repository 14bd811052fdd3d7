package org.unstuck.web.database;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Properties;
import org.unstuck.web.common.PrivateFiles;

/**
 * The passwords of the embedded server's superuser and of its two roles, generated on its first
 * start and kept beside its data in a file only the practice's system user may read.
 */
record EmbeddedRoles(String superuserPassword, String ownerPassword, String applicationPassword) {

    static final String FILE_NAME = "database-roles.properties";

    static EmbeddedRoles beside(Path dataDirectory) {
        var file = dataDirectory.toAbsolutePath().normalize().resolveSibling(FILE_NAME);
        try {
            var stored = new Properties();
            if (Files.exists(file)) {
                try (var in = Files.newInputStream(file)) {
                    stored.load(in);
                }
            }
            var roles = new EmbeddedRoles(stored.getProperty("superuser.password", generated()),
                    stored.getProperty("owner.password", generated()), stored.getProperty("application.password", generated()));
            if (!stored.containsKey("superuser.password") || !stored.containsKey("owner.password")
                    || !stored.containsKey("application.password")) {
                stored.setProperty("superuser.password", roles.superuserPassword());
                stored.setProperty("owner.password", roles.ownerPassword());
                stored.setProperty("application.password", roles.applicationPassword());
                var text = new StringWriter();
                stored.store(text, "Passwords of the embedded PostgreSQL's superuser postgres and its roles unstuck_owner "
                        + "and unstuck_app");
                Files.deleteIfExists(file);
                PrivateFiles.create(file, text.toString());
            }
            return roles;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or write the database role passwords in " + file, e);
        }
    }

    private static String generated() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(PrivateFiles.randomBytes(24));
    }
}
