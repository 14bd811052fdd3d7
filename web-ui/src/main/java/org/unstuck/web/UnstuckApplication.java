package org.unstuck.web;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.theme.lumo.Lumo;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;
import org.unstuck.persistence.PersistenceConfiguration;
import org.unstuck.web.importing.ImportCommand;

@SpringBootApplication
@Import(PersistenceConfiguration.class)
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles.css")
public class UnstuckApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(UnstuckApplication.class, ImportCommand.withItsOwnPort(args));
    }
}
