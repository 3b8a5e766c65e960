package dev.actionrec.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the read-only folder of real weights, photos and videos that tests use.
 *
 * <p>Looked up in this order: system property {@code actionrec.shared}, environment variable
 * {@code ACTIONREC_SHARED}, then {@code ../shared} beside the project. When the folder is
 * missing, tests that need it are skipped, or fail if {@code ACTIONREC_REQUIRE_SHARED=1} (as in
 * CI), so a CI run can never pass by skipping them.
 */
public final class SharedData {

    private SharedData() {}

    /** Returns the shared folder, or skips (or fails) the calling test when it is absent. */
    public static Path root() {
        Path root = locate();
        boolean present = root != null && Files.isDirectory(root.resolve("weights"));
        if (!present) {
            String message = "shared test data not found (looked at " + root + "); set"
                    + " ACTIONREC_SHARED to the folder with weights/, photos/ and videos/";
            if ("1".equals(System.getenv("ACTIONREC_REQUIRE_SHARED"))) {
                fail(message);
            }
            assumeTrue(false, message);
        }
        return root;
    }

    /** Returns a file or folder inside the shared folder, skipping the test if it is absent. */
    public static Path resolve(String relative) {
        Path path = root().resolve(relative);
        if (!Files.exists(path)) {
            fail("missing shared file " + path);
        }
        return path;
    }

    private static Path locate() {
        String configured = System.getProperty("actionrec.shared", System.getenv("ACTIONREC_SHARED"));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        String projectDir = System.getProperty("actionrec.projectDir", ".");
        return Path.of(projectDir).toAbsolutePath().resolve("../shared").normalize();
    }
}
