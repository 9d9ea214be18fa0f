package io.agrilink.logistics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The names a newcomer guesses: {@code XRequest} in and {@code XView} out in {@code rest/},
 * {@code *Service} beans in {@code service/}, and services that take and give their own records,
 * never a REST body.
 */
class ConventionsTest {

    private static final String ROOT = "io.agrilink.logistics.";

    @Test
    void servicesNeitherTakeNorGiveARestType() throws Exception {
        List<String> leaks = new ArrayList<>();
        for (Class<?> type : classesIn("service")) {
            for (Method method : type.getDeclaredMethods()) {
                List<Type> signature = new ArrayList<>(List.of(method.getGenericParameterTypes()));
                signature.add(method.getGenericReturnType());
                signature.stream().filter(ConventionsTest::isRest)
                        .forEach(t -> leaks.add(type.getSimpleName() + "." + method.getName() + ": " + t.getTypeName()));
            }
            if (type.isRecord()) {
                for (RecordComponent component : type.getRecordComponents()) {
                    if (isRest(component.getGenericType())) {
                        leaks.add(type.getSimpleName() + "." + component.getName());
                    }
                }
            }
        }
        assertEquals(List.of(), leaks);
    }

    @Test
    void restBodiesAreNamedRequestOrView() throws Exception {
        // records nested in a view are its parts (ShipmentView.Parcel)
        List<String> misnamed = classesIn("rest").stream()
                .filter(type -> type.isRecord()
                        && (type.getEnclosingClass() == null || !type.getEnclosingClass().isRecord()))
                .map(Class::getSimpleName)
                .filter(name -> !name.endsWith("Request") && !name.endsWith("View")).toList();
        assertEquals(List.of(), misnamed);
    }

    @Test
    void theBeansOfServiceAreServices() throws Exception {
        List<String> misnamed = classesIn("service").stream()
                .filter(type -> !type.isRecord() && type.getEnclosingClass() == null)
                .map(Class::getSimpleName).filter(name -> !name.endsWith("Service")).toList();
        assertEquals(List.of(), misnamed);
    }

    private static boolean isRest(Type type) {
        return type.getTypeName().contains(ROOT + "rest.");
    }

    /** The compiled classes of one package, nested ones included. */
    private static List<Class<?>> classesIn(String pkg) throws IOException, ClassNotFoundException {
        Path folder = Path.of("target", "classes").resolve((ROOT + pkg).replace('.', '/'));
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                String name = file.getFileName().toString().replace(".class", "");
                Class<?> type = Class.forName(ROOT + pkg + "." + name, false, ConventionsTest.class.getClassLoader());
                if (!type.isSynthetic() && !type.isAnonymousClass()) {
                    classes.add(type);
                }
            }
        }
        return classes;
    }
}
