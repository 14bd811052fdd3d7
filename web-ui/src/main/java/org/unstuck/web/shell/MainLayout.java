package org.unstuck.web.shell;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.IntSupplier;
import org.jspecify.annotations.Nullable;
import org.unstuck.domain.credential.CredentialPolicy;
import org.unstuck.domain.practice.Role;
import org.unstuck.web.account.ChangePasswordView;
import org.unstuck.web.audit.AuditLogView;
import org.unstuck.web.caseload.CaseFinder;
import org.unstuck.web.caseload.CaseSearchField;
import org.unstuck.web.caseload.CaseloadView;
import org.unstuck.web.credential.CredentialPolicyView;
import org.unstuck.web.credential.CredentialService;
import org.unstuck.web.credential.CredentialsBoardView;
import org.unstuck.web.credential.MyCredentialsView;
import org.unstuck.web.home.HomeView;
import org.unstuck.web.importing.ImportView;
import org.unstuck.web.jobs.JobsView;
import org.unstuck.web.notification.NoticesRead;
import org.unstuck.web.notification.Notifications;
import org.unstuck.web.notification.NotificationsView;
import org.unstuck.web.practice.ApprovalsView;
import org.unstuck.web.practice.MyTeamView;
import org.unstuck.web.practice.TherapistsView;
import org.unstuck.web.practice.UsersView;
import org.unstuck.web.reports.ReportsView;
import org.unstuck.web.review.FollowUpsView;
import org.unstuck.web.review.MeetingsView;
import org.unstuck.web.review.ReviewBoardView;
import org.unstuck.web.security.CurrentUser;
import org.unstuck.web.settings.SettingsView;

/**
 * The frame of every signed-in screen: the navigation shows only the screens the user may open.
 * It is drawn from the session, so it stands while the database is away; its counts are left out then.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    private final Notifications notifications;
    private final CredentialService credentials;
    private final Span unread = new Span();
    /** The manager's count of credentials needing attention, read once the database answers. */
    private final @Nullable Anchor attention;
    private boolean attentionCounted;
    private @Nullable Registration listening;

    private record Destination(Class<? extends Component> view, String titleKey, VaadinIcon icon) {
    }

    private static final List<Destination> DESTINATIONS = List.of(
            new Destination(HomeView.class, "nav.home", VaadinIcon.HOME),
            new Destination(CaseloadView.class, "nav.caseload", VaadinIcon.CLIPBOARD_USER),
            new Destination(MyCredentialsView.class, "nav.my-credentials", VaadinIcon.DIPLOMA_SCROLL),
            new Destination(ReviewBoardView.class, "nav.board", VaadinIcon.CLUSTER),
            new Destination(MeetingsView.class, "nav.meetings", VaadinIcon.CALENDAR_USER),
            new Destination(FollowUpsView.class, "nav.follow-ups", VaadinIcon.CHART),
            new Destination(MyTeamView.class, "nav.team", VaadinIcon.USERS),
            new Destination(CredentialsBoardView.class, "nav.credentials", VaadinIcon.DIPLOMA),
            new Destination(TherapistsView.class, "nav.therapists", VaadinIcon.USERS),
            new Destination(ReportsView.class, "nav.reports", VaadinIcon.FILE_TEXT_O),
            new Destination(UsersView.class, "nav.users", VaadinIcon.USER_CARD),
            new Destination(ApprovalsView.class, "nav.approvals", VaadinIcon.CHECK_SQUARE_O),
            new Destination(SettingsView.class, "nav.settings", VaadinIcon.COG),
            new Destination(JobsView.class, "nav.jobs", VaadinIcon.TIMER),
            new Destination(AuditLogView.class, "nav.audit", VaadinIcon.EYE),
            new Destination(ImportView.class, "nav.import", VaadinIcon.UPLOAD),
            new Destination(CredentialPolicyView.class, "nav.policy", VaadinIcon.CLIPBOARD_CHECK));

    MainLayout(AuthenticationContext authentication, AccessAnnotationChecker access, CurrentUser currentUser,
            CredentialService credentials, CaseFinder finder, Notifications notifications) {
        this.notifications = notifications;
        this.credentials = credentials;
        var brand = new Span(getTranslation("app.name"));
        brand.addClassName("brand");

        var person = currentUser.person();
        var who = new Span(getTranslation("shell.signed-in-as", person.displayName()));
        who.addClassName("signed-in-as");
        var logout = new Button(getTranslation("shell.logout"), VaadinIcon.SIGN_OUT.create(), click -> authentication.logout());
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        logout.setId("logout");
        var header = new Div(new DrawerToggle(), brand);
        if (person.hasRole(Role.PRACTICE_MANAGER)) {
            attention = new Anchor("credentials?within=" + CredentialPolicy.DEFAULT_WARNING_DAYS, "");
            attention.addClassName("attention-indicator");
            attention.setId("credentials-attention");
            attention.setVisible(false);
            header.add(attention);
        } else {
            attention = null;
        }
        var changePassword = new RouterLink(getTranslation("account.password.link"), ChangePasswordView.class);
        changePassword.addClassName("change-password-link");
        changePassword.setId("change-password");
        if (person.hasRole(Role.THERAPIST) || person.hasRole(Role.SUPERVISOR)) {
            header.add(new CaseSearchField(finder));
        }
        var bell = new RouterLink(NotificationsView.class);
        bell.setId("bell");
        bell.addClassName("bell");
        bell.getElement().setAttribute("aria-label", getTranslation("notifications.bell"));
        unread.setId("bell-count");
        unread.addClassName("bell-count");
        bell.add(VaadinIcon.BELL.create(), unread);
        header.add(who, bell, changePassword, logout);
        header.addClassName("app-header");
        addToNavbar(header);

        var nav = new SideNav();
        nav.setId("main-nav");
        DESTINATIONS.stream()
                .filter(destination -> access.hasAccess(destination.view()))
                .forEach(destination -> nav.addItem(new SideNavItem(
                        getTranslation(destination.titleKey()), destination.view(), destination.icon().create())));
        // On a narrow screen the header keeps only the search and signing out; the password is changed from here.
        var password = new SideNavItem(getTranslation("account.password.link"), ChangePasswordView.class,
                VaadinIcon.KEY.create());
        password.addClassName("narrow-only");
        nav.addItem(password);
        addToDrawer(nav);
    }

    @Override
    protected void onAttach(AttachEvent attached) {
        listening = ComponentUtil.addListener(attached.getUI(), NoticesRead.class, read -> showUnread());
    }

    @Override
    protected void onDetach(DetachEvent detached) {
        if (listening != null) {
            listening.remove();
        }
    }

    // Counted after the screen, which finds an absent database first and so spares the frame waiting for it again.
    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        showUnread();
        var indicator = attention;
        if (indicator != null && !attentionCounted) {
            unlessDatabaseAway(credentials::needingAttention).ifPresent(count -> {
                attentionCounted = true;
                indicator.setText(getTranslation("shell.credentials-attention", count));
                indicator.setVisible(count > 0);
            });
        }
    }

    private void showUnread() {
        var count = unlessDatabaseAway(notifications::unread).orElse(0);
        unread.setText(count == 0 ? "" : String.valueOf(count));
        unread.setVisible(count > 0);
    }

    /** A count the frame can do without: none while the database is away, rather than a screen that fails. */
    private static OptionalInt unlessDatabaseAway(IntSupplier count) {
        if (UnexpectedErrors.databaseAwayInThisRequest()) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(count.getAsInt());
        } catch (RuntimeException failure) {
            if (UnexpectedErrors.databaseUnavailable(failure)) {
                return OptionalInt.empty();
            }
            throw failure;
        }
    }
}
