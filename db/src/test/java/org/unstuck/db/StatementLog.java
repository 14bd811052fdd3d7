package org.unstuck.db;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Wraps the test DataSource and records the SQL of the statements a piece of work prepares on its
 * own thread, to count and inspect them; other threads' statements and those outside are not kept.
 */
@Component
public class StatementLog implements BeanPostProcessor {

    /** What a piece of work answered, and the SQL of each statement it prepared, in order. */
    public record Recorded<T>(T value, List<String> statements) {
    }

    private final ThreadLocal<List<String>> recording = new ThreadLocal<>();

    public <T> Recorded<T> recording(Supplier<T> work) {
        var statements = new ArrayList<String>();
        recording.set(statements);
        try {
            var value = work.get();
            return new Recorded<>(value, List.copyOf(statements));
        } finally {
            recording.remove();
        }
    }

    public List<String> during(Runnable work) {
        return recording(() -> {
            work.run();
            return true;
        }).statements();
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource && !AopUtils.isAopProxy(bean)) {
            // A subclass proxy, so that whoever asks for the pool by its own class still finds it.
            var factory = new ProxyFactory(bean);
            factory.setProxyTargetClass(true);
            factory.addAdvice((MethodInterceptor) call -> {
                var result = call.proceed();
                return result instanceof Connection connection ? recording(connection) : result;
            });
            return factory.getProxy();
        }
        return bean;
    }

    private Connection recording(Connection connection) {
        return proxy(Connection.class, connection, (target, method, arguments) -> {
            var statements = recording.get();
            var name = method.getName();
            if (statements == null) {
                return invoke(method, connection, arguments);
            }
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
