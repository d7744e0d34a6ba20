package io.tributary.broker.run;

import io.tributary.broker.LauncherException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

/**
 * Replaces what Kafka's {@code Exit.exit} and {@code Exit.halt} do; Kafka calls them instead of
 * {@code System.exit}.
 *
 * <p>The class moved from {@code org.apache.kafka.common.utils} (Kafka 4.3) to {@code
 * org.apache.kafka.common.utils.internals} (4.4). One launcher jar serves both, so the class is
 * looked up by name and driven through reflection.
 */
public final class KafkaExitProcedures {
    static final List<String> EXIT_CLASSES =
            List.of(
                    "org.apache.kafka.common.utils.internals.Exit",
                    "org.apache.kafka.common.utils.Exit");

    /** What Kafka's exit or halt does instead. */
    @FunctionalInterface
    public interface Procedure {
        void execute(int status, String message);
    }

    private KafkaExitProcedures() {}

    public static void set(Procedure exit, Procedure halt) {
        List<Class<?>> exitClasses = exitClasses();
        if (exitClasses.isEmpty()) {
            throw new LauncherException(
                    "None of Kafka's Exit classes is on the classpath: " + EXIT_CLASSES);
        }
        for (Class<?> exitClass : exitClasses) {
            install(exitClass, "setExitProcedure", exit);
            install(exitClass, "setHaltProcedure", halt);
        }
    }

    /** Back to stopping the JVM, as Kafka does by default. */
    public static void reset() {
        set(
                (status, message) -> System.exit(status),
                (status, message) -> Runtime.getRuntime().halt(status));
    }

    private static List<Class<?>> exitClasses() {
        List<Class<?>> found = new ArrayList<>();
        for (String name : EXIT_CLASSES) {
            try {
                found.add(Class.forName(name, true, KafkaExitProcedures.class.getClassLoader()));
            } catch (ClassNotFoundException e) {
                // Not this Kafka version's.
            }
        }
        return found;
    }

    private static void install(Class<?> exitClass, String setter, Procedure procedure) {
        try {
            Class<?> procedureType =
                    Class.forName(
                            exitClass.getName() + "$Procedure", true, exitClass.getClassLoader());
            Object proxy =
                    Proxy.newProxyInstance(
                            exitClass.getClassLoader(),
                            new Class<?>[] {procedureType},
                            (self, method, args) ->
                                    switch (method.getName()) {
                                        case "execute" -> {
                                            procedure.execute((Integer) args[0], (String) args[1]);
                                            yield null;
                                        }
                                        case "hashCode" -> System.identityHashCode(self);
                                        case "equals" -> self == args[0];
                                        case "toString" -> "Tributary " + setter;
                                        default ->
                                                throw new UnsupportedOperationException(
                                                        method.toString());
                                    });
            exitClass.getMethod(setter, procedureType).invoke(null, proxy);
        } catch (InvocationTargetException e) {
            throw new LauncherException(
                    "Cannot call " + exitClass.getName() + "." + setter, e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new LauncherException("Cannot call " + exitClass.getName() + "." + setter, e);
        }
    }
}
