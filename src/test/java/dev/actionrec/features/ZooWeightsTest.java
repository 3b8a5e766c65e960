package dev.actionrec.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import java.util.zip.Adler32;
import org.deeplearning4j.common.resources.DL4JResources;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Zoo-style weight files (Adler-32 checked, size not published) and sub-folder lookup, against
 * an HTTP server on 127.0.0.1 that the test starts.
 */
class ZooWeightsTest {

    private static final byte[] ARCHIVE = archive();

    @TempDir
    Path home;

    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicReference<byte[]> served = new AtomicReference<>(ARCHIVE);

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = served.get();
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private static byte[] archive() {
        byte[] bytes = new byte[7000];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 17 + 3);
        }
        bytes[0] = 'P';
        bytes[1] = 'K';
        bytes[2] = 3;
        bytes[3] = 4;
        return bytes;
    }

    private static long adler32(byte[] bytes) {
        Adler32 checksum = new Adler32();
        checksum.update(bytes);
        return checksum.getValue();
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    private WeightFile zooFile() {
        return WeightFile.dl4jZoo("tiny_dl4j_inference.zip",
                URI.create(baseUrl() + "models/tiny_dl4j_inference.zip"), adler32(ARCHIVE));
    }

    private WeightsOptions options() {
        return new WeightsOptions(null, null, home, true, Duration.ofSeconds(5),
                Duration.ofSeconds(5));
    }

    private long filesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
    }

    @Test
    void adlerFileDownloadedOnce() throws Exception {
        WeightStore store = new WeightStore(options());

        Path first = store.locate(zooFile());
        Path second = store.locate(zooFile());

        assertEquals(home.resolve("tiny_dl4j_inference.zip"), first);
        assertEquals(first, second);
        assertArrayEquals(ARCHIVE, Files.readAllBytes(first));
        assertEquals(1, requests.get());
    }

    @Test
    void wrongAdlerDownloadRejected() throws Exception {
        byte[] altered = ARCHIVE.clone();
        altered[100] ^= 1;
        served.set(altered);

        WeightsException e = assertThrows(WeightsException.class,
                () -> new WeightStore(options()).locate(zooFile()));

        assertTrue(e.getMessage().contains("Adler-32 checksum " + adler32(altered)),
                e.getMessage());
        assertEquals(0, filesIn(home));
    }

    @Test
    void halfDownloadedFileReplaced() throws Exception {
        Path partial = home.resolve("tiny_dl4j_inference.zip");
        Files.write(partial, Arrays.copyOf(ARCHIVE, ARCHIVE.length / 2));

        Path located = new WeightStore(options()).locate(zooFile());

        assertEquals(partial, located);
        assertArrayEquals(ARCHIVE, Files.readAllBytes(located));
        assertEquals(1, requests.get());
    }

    @Test
    void nonZipRejectedBeforeChecksum(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("tiny_dl4j_inference.zip");
        Files.write(file, "not a zip".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

        WeightsException e = assertThrows(WeightsException.class,
                () -> new WeightStore(options().withWeightsFile(file)).locate(zooFile()));

        assertTrue(e.getMessage().contains("is not a zip archive"), e.getMessage());
    }

    @Test
    void offlineMessageSaysSizeNotPublished() {
        WeightsException e = assertThrows(WeightsException.class,
                () -> new WeightStore(options().withDownload(false)).locate(zooFile()));

        assertTrue(e.getMessage().contains("tiny_dl4j_inference.zip (size not published, "
                + zooFile().url()), e.getMessage());
        assertEquals(0, requests.get());
    }

    @Test
    void weightsDirSubFolderSearched(@TempDir Path dir) throws Exception {
        WeightFile squeezeNet = WeightFile.SQUEEZENET_V1_0_COMPRESSED;
        Path nested = dir.resolve(squeezeNet.folder()).resolve(squeezeNet.fileName());
        Files.createDirectories(nested.getParent());
        Files.write(nested, new byte[] {1, 2, 3});

        WeightsException e = assertThrows(WeightsException.class,
                () -> new WeightStore(options().withWeightsDir(dir)).locate(squeezeNet));

        assertTrue(e.getMessage().contains(nested.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("has 3 bytes"), e.getMessage());
        assertEquals(0, requests.get());
    }

    @Test
    void zooBackboneDownloadsFromZooUrl() {
        String previous = DL4JResources.getBaseDownloadURL();
        DL4JResources.setBaseDownloadURL(baseUrl());
        try {
            WeightFile expected = Backbones.info("squeezenet").weights();
            assertTrue(expected.url().toString().startsWith(baseUrl()), expected.url().toString());

            WeightsException e = assertThrows(WeightsException.class,
                    () -> Backbones.open("squeezenet", options()));

            assertTrue(e.getMessage().contains("Adler-32"), e.getMessage());
            assertTrue(e.getMessage().contains(expected.url().toString()), e.getMessage());
            assertEquals(1, requests.get());
            assertFalse(Files.exists(home.resolve(expected.fileName())));
        } finally {
            DL4JResources.setBaseDownloadURL(previous);
        }
    }
}
