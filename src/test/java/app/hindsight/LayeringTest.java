package app.hindsight;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * HTTP stays at the edge: the features' domain code (entities, services, policies, jobs) neither uses JAX-RS nor
 * the web package, so it can be called from a job, an import or a plain test, and a rule is never a status code.
 * Resources, and the few classes that are HTTP by nature, are the exceptions. Plain ArchUnit, no Quarkus.
 */
class LayeringTest {

    /** The packages whose code is the domain. {@code web/} is HTTP; resources are exempt below. */
    private static final String[] DOMAIN = {
        "app.hindsight.domain..",
        "app.hindsight.json..",
        "app.hindsight.csv..",
        "app.hindsight.net..",
        "app.hindsight.prediction..",
        "app.hindsight.review..",
        "app.hindsight.seed..",
        "app.hindsight.source..",
        "app.hindsight.security..",
        "app.hindsight.notify..",
        "app.hindsight.jobs..",
        "app.hindsight.calendar..",
        "app.hindsight.digest..",
        "app.hindsight.text..",
        "app.hindsight.time..",
        "app.hindsight.trajectory..",
        "app.hindsight.intake.."
    };

    /** HTTP by nature, though not named so: an OpenAPI meta-annotation for resources, the bearer-token mechanism. */
    private static final Set<String> HTTP_BY_NATURE =
            Set.of("app.hindsight.web.TransitionResponses", "app.hindsight.web.BearerTokenMechanism");

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("app.hindsight");

    private static final DescribedPredicate<JavaClass> HTTP_SIDE =
            DescribedPredicate.describe("resources and what is HTTP by nature", c -> {
                String name = topLevel(c).getName();
                return name.endsWith("Resource") || HTTP_BY_NATURE.contains(name);
            });

    @Test
    void domainCodeUsesNeitherJaxRsNorTheWebPackage() {
        noClasses()
                .that()
                .resideInAnyPackage(DOMAIN)
                .and(DescribedPredicate.not(HTTP_SIDE))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("jakarta.ws.rs..", "org.jboss.resteasy..", "app.hindsight.web..")
                .because("domain code throws domain exceptions, which web.ProblemMapper maps in one place")
                .check(CLASSES);
    }

    /** The bytecode forgets an import nothing uses; the sources do not. */
    @Test
    void domainSourcesImportNeitherJaxRsNorTheWebPackage() throws IOException {
        Pattern http = Pattern.compile(
                "^import\\s+(static\\s+)?(jakarta\\.ws\\.rs|org\\.jboss\\.resteasy|app\\.hindsight\\.web)\\.",
                Pattern.MULTILINE);
        Path root = Path.of("src/main/java");
        List<String> offenders;
        try (Stream<Path> files = Files.walk(root.resolve("app/hindsight"))) {
            offenders = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> {
                        String name =
                                root.relativize(f).toString().replace('/', '.').replaceFirst("\\.java$", "");
                        String pkg = name.substring(0, name.lastIndexOf('.'));
                        return Stream.of(DOMAIN)
                                        .anyMatch(d ->
                                                pkg.equals(d.replace("..", "")) || pkg.startsWith(d.replace("..", ".")))
                                && !name.endsWith("Resource")
                                && !HTTP_BY_NATURE.contains(name);
                    })
                    .filter(f -> {
                        try {
                            return http.matcher(Files.readString(f)).find();
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .map(f -> root.relativize(f).toString())
                    .sorted()
                    .toList();
        }
        assertEquals(List.of(), offenders, "domain sources that import JAX-RS or web");
    }

    private static JavaClass topLevel(JavaClass c) {
        JavaClass top = c;
        while (top.getEnclosingClass().isPresent()) {
            top = top.getEnclosingClass().get();
        }
        return top;
    }
}
