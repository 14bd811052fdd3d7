package org.unstuck.db;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The two database roles Unstuck uses: an owner that holds the schema and runs the migrations, and
 * the application's role, which may read and write rows and nothing more. It owns no table, so it
 * cannot switch off the triggers that keep decisions and the audit trail unchangeable, truncate a
 * table, or set {@code session_replication_role}.
 */
public final class DatabaseRoles {

    public static final String OWNER = "unstuck_owner";
    public static final String APPLICATION = "unstuck_app";

    private DatabaseRoles() {
    }

    /**
     * As a superuser connected to the practice's database: makes both roles, or sets their
     * passwords, and hands the database, its public schema and every object in it to the owner.
     */
    public static void prepare(Connection superuser, String ownerPassword, String applicationPassword) throws SQLException {
        try (var statement = superuser.createStatement()) {
            statement.execute(role(OWNER, ownerPassword));
            statement.execute(role(APPLICATION, applicationPassword));
            statement.execute("""
                    DO $$
                    DECLARE
                        object RECORD;
                    BEGIN
                        EXECUTE format('ALTER DATABASE %%I OWNER TO %1$s', current_database());
                        -- Every role may make temporary tables by default; the application has no use for them.
                        EXECUTE format('REVOKE TEMPORARY ON DATABASE %%I FROM PUBLIC', current_database());
                        ALTER SCHEMA public OWNER TO %1$s;
                        FOR object IN SELECT c.relname, c.relkind FROM pg_class c
                                      JOIN pg_namespace n ON n.oid = c.relnamespace
                                      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm')
                                        AND pg_get_userbyid(c.relowner) <> '%1$s' LOOP
                            EXECUTE format(CASE object.relkind WHEN 'v' THEN 'ALTER VIEW public.%%I OWNER TO %1$s'
                                           WHEN 'm' THEN 'ALTER MATERIALIZED VIEW public.%%I OWNER TO %1$s'
                                           ELSE 'ALTER TABLE public.%%I OWNER TO %1$s' END, object.relname);
                        END LOOP;
                        FOR object IN SELECT p.oid::regprocedure AS signature FROM pg_proc p
                                      JOIN pg_namespace n ON n.oid = p.pronamespace
                                      WHERE n.nspname = 'public' AND pg_get_userbyid(p.proowner) <> '%1$s' LOOP
                            EXECUTE format('ALTER FUNCTION %%s OWNER TO %1$s', object.signature);
                        END LOOP;
                    END
                    $$""".formatted(OWNER));
        }
    }

    /** Gives the connected superuser a password, on a server that let it in without one. */
    public static void setSuperuserPassword(Connection superuser, String password) throws SQLException {
        try (var statement = superuser.createStatement()) {
            statement.execute("SET password_encryption = 'scram-sha-256'");
            statement.execute("ALTER ROLE CURRENT_USER PASSWORD '" + generated(password) + "'");
        }
    }

    private static String generated(String password) {
        if (!password.matches("[A-Za-z0-9_-]{16,128}")) {
            throw new IllegalArgumentException("A generated role password is 16 to 128 letters, digits, '-' or '_'");
        }
        return password;
    }

    /** Makes the role when it is missing, then gives it its password and takes away every power beyond rows. */
    private static String role(String name, String password) {
        generated(password);
        return """
                DO $$
                BEGIN
                    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '%1$s') THEN
                        CREATE ROLE %1$s;
                    END IF;
                    ALTER ROLE %1$s WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS
                        PASSWORD '%2$s';
                END
                $$""".formatted(name, password);
    }
}
