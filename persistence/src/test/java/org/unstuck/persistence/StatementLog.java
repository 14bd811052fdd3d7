package org.unstuck.persistence;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/** Wraps the test DataSource and records the SQL of every statement prepared, to count and inspect them. */
@Component
public class StatementLog implements BeanPostProcessor {

    private final List<String> statements = new CopyOnWriteArrayList<>();

    public void clear() {
        statements.clear();
    }

    public List<String> statements() {
        return List.copyOf(statements);
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !(bean instanceof Proxy)) {
            return proxy(DataSource.class, dataSource, (target, method, arguments) -> {
                var result = invoke(method, dataSource, arguments);
                return result instanceof Connection connection ? recording(connection) : result;
            });
        }
        return bean;
    }

    private Connection recording(Connection connection) {
        return proxy(Connection.class, connection, (target, method, arguments) -> {
            var name = method.getName();
            if ((name.equals("prepareStatement") || name.equals("prepareCall")) && arguments != null
                    && arguments[0] instanceof String sql) {
                statements.add(sql);
            } else if (name.equals("createStatement")) {
                statements.add("(statement)");
            }
            return invoke(method, connection, arguments);
        });
    }

    private static Object invoke(Method method, Object target, Object[] arguments) throws Throwable {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target, InvocationHandler handler) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
    }
}
