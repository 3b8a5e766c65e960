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
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Weight lookup and download against an HTTP server on 127.0.0.1 that the test starts. */
class WeightStoreTest {

    private static final byte[] CONTENT = content();

    @TempDir
    Path home;

    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicReference<byte[]> served = new AtomicReference<>(CONTENT);
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/weights/tiny.tflite", exchange -> {
            requests.incrementAndGet();
            byte[] body = served.get();
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.createContext("/silent/tiny.tflite", exchange -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stopServer() {
        release.countDown();
        server.stop(0);
    }

    private static byte[] content() {
        byte[] bytes = new byte[5000];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        System.arraycopy("TFL3".getBytes(StandardCharsets.US_ASCII), 0, bytes, 4, 4);
        return bytes;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private WeightFile spec(String path) throws Exception {
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
        return new WeightFile("tiny.tflite", url, CONTENT.length, sha256(CONTENT));
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
    void downloadCachesAndReuses() throws Exception {
        WeightFile file = spec("/weights/tiny.tflite");
        WeightStore store = new WeightStore(options());

        Path first = store.locate(file);
        Path second = store.locate(file);

        assertEquals(home.resolve("tiny.tflite"), first);
        assertEquals(first, second);
        assertArrayEquals(CONTENT, Files.readAllBytes(first));
        assertEquals(1, requests.get());
        assertEquals(1, filesIn(home));
    }

    @Test
    void truncatedDownloadRejected() throws Exception {
        served.set(Arrays.copyOf(CONTENT, CONTENT.length / 2));
        WeightFile file = spec("/weights/tiny.tflite");

        WeightsException e = assertThrows(WeightsException.class,
                () -> new WeightStore(options()).locate(file));

        assertTrue(e.getMessage().contains("2500 bytes, expected 5000"), e.getMessage());
        assertEquals(0, filesIn(home));
    }

    @Test
    void alteredDownloadRejected() throws Exception {
        byte[] altered = CONTENT.clone();
        altered[4000] ^= 1;
        served.set(altered);
        WeightFile file = spec("/weights/tiny.tflite");

        WeightsException e = assertThrows(WeightsException.class,
                () -> new WeightStore(options()).locate(file));

        assertTrue(e.getMessage().contains("SHA-256 " + sha256(altered)), e.getMessage());
        assertEquals(0, filesIn(home));
    }

    @Test
    void damagedCacheReplaced() throws Exception {
        WeightFile file = spec("/weights/tiny.tflite");
        byte[] damaged = CONTENT.clone();
        damaged[100] ^= 1;
        Files.write(home.resolve("tiny.tflite"), damaged);

        Path located = new WeightStore(options()).locate(file);

        assertArrayEquals(CONTENT, Files.readAllBytes(located));
        assertEquals(1, requests.get());
    }

    @Test
    void halfDownloadedCacheReplaced() throws Exception {
        WeightFile file = spec("/weights/tiny.tflite");
        Files.write(home.resolve("tiny.tflite"), Arrays.copyOf(CONTENT, 1000));

        Path located = new WeightStore(options()).locate(file);

        assertArrayEquals(CONTENT, Files.readAllBytes(located));
        assertEquals(1, requests.get());
    }

    @Test
    void silentServerTimesOut() throws Exception {
        WeightFile file = spec("/silent/tiny.tflite");
        WeightsOptions options = options().withTimeouts(Duration.ofSeconds(2),
                Duration.ofMillis(300));

        WeightsException e = assertThrows(WeightsException.class,
                () -> new WeightStore(options).locate(file));

        assertTrue(e.getMessage().contains("timed out"), e.getMessage());
        assertEquals(0, filesIn(home));
    }

    @Test
    void noServerGivesOfflineMessage() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        URI url = URI.create("http://127.0.0.1:" + closedPort + "/weights/tiny.tflite");
        WeightFile file = new WeightFile("tiny.tflite", url, CONTENT.length, sha256(CONTENT));

        WeightsException e = assertThrows(WeightsException.class,
                () -> new WeightStore(options()).locate(file));

        String message = e.getMessage();
        assertTrue(message.contains("tiny.tflite"), message);
        assertTrue(message.contains("5,000 bytes"), message);
        assertTrue(message.contains(url.toString()), message);
        assertTrue(message.contains("ACTIONREC_WEIGHTS"), message);
        assertTrue(message.contains(home.toString()), message);
        assertFalse(message.contains("\n"), message);
    }

    @Test
    void downloadsOffGivesMessage() throws Exception {
        WeightFile file = spec("/weights/tiny.tflite");
        WeightsException e = assertThrows(WeightsException.class,
                () -> new WeightStore(options().withDownload(false)).locate(file));
        assertTrue(e.getMessage().contains("downloads are off"), e.getMessage());
        assertEquals(0, requests.get());
    }

    @Test
    void weightsDirUsedFirst(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("tiny.tflite"), CONTENT);
        WeightFile file = spec("/weights/tiny.tflite");

        Path located = new WeightStore(options().withWeightsDir(dir)).locate(file);

        assertEquals(dir.resolve("tiny.tflite"), located);
        assertEquals(0, requests.get());
    }

    @Test
    void damagedWeightsDirFileRejected(@TempDir Path dir) throws Exception {
        Path damaged = dir.resolve("tiny.tflite");
        Files.write(damaged, Arrays.copyOf(CONTENT, 4000));
        WeightFile file = spec("/weights/tiny.tflite");

        WeightsException e = assertThrows(WeightsException.class,
                () -> new WeightStore(options().withWeightsDir(dir)).locate(file));

        assertTrue(e.getMessage().contains(damaged.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("ACTIONREC_WEIGHTS"), e.getMessage());
        assertTrue(Files.exists(damaged), "a file in the weights folder is never deleted");
        assertEquals(0, requests.get());
    }

    @Test
    void weightsDirWithoutFileFallsBack(@TempDir Path dir) throws Exception {
        WeightFile file = spec("/weights/tiny.tflite");

        Path located = new WeightStore(options().withWeightsDir(dir)).locate(file);

        assertEquals(home.resolve("tiny.tflite"), located);
        assertEquals(1, requests.get());
    }

    @Test
    void explicitFileWrongChecksum(@TempDir Path dir) throws Exception {
        byte[] altered = CONTENT.clone();
        altered[10] ^= 1;
        Path userFile = dir.resolve("other.tflite");
        Files.write(userFile, altered);
        WeightFile file = spec("/weights/tiny.tflite");

        WeightsException e = assertThrows(WeightsException.class,
                () -> new WeightStore(options().withWeightsFile(userFile)).locate(file));

        assertTrue(e.getMessage().contains(userFile.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("SHA-256"), e.getMessage());
        assertEquals(0, requests.get());
    }

    @Test
    void explicitFileNotTflite(@TempDir Path dir) throws Exception {
        Path userFile = dir.resolve("labels.txt");
        Files.writeString(userFile, "background\ntench\n");
        WeightFile file = spec("/weights/tiny.tflite");

        WeightsException e = assertThrows(WeightsException.class,
                () -> new WeightStore(options().withWeightsFile(userFile)).locate(file));

        assertTrue(e.getMessage().contains(userFile.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("not a TensorFlow Lite model"), e.getMessage());
    }

    @Test
    void explicitFileMissing(@TempDir Path dir) throws Exception {
        Path userFile = dir.resolve("missing.tflite");
        WeightFile file = spec("/weights/tiny.tflite");

        WeightsException e = assertThrows(WeightsException.class,
                () -> new WeightStore(options().withWeightsFile(userFile)).locate(file));

        assertTrue(e.getMessage().contains(userFile + " (given as weight file) does not exist"),
                e.getMessage());
    }

    @Test
    void mobileNetSpecMatchesSharedFile() throws Exception {
        Path shared = dev.actionrec.testing.SharedData.resolve(
                "weights/mobilenet_v2_1.0_224_quant.tflite");
        WeightFile file = WeightFile.MOBILENET_V2_QUANT;

        Path located = new WeightStore(options().withWeightsFile(shared)).locate(file);

        assertEquals(shared, located);
        assertEquals(file.sizeBytes(), Files.size(shared));
    }
}
