package org.unstuck.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.lang.annotation.Annotation;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

class RouteAccessAnnotationsTest {

    private static final List<Class<? extends Annotation>> ACCESS_ANNOTATIONS =
            List.of(RolesAllowed.class, PermitAll.class, AnonymousAllowed.class, DenyAll.class);

    private static List<Class<?>> classesAnnotatedWith(Class<? extends Annotation> annotation) {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(annotation));
        return scanner.findCandidateComponents("org.unstuck").stream()
                .<Class<?>>map(definition -> loadClass(definition.getBeanClassName()))
                .toList();
    }

    private static Class<?> loadClass(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void every_route_and_layout_carries_exactly_one_access_annotation() {
        var screens = Stream.of(Route.class, RouteAlias.class, Layout.class)
                .flatMap(annotation -> classesAnnotatedWith(annotation).stream())
                .distinct()
                .toList();

        assertThat(screens).hasSizeGreaterThanOrEqualTo(5);
        assertThat(screens).allSatisfy(screen -> assertThat(
                ACCESS_ANNOTATIONS.stream().filter(screen::isAnnotationPresent).count())
                .as("access annotations on %s", screen.getName())
                .isEqualTo(1));
    }

    @Test
    void only_the_login_page_is_open_to_anonymous_visitors() {
        var anonymous = Stream.of(Route.class, Layout.class)
                .flatMap(annotation -> classesAnnotatedWith(annotation).stream())
                .filter(screen -> screen.isAnnotationPresent(AnonymousAllowed.class))
                .map(Class::getSimpleName)
                .toList();
        assertThat(anonymous).containsExactly("LoginView");
    }
}
