package app.hindsight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * The configuration page's table against the configuration mapping: every {@code hindsight.*} key of
 * {@link HindsightConfig} has a row, with its environment variable and its real default, and no row names a key that
 * does not exist. Plain JUnit: the keys and defaults are read from the interface by reflection, named as SmallRye
 * names them (kebab case of the method, unless {@code @WithName}; a nested interface is a group), and the default is
 * what {@code application.properties} sets for the packaged app, else {@code @WithDefault}.
 */
class ConfigurationTableTest {

    static final Path PAGE = Path.of("src", "docs", "operations.md");
    static final Path PROPERTIES = Path.of("src", "main", "resources", "application.properties");

    /** A table row: {@code | `key` | `ENV_VAR` | default | what |}. */
    private static final Pattern ROW = Pattern.compile("^\\|\\s*`(hindsight\\.[^`]*)`\\s*\\|(.*)$");

    /** {@code ${NAME:default}}, as application.properties and @WithDefault write an overridable value. */
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{[^:}]*:([^}]*)}");

    /** {@code ${HINDSIGHT_ADMIN_TOKEN:}}: the environment variable application.properties reads a key from. */
    private static final Pattern VARIABLE = Pattern.compile("^\\$\\{([A-Z0-9_]+):");

    private static final Pattern FIRST_CODE_SPAN = Pattern.compile("^`([^`]*)`");

    @Test
    void tableListsEveryKeyWithItsRealDefault() throws IOException {
        List<String> problems = problems(declaredKeys(), Files.readString(PAGE, StandardCharsets.UTF_8));
        assertTrue(problems.isEmpty(), PAGE + ", section Configuration:\n" + String.join("\n", problems));
    }

    @Test
    void keysAndDefaultsAreReadFromTheMapping() throws IOException {
        Map<String, Setting> keys = declaredKeys();
        assertEquals(
                Optional.of("100000"), keys.get("hindsight.list.scan-budget").defaultValue());
        assertEquals(
                Optional.of("6000"),
                keys.get("hindsight.rate-limit.token-per-minute").defaultValue());
        assertEquals(
                Optional.of("http://localhost:8080"),
                keys.get("hindsight.public-url").defaultValue());
        assertEquals(Optional.of("./data"), keys.get("hindsight.data-dir").defaultValue());
        assertEquals(Optional.empty(), keys.get("hindsight.cache.max-size").defaultValue(), "Optional, no default");
        Setting adminToken = keys.get("hindsight.auth.admin-token");
        assertEquals(Optional.empty(), adminToken.defaultValue(), "${HINDSIGHT_ADMIN_TOKEN:} is empty");
        assertEquals(List.of("HINDSIGHT_AUTH_ADMIN_TOKEN", "HINDSIGHT_ADMIN_TOKEN"), adminToken.environment());
        assertTrue(
                keys.keySet().stream().noneMatch(key -> key.matches(".*[A-Z].*")),
                keys.keySet().toString());
    }

    @Test
    void plantedMismatchesAreReported() throws IOException {
        String planted = Files.readString(PAGE, StandardCharsets.UTF_8);
        planted = plant(
                planted,
                "| `hindsight.list.scan-budget` | `HINDSIGHT_LIST_SCAN_BUDGET` | `100000` |",
                "| `hindsight.list.scan-budget` | `HINDSIGHT_LIST_SCAN_BUDGET` | `10000` |");
        planted = plant(
                planted, "| `hindsight.zone` | `HINDSIGHT_ZONE` |", "| `hindsight.zone` | `HINDSIGHT_TIME_ZONE` |");
        planted = plant(planted, "| `hindsight.jobs.run-wait` |", "| `hindsight.jobs.run-wait-planted` |");
        planted = plant(
                planted,
                "| `hindsight.data-dir` |",
                "| `hindsight.cache.max-size` | `HINDSIGHT_CACHE_MAX_SIZE` | `300M` | twice |\n| `hindsight.data-dir` |");
        String problems = String.join("\n", problems(declaredKeys(), planted));
        assertTrue(problems.contains("hindsight.list.scan-budget: the default is `100000`"), problems);
        assertTrue(problems.contains("hindsight.zone: the environment variable is `HINDSIGHT_ZONE`"), problems);
        assertTrue(problems.contains("hindsight.jobs.run-wait: no row"), problems);
        assertTrue(problems.contains("hindsight.jobs.run-wait-planted: no such key"), problems);
        assertTrue(problems.contains("hindsight.cache.max-size: listed twice"), problems);
        assertEquals(5, problems.lines().count(), problems);
    }

    private static String plant(String page, String row, String planted) {
        assertTrue(page.contains(row), "no " + row + " in " + PAGE);
        return page.replace(row, planted);
    }

    /**
     * A key's default (none when it has none), and the environment variables that set it: the one Quarkus maps to
     * every key (HINDSIGHT_AUTH_ADMIN_TOKEN), and one application.properties names (HINDSIGHT_ADMIN_TOKEN).
     */
    record Setting(Optional<String> defaultValue, List<String> environment) {}

    /** What is wrong with the page's configuration table, one line a key. */
    static List<String> problems(Map<String, Setting> declared, String page) {
        List<String> problems = new ArrayList<>();
        Map<String, String[]> rows = new TreeMap<>();
        for (String line : configurationSection(page).lines().toList()) {
            Matcher row = ROW.matcher(line);
            if (!row.matches()) {
                continue;
            }
            String key = row.group(1);
            if (rows.put(key, cells(row.group(2))) != null) {
                problems.add(key + ": listed twice");
            }
        }
        declared.keySet().stream().filter(key -> !rows.containsKey(key)).forEach(key -> problems.add(key + ": no row"));
        rows.forEach((key, cells) -> {
            if (!declared.containsKey(key)) {
                problems.add(key + ": no such key in HindsightConfig");
                return;
            }
            List<String> env = declared.get(key).environment().stream()
                    .map(name -> "`" + name + "`")
                    .toList();
            if (cells.length < 3 || !env.contains(cells[0])) {
                problems.add(key + ": the environment variable is " + String.join(" or ", env) + ", not "
                        + (cells.length > 0 ? cells[0] : "there"));
                return;
            }
            Matcher code = FIRST_CODE_SPAN.matcher(cells[1]);
            Optional<String> listed = code.find() ? Optional.of(code.group(1)) : Optional.empty();
            Optional<String> real = declared.get(key).defaultValue();
            if (!listed.equals(real)) {
                problems.add(key + ": the default is "
                        + real.map(value -> "`" + value + "`").orElse("none") + ", the table says " + cells[1]);
            }
        });
        return problems;
    }

    private static String configurationSection(String page) {
        int start = page.indexOf("\n## Configuration\n");
        assertTrue(start >= 0, "no '## Configuration' in " + PAGE);
        int end = page.indexOf("\n## ", start + 1);
        return end < 0 ? page.substring(start) : page.substring(start, end);
    }

    /** The cells after the key, trimmed; a {@code \|} inside a cell is not a separator. */
    private static String[] cells(String rest) {
        return Arrays.stream(rest.split("(?<!\\\\)\\|")).map(String::trim).toArray(String[]::new);
    }

    /** Every key of the mapping with its default: application.properties' value for the packaged app, else @WithDefault. */
    static Map<String, Setting> declaredKeys() throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(PROPERTIES, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        Map<String, Setting> keys = new TreeMap<>();
        collect(HindsightConfig.class, "hindsight", properties, keys);
        return keys;
    }

    private static void collect(Class<?> group, String prefix, Properties properties, Map<String, Setting> keys) {
        List<Method> methods = Arrays.stream(group.getMethods())
                .filter(method -> Modifier.isAbstract(method.getModifiers()) && method.getParameterCount() == 0)
                .sorted(Comparator.comparing(Method::getName))
                .toList();
        for (Method method : methods) {
            String key = prefix + "." + name(method);
            Class<?> nested = groupOf(method.getGenericReturnType());
            if (nested != null) {
                collect(nested, key, properties, keys);
                continue;
            }
            WithDefault withDefault = method.getAnnotation(WithDefault.class);
            String value = properties.getProperty(key, withDefault == null ? null : withDefault.value());
            List<String> environment = new ArrayList<>();
            environment.add(key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
            Matcher variable = VARIABLE.matcher(properties.getProperty(key, ""));
            if (variable.find()) {
                environment.add(variable.group(1));
            }
            Optional<String> defaultValue = Optional.ofNullable(value)
                    .map(ConfigurationTableTest::resolve)
                    .filter(v -> !v.isEmpty());
            keys.put(key, new Setting(defaultValue, environment));
        }
    }

    /** The name SmallRye gives a method: @WithName, else its kebab case (maxUriLength: max-uri-length). */
    private static String name(Method method) {
        WithName withName = method.getAnnotation(WithName.class);
        if (withName != null) {
            return withName.value();
        }
        return method.getName().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** A nested group: an interface of this application (java.nio.file.Path is an interface too, but a value). */
    private static Class<?> groupOf(Type type) {
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == Optional.class) {
            return groupOf(parameterized.getActualTypeArguments()[0]);
        }
        if (type instanceof Class<?> cls && cls.isInterface() && cls.getName().startsWith("app.hindsight.")) {
            return cls;
        }
        return null;
    }

    /** ${HINDSIGHT_DATA_DIR:./data} is ./data unless the variable is set: the default is what follows the colon. */
    private static String resolve(String value) {
        return EXPRESSION.matcher(value).replaceAll(match -> Matcher.quoteReplacement(match.group(1)));
    }
}
