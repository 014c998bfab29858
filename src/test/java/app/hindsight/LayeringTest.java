package app.hindsight;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * The layering, closed by default: whatever package is added later is checked without being listed. Two rules.
 * <ol>
 *   <li>HTTP stays at the edge: only {@code web/} and the resources (the classes JAX-RS serves, {@code @Path}, in
 *       whatever feature package they live) use HTTP types or the web package; so domain code can be called from a
 *       job, an import or a plain test, and a rule is never a status code.
 *   <li>No cycles: the packages under {@code app.hindsight} depend on one another in one direction only, and the
 *       root's classes ({@code HindsightConfig}, {@code Main}, {@code PublicAddress}), which the slices leave out,
 *       depend on no package at all.
 *   <li>Inside a feature, the same: its own package and its subpackages ({@code prediction},
 *       {@code prediction.model}, {@code prediction.store}) form no cycle; so what a prediction is needs nothing of
 *       where it is stored, and neither needs the service and resource above them.
 * </ol>
 * Each is checked twice, on the bytecode (ArchUnit) and on the sources' imports, since javac copies a constant into
 * the class that uses it ({@code Roles.ADMIN} in {@code @RolesAllowed}) and the bytecode then forgets the import. Both
 * are also run over planted violations in test sources ({@code plantedfeature}, {@code plantedpeer}) and must report
 * them. Plain JUnit, no Quarkus.
 */
class LayeringTest {

    private static final String WEB = "app.hindsight.web";

    /**
     * HTTP: JAX-RS and RESTEasy, Vert.x's HTTP server and router, Quarkus's HTTP layer, and the parts of OpenAPI that
     * describe operations (responses, parameters, headers) or filter the document. Not HTTP: OpenAPI's schema
     * annotations, which describe a JSON record wherever it is used; the JDK's HTTP client, with which {@code notify/}
     * sends webhooks; the security identity.
     */
    private static final List<String> HTTP = List.of(
            "jakarta.ws.rs",
            "org.jboss.resteasy",
            "io.vertx.core.http",
            "io.vertx.ext.web",
            "io.quarkus.vertx.http",
            "org.eclipse.microprofile.openapi.annotations.responses",
            "org.eclipse.microprofile.openapi.annotations.parameters",
            "org.eclipse.microprofile.openapi.annotations.headers",
            "org.eclipse.microprofile.openapi.models",
            "io.quarkus.smallrye.openapi");

    /** A resource, and what is nested in it (its records, its lambdas): JAX-RS's own definition, not a name. */
    private static final DescribedPredicate<JavaClass> RESOURCE = DescribedPredicate.describe(
            "resources (@Path) and the classes nested in them",
            c -> topLevel(c).isAnnotatedWith(jakarta.ws.rs.Path.class));

    private static final DescribedPredicate<JavaClass> HTTP_OR_WEB =
            resideInAnyPackage(packages(HTTP)).or(resideInAPackage(WEB + "..")).as("HTTP types or the web package");

    static final ArchRule HTTP_AT_THE_EDGE = noClasses()
            .that()
            .resideOutsideOfPackage(WEB + "..")
            .and(not(RESOURCE))
            .should()
            .dependOnClassesThat(HTTP_OR_WEB)
            .because("domain code answers with domain exceptions, which carry their problem document, and "
                    + "web.ProblemMapper maps them all in one place");

    static final ArchRule NO_CYCLES = slices().matching("app.hindsight.(*)..")
            .namingSlices("$1")
            .should()
            .beFreeOfCycles()
            .because("a package that needs another must not be needed by it: move the class, or invert the "
                    + "dependency with an interface or an event in the lower package");

    /** The packages one level deeper: a feature's own package and each of its subpackages are parts of their own. */
    private static final SliceAssignment FEATURE_PARTS = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass c) {
            String pkg = c.getPackageName();
            return pkg.startsWith("app.hindsight.") ? SliceIdentifier.of(part(pkg)) : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "features and their subpackages";
        }
    };

    static final ArchRule NO_CYCLES_INSIDE_A_FEATURE = slices().assignedFrom(FEATURE_PARTS)
            .should()
            .beFreeOfCycles()
            .because("a feature's subpackages are layers too: what a prediction is (prediction.model) needs nothing "
                    + "of where it is stored (prediction.store), and neither needs the service and resource above "
                    + "them (prediction)");

    static final ArchRule ROOT_BELOW_EVERY_PACKAGE = noClasses()
            .that()
            .resideInAPackage("app.hindsight")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("app.hindsight.*..")
            .because("the configuration and the main class are used by every package, so they use none");

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("app.hindsight");

    @Test
    void httpStaysAtTheEdge() {
        HTTP_AT_THE_EDGE.check(MAIN);
    }

    @Test
    void packagesFormNoCycle() {
        NO_CYCLES.check(MAIN);
        ROOT_BELOW_EVERY_PACKAGE.check(MAIN);
    }

    @Test
    void featuresAreLayeredInside() {
        NO_CYCLES_INSIDE_A_FEATURE.check(MAIN);
    }

    @Test
    void sourcesOfAFeatureImportNoCycle() {
        assertEquals(List.of(), importCycles(sources(Path.of("src/main/java"), "app.hindsight"), LayeringTest::part));
    }

    @Test
    void sourcesImportHttpOnlyAtTheEdge() {
        assertEquals(List.of(), httpImports(sources(Path.of("src/main/java"), "app.hindsight")));
    }

    @Test
    void sourcesImportNoCycle() {
        assertEquals(List.of(), importCycles(sources(Path.of("src/main/java"), "app.hindsight")));
    }

    /** The same rules, over classes that break each of them once: every break is reported, the clean class is not. */
    @Test
    void theRulesReportPlantedViolations() {
        JavaClasses planted = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
                .importPackages("app.hindsight.plantedfeature", "app.hindsight.plantedpeer");

        String http = report(HTTP_AT_THE_EDGE.evaluate(planted));
        for (String leak : List.of("JaxRsLeak", "RouterLeak", "WebHelperLeak", "NamedLikeAResource$StatusResource")) {
            assertTrue(http.contains("app.hindsight.plantedfeature." + leak), leak + " not reported:\n" + http);
        }
        assertFalse(http.contains("plantedfeature.Clean"), http);
        assertFalse(http.contains("plantedfeature.Loop"), http);

        String cycles = report(NO_CYCLES.evaluate(planted));
        assertTrue(cycles.contains("Cycle detected: plantedfeature ->"), cycles);
        assertTrue(cycles.contains("Dependencies of plantedpeer"), cycles);

        String inside = report(NO_CYCLES_INSIDE_A_FEATURE.evaluate(planted));
        assertTrue(inside.contains("plantedfeature.inner"), inside);

        JavaClasses root = new ClassFileImporter().importClasses(PlantedInTheRoot.class);
        assertTrue(report(ROOT_BELOW_EVERY_PACKAGE.evaluate(root)).contains("PlantedInTheRoot"));

        List<Source> sources =
                sources(Path.of("src/test/java"), "app.hindsight.plantedfeature", "app.hindsight.plantedpeer");
        assertEquals(
                List.of(
                        "app/hindsight/plantedfeature/JaxRsLeak.java imports jakarta.ws.rs.core.Response",
                        "app/hindsight/plantedfeature/NamedLikeAResource.java imports jakarta.ws.rs.core.Response",
                        "app/hindsight/plantedfeature/RouterLeak.java imports io.vertx.ext.web.RoutingContext",
                        "app/hindsight/plantedfeature/WebHelperLeak.java imports app.hindsight.web.ETags"),
                httpImports(sources));
        assertEquals(List.of("[plantedfeature, plantedpeer]"), importCycles(sources));
        assertEquals(
                List.of("[plantedfeature, plantedfeature.inner, plantedpeer]"),
                importCycles(sources, LayeringTest::part));
    }

    /** Its own package is the root's: it breaks ROOT_BELOW_EVERY_PACKAGE by using a feature. */
    static class PlantedInTheRoot {
        int size(app.hindsight.plantedpeer.Peer peer) {
            return peer.name().length();
        }
    }

    // --- the same rules over the sources' imports --------------------------------------------------------------

    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)", Pattern.MULTILINE);

    /** A resource's source: its top-level class carries {@code @Path}. */
    private static final Pattern PATH = Pattern.compile("^@Path\\(", Pattern.MULTILINE);

    /** A source file: where it is under its root, its package and its imports. */
    record Source(String file, String pkg, boolean resource, List<String> imports) {}

    /** Every source outside web/ that is not a resource and imports HTTP or web: "file imports name". */
    static List<String> httpImports(List<Source> sources) {
        List<String> offenders = new ArrayList<>();
        for (Source s : sources) {
            if (within(s.pkg(), List.of(WEB)) || s.resource()) {
                continue;
            }
            for (String name : s.imports()) {
                if (within(name, HTTP) || within(name, List.of(WEB))) {
                    offenders.add(s.file() + " imports " + name);
                }
            }
        }
        return offenders.stream().sorted().toList();
    }

    /**
     * The groups of packages that import one another, as "[a, b]" (the root, app.hindsight itself, is "(root)").
     * Two packages are in one group when each reaches the other through imports.
     */
    static List<String> importCycles(List<Source> sources) {
        return importCycles(sources, LayeringTest::slice);
    }

    /** As above, with packages grouped by the given rule (a slice, or a feature's part). */
    static List<String> importCycles(List<Source> sources, UnaryOperator<String> slice) {
        Map<String, Set<String>> uses = new TreeMap<>();
        for (Source s : sources) {
            String from = slice.apply(s.pkg());
            Set<String> targets = uses.computeIfAbsent(from, k -> new TreeSet<>());
            for (String name : s.imports()) {
                if (name.startsWith("app.hindsight.")) {
                    String to = slice.apply(name.substring(0, name.lastIndexOf('.')));
                    if (!to.equals(from)) {
                        targets.add(to);
                    }
                }
            }
        }
        Map<String, Set<String>> reach = new TreeMap<>();
        uses.keySet().forEach(p -> reach.put(p, reachable(p, uses)));
        Set<String> groups = new TreeSet<>();
        for (String p : uses.keySet()) {
            Set<String> group = new TreeSet<>();
            for (String q : reach.get(p)) {
                if (reach.getOrDefault(q, Set.of()).contains(p)) {
                    group.add(q);
                }
            }
            if (group.size() > 1) {
                groups.add(group.toString());
            }
        }
        return List.copyOf(groups);
    }

    private static Set<String> reachable(String from, Map<String, Set<String>> uses) {
        Set<String> seen = new HashSet<>(Set.of(from));
        List<String> todo = new ArrayList<>(List.of(from));
        while (!todo.isEmpty()) {
            for (String next : uses.getOrDefault(todo.remove(todo.size() - 1), Set.of())) {
                if (seen.add(next)) {
                    todo.add(next);
                }
            }
        }
        return seen;
    }

    /** The slice a package belongs to, as ArchUnit's app.hindsight.(*).. names it. */
    private static String slice(String pkg) {
        if (pkg.equals("app.hindsight")) {
            return "(root)";
        }
        String rest = pkg.substring("app.hindsight.".length());
        return rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest;
    }

    /** The part a package belongs to: app.hindsight.prediction.store.x is "prediction.store". */
    static String part(String pkg) {
        if (pkg.equals("app.hindsight")) {
            return "(root)";
        }
        String[] parts = pkg.substring("app.hindsight.".length()).split("\\.");
        return parts.length == 1 ? parts[0] : parts[0] + "." + parts[1];
    }

    private static List<Source> sources(Path root, String... packages) {
        List<Source> sources = new ArrayList<>();
        for (String pkg : packages) {
            try (Stream<Path> files = Files.walk(root.resolve(pkg.replace('.', '/')))) {
                for (Path f : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String text = Files.readString(f);
                    String file = root.relativize(f).toString().replace('\\', '/');
                    List<String> imports = new ArrayList<>();
                    Matcher m = IMPORT.matcher(text);
                    while (m.find()) {
                        imports.add(m.group(1));
                    }
                    String name = file.substring(0, file.lastIndexOf('/')).replace('/', '.');
                    sources.add(new Source(file, name, PATH.matcher(text).find(), imports));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sources;
    }

    private static boolean within(String name, List<String> packages) {
        return packages.stream().anyMatch(p -> name.equals(p) || name.startsWith(p + "."));
    }

    private static String[] packages(List<String> names) {
        return names.stream().map(p -> p + "..").toArray(String[]::new);
    }

    private static String report(EvaluationResult result) {
        assertTrue(result.hasViolation(), "no violation reported");
        return String.join("\n", result.getFailureReport().getDetails());
    }

    private static JavaClass topLevel(JavaClass c) {
        JavaClass top = c;
        while (top.getEnclosingClass().isPresent()) {
            top = top.getEnclosingClass().get();
        }
        return top;
    }
}
