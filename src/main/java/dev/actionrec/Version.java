package dev.actionrec;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of actionrec, taken from the build. */
public final class Version {

    private static final String VERSION = load();

    private Version() {}

    /** Returns the version string, or {@code unknown} when run outside a Maven build. */
    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream("/actionrec.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
