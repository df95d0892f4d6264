package th.onecitizen.bff.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The brief asks for one test per security case and per PDPA requirement, named after its id, and for the build to
 * fail when an id lacks one. The ids are listed in {@code case-ids/*.txt}; the tests are found by name in the test
 * sources of every module of this repository.
 */
class CaseCoverageTests {

    /** A test method named {@code S_AS_01_...} or {@code R19_5_...}. */
    private static final Pattern TEST_METHOD = Pattern.compile("\\bvoid\\s+((?:S_[A-Z]{2}_\\d{2})|(?:R\\d{2}_\\d))_\\w*\\s*\\(");

    @Test
    void everySecurityCaseHasATestNamedAfterItsId() {
        assertThat(missing("case-ids/security.txt")).as("security cases without a test named after them").isEmpty();
    }

    @Test
    void everyPdpaRequirementHasATestNamedAfterItsId() {
        assertThat(missing("case-ids/pdpa.txt")).as("PDPA requirements without a test named after them").isEmpty();
    }

    @Test
    void idListsAreNotEmptyAndTheScanFindsTests() {
        assertThat(ids("case-ids/security.txt")).hasSizeGreaterThan(50).contains("S-AS-01", "S-AB-04");
        assertThat(ids("case-ids/pdpa.txt")).hasSizeGreaterThan(25).contains("R19.1", "R41.1");
        assertThat(testedIds()).contains("S_AS_01", "R19_5");
    }

    private static Set<String> missing(String resource) {
        Set<String> tested = testedIds();
        Set<String> missing = new TreeSet<>();
        for (String id : ids(resource)) {
            if (!tested.contains(id.replace('-', '_').replace('.', '_'))) {
                missing.add(id);
            }
        }
        return missing;
    }

    private static List<String> ids(String resource) {
        try (InputStream in = CaseCoverageTests.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ids named by test methods anywhere under {@code <module>/src/test/java} of this repository. */
    private static Set<String> testedIds() {
        Path root = Path.of("").toAbsolutePath().getParent();
        assertThat(root.resolve("pom.xml")).as("the repository root, seen from the bff module").exists();
        Set<String> found = new TreeSet<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path module : modules.filter(p -> Files.isDirectory(p.resolve("src/test/java"))).toList()) {
                try (Stream<Path> files = Files.walk(module.resolve("src/test/java"))) {
                    for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                        Matcher m = TEST_METHOD.matcher(Files.readString(file));
                        while (m.find()) {
                            found.add(m.group(1));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }
}
