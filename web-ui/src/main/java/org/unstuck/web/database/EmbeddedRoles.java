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
 * The passwords of the embedded server's two roles, generated on its first start and kept beside
 * its data in a file only the practice's system user may read.
 */
record EmbeddedRoles(String ownerPassword, String applicationPassword) {

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
            var roles = new EmbeddedRoles(stored.getProperty("owner.password", generated()),
                    stored.getProperty("application.password", generated()));
            if (!Files.exists(file)) {
                stored.setProperty("owner.password", roles.ownerPassword());
                stored.setProperty("application.password", roles.applicationPassword());
                var text = new StringWriter();
                stored.store(text, "Passwords of the embedded PostgreSQL roles unstuck_owner and unstuck_app");
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
