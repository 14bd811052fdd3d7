package org.unstuck.web.importing;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * {@code --import=file.csv --import-as=username}: imports the file as that admin or practice
 * manager once the application is ready (after the demo practice is seeded), prints the answer and
 * exits: 0 when imported, 1 when the file was refused, 2 when the command itself is wrong.
 */
@Component
public class ImportCommand {

    static final String FILE_OPTION = "import";
    static final String USER_OPTION = "import-as";

    private final ImportService service;
    private final UserDetailsService users;

    ImportCommand(ImportService service, UserDetailsService users) {
        this.service = service;
        this.users = users;
    }

    /**
     * The arguments, with a free port on the loopback interface when they ask for an import: the
     * import needs no web server of its own, and must not take the port of a running application.
     */
    public static String[] withItsOwnPort(String[] args) {
        if (Arrays.stream(args).noneMatch(arg -> arg.startsWith("--" + FILE_OPTION + "="))) {
            return args;
        }
        var withPort = Arrays.copyOf(args, args.length + 2);
        withPort[args.length] = "--server.port=0";
        withPort[args.length + 1] = "--server.address=127.0.0.1";
        return withPort;
    }

    @EventListener(ApplicationReadyEvent.class)
    void importWhenAsked(ApplicationReadyEvent ready) {
        var arguments = ready.getApplicationContext().getBean(ApplicationArguments.class);
        if (!arguments.containsOption(FILE_OPTION)) {
            return;
        }
        var code = run(arguments.getOptionValues(FILE_OPTION), arguments.getOptionValues(USER_OPTION), System.out);
        System.exit(SpringApplication.exit(ready.getApplicationContext(), () -> code));
    }

    int run(List<String> files, List<String> usernames, PrintStream out) {
        if (files == null || files.size() != 1 || usernames == null || usernames.size() != 1) {
            out.println("Usage: --import=path/to/file.csv --import-as=username (an admin or practice manager)");
            return 2;
        }
        var file = Path.of(files.getFirst()).toAbsolutePath();
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            out.println("No readable file at " + file);
            return 2;
        }
        try {
            var user = users.loadUserByUsername(usernames.getFirst());
            if (!user.isEnabled()) {
                out.println("The account '" + usernames.getFirst() + "' is disabled; name an admin or a practice manager "
                        + "who may sign in.");
                return 2;
            }
            SecurityContextHolder.getContext().setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
            var result = service.importFile(file, file.getFileName().toString(), ImportProgress.NONE);
            out.println(describe(result));
            out.println("The import is done; Unstuck stops. Start it without --import to use it.");
            return result instanceof ImportResult.Imported ? 0 : 1;
        } catch (UsernameNotFoundException unknown) {
            out.println("No user signs in as '" + usernames.getFirst() + "'; name an admin or a practice manager.");
            return 2;
        } catch (AccessDeniedException notAllowed) {
            out.println("Only an admin or a practice manager imports; '" + usernames.getFirst() + "' is neither.");
            return 2;
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    static String describe(ImportResult result) {
        return switch (result) {
            case ImportResult.Imported imported -> "Imported " + imported.fileName() + ": " + imported.rows() + " rows; "
                    + "sessions " + imported.sessionsAdded() + " added, " + imported.sessionsUpdated() + " updated, "
                    + imported.sessionsUnchanged() + " already up to date; cases " + imported.casesCreated() + " created, "
                    + imported.casesUpdated() + " updated; " + imported.clientsCreated() + " new clients."
                    + (imported.riskAlertsRaised() == 0 ? "" : " Risk alerts raised: " + imported.riskAlertsRaised()
                            + "; the cases' therapists and their supervisors are told.");
            case ImportResult.Refused refused -> {
                var text = new StringBuilder("Nothing was imported from " + refused.fileName() + ": " + refused.errorCount()
                        + (refused.errorCount() == 1 ? " problem" : " problems")
                        + (refused.errorCount() > refused.errors().size() ? " (the first " + refused.errors().size()
                                + " listed)" : "") + ".");
                refused.errors().forEach(error -> text.append(System.lineSeparator()).append("  ").append(error));
                yield text.toString();
            }
        };
    }
}
