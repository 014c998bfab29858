package app.hindsight.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import app.hindsight.prediction.model.NewPrediction;
import app.hindsight.source.NewSource;

/**
 * Every string a request body can carry says whether it is {@link SingleLine} or {@link MultiLine}, so that a field
 * added later cannot take control characters by being forgotten. The request records are found from the resources'
 * body parameters (and the records an import or a merge patch reads), then followed through their nested records and
 * lists. Plain reflection, no Quarkus.
 */
class RequestTextTest {

    /** Read from bodies that are not a resource method's parameter: an import's items, a merge patch's result. */
    private static final List<Class<?>> READ_OTHERWISE = List.of(NewPrediction.class, NewSource.class);

    @Test
    void everyStringOfEveryRequestRecordIsSingleLineOrMultiLine() {
        Set<Class<?>> records = new LinkedHashSet<>();
        bodyTypes().forEach(type -> collect(type, records));
        READ_OTHERWISE.forEach(type -> collect(type, records));

        List<String> undeclared = new ArrayList<>();
        for (Class<?> record : records) {
            for (RecordComponent component : record.getRecordComponents()) {
                String name = record.getSimpleName() + "." + component.getName();
                AnnotatedType type = field(record, component).getAnnotatedType();
                if (type.getType() == String.class && !declares(type)) {
                    undeclared.add(name);
                }
                if (type instanceof AnnotatedParameterizedType list
                        && Collection.class.isAssignableFrom(raw(type.getType()))) {
                    AnnotatedType element = list.getAnnotatedActualTypeArguments()[0];
                    if (element.getType() == String.class && !declares(element)) {
                        undeclared.add(name + "[]");
                    }
                }
            }
        }
        assertEquals(List.of(), undeclared, "strings that say neither @SingleLine nor @MultiLine");
        // The walk must have found the records, or it proves nothing.
        Set<String> found = new LinkedHashSet<>();
        records.forEach(r -> found.add(r.getSimpleName()));
        assertTrue(
                found.containsAll(List.of(
                        "NewPrediction",
                        "Quote",
                        "Target",
                        "Metric",
                        "Evidence",
                        "NewSubscription",
                        "NewWebhook",
                        "NewToken",
                        "Assignment",
                        "Resolution",
                        "Deferral",
                        "Withdrawal",
                        "NewForecast",
                        "NewObservation",
                        "NewSource")),
                found.toString());
    }

    /** The types of the endpoints' body parameters: those with no JAX-RS or RESTEasy annotation. */
    private static List<Type> bodyTypes() {
        List<Type> types = new ArrayList<>();
        for (JavaClass resource : new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("app.hindsight")) {
            if (!resource.isAnnotatedWith(jakarta.ws.rs.Path.class)) {
                continue;
            }
            for (Method method : resource.reflect().getDeclaredMethods()) {
                boolean endpoint = false;
                for (Annotation a : method.getAnnotations()) {
                    endpoint |= a.annotationType().isAnnotationPresent(jakarta.ws.rs.HttpMethod.class);
                }
                if (!endpoint) {
                    continue;
                }
                for (Parameter parameter : method.getParameters()) {
                    boolean injected = false;
                    for (Annotation a : parameter.getAnnotations()) {
                        String pkg = a.annotationType().getPackageName();
                        injected |= pkg.startsWith("jakarta.ws.rs") || pkg.startsWith("org.jboss.resteasy");
                    }
                    if (!injected) {
                        types.add(parameter.getParameterizedType());
                    }
                }
            }
        }
        return types;
    }

    /** This record type and the records it holds, directly or in collections. */
    private static void collect(Type type, Set<Class<?>> records) {
        if (type instanceof ParameterizedType parameterized) {
            for (Type argument : parameterized.getActualTypeArguments()) {
                collect(argument, records);
            }
            return;
        }
        if (!(type instanceof Class<?> c)
                || !c.isRecord()
                || !c.getPackageName().startsWith("app.hindsight")) {
            return;
        }
        if (records.add(c)) {
            for (RecordComponent component : c.getRecordComponents()) {
                collect(component.getGenericType(), records);
            }
        }
    }

    private static java.lang.reflect.Field field(Class<?> record, RecordComponent component) {
        try {
            return record.getDeclaredField(component.getName());
        } catch (NoSuchFieldException e) {
            throw new AssertionError(e);
        }
    }

    private static boolean declares(AnnotatedType type) {
        return type.isAnnotationPresent(SingleLine.class) || type.isAnnotationPresent(MultiLine.class);
    }

    private static Class<?> raw(Type type) {
        return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
    }
}
