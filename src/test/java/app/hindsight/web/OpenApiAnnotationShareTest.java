package app.hindsight.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Resource classes read as the API: what every operation of a shape shares is said once (OpenApiSuccesses,
 * OpenApiErrors), the prose and examples are in openapi/texts.yaml, and the OpenAPI annotations left say what is
 * particular. This keeps them from growing back: lines of MicroProfile OpenAPI annotations (continuation lines
 * included; not the lines that carry a JAX-RS parameter or the method's signature) over all lines of the
 * *Resource classes.
 */
class OpenApiAnnotationShareTest {

    /** Was 34% (981 of 2,876 lines) before the conventions; about 8% with them. */
    private static final double MAX_SHARE = 0.12;

    private static final Pattern IMPORT =
            Pattern.compile("import org\\.eclipse\\.microprofile\\.openapi\\.annotations\\.(?:[\\w.]+\\.)?(\\w+);");
    private static final Pattern ANNOTATION = Pattern.compile("@(\\w+)");
    private static final Pattern CARRIES_CODE = Pattern.compile(
            "@(PathParam|QueryParam|HeaderParam|FormParam|CookieParam|BeanParam|Context|RestForm|RestQuery|RestPath)\\b"
                    + "|^\\s*(public|private|protected)\\b");

    @Test
    void openApiAnnotationsAreASmallShareOfTheResourceClasses() throws IOException {
        int lines = 0;
        int annotations = 0;
        List<String> classes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith("Resource.java")).toList()) {
                List<String> text = Files.readAllLines(file);
                int count = annotationLines(text);
                lines += text.size();
                annotations += count;
                classes.add(file.getFileName() + " " + count + "/" + text.size());
            }
        }
        assertTrue(lines > 1000, "found the resource classes: " + lines + " lines");
        double share = (double) annotations / lines;
        assertTrue(
                share <= MAX_SHARE,
                String.format(
                        "OpenAPI annotations are %d of %d resource lines (%.1f%%, at most %.0f%%): say what every "
                                + "operation of a shape shares in OpenApiSuccesses or OpenApiErrors, and prose or "
                                + "examples in openapi/texts.yaml; %s",
                        annotations, lines, 100 * share, 100 * MAX_SHARE, classes));
    }

    /** The lines of the MicroProfile OpenAPI annotations this class imports, each span to its closing parenthesis. */
    static int annotationLines(List<String> source) {
        // Strings emptied: what they say is not code, and a parenthesis in one must not count.
        List<String> text = source.stream()
                .map(line -> line.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\""))
                .toList();
        Set<String> names = new HashSet<>();
        text.forEach(line -> {
            Matcher m = IMPORT.matcher(line);
            if (m.matches()) {
                names.add(m.group(1));
            }
        });
        Set<Integer> counted = new HashSet<>();
        for (int i = 0; i < text.size(); i++) {
            if (text.get(i).startsWith("import ")) {
                continue;
            }
            Matcher m = ANNOTATION.matcher(text.get(i));
            while (m.find()) {
                if (!names.contains(m.group(1))) {
                    continue;
                }
                int end = spanEnd(text, i, m.end());
                for (int j = i; j <= end; j++) {
                    if (!CARRIES_CODE.matcher(text.get(j)).find()) {
                        counted.add(j);
                    }
                }
                i = end;
                break;
            }
        }
        return counted.size();
    }

    /** The line where an annotation's arguments close; its own line when it has none. */
    private static int spanEnd(List<String> text, int line, int from) {
        int depth = 0;
        for (int j = line; j < text.size(); j++) {
            String s = text.get(j);
            int start = j == line ? Math.min(from, s.length()) : 0;
            if (j == line && (start >= s.length() || s.charAt(start) != '(')) {
                return line;
            }
            for (int k = start; k < s.length(); k++) {
                char c = s.charAt(k);
                if (c == '(') {
                    depth++;
                } else if (c == ')' && --depth == 0) {
                    return j;
                }
            }
        }
        return text.size() - 1;
    }
}
