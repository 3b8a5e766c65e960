package dev.actionrec.features.onnx;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import com.sun.jna.Library;
import com.sun.jna.Native;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens ONNX Runtime's process-wide environment with its telemetry turned off.
 *
 * <p>The Linux build of ONNX Runtime 1.29 from Maven Central collects usage events, keeps a
 * device identifier under {@code ~/.cache/Microsoft/DeveloperTools/.onnxruntime} and uploads the
 * events to Microsoft, unless the environment variable {@value #OPT_OUT} is 1 when the library
 * starts (pull request 27379 of microsoft/onnxruntime on GitHub describes the opt-out, and the
 * library contains both the variable's name and the collector's address). A running JVM
 * cannot change its environment through Java, so this class sets the variable with the C
 * library's {@code setenv} before ONNX Runtime first starts, and also switches off ONNX Runtime's
 * telemetry events through its API. {@code scripts/actionrec} and the tests set the variable
 * beforehand as well.
 */
public final class OnnxRuntimeEnvironment {

    /** The environment variable that turns off ONNX Runtime's telemetry when it is 1. */
    public static final String OPT_OUT = "ORT_DISABLE_TELEMETRY";

    /**
     * Stack size of the threads that make ONNX Runtime calls. Loading ONNX Runtime 1.29 on a
     * thread with the JVM's default 1 MB stack crashed the JVM with SIGSEGV when the class path
     * was long (about 60 jars, on x86-64 Linux with OpenJDK 17), and 2 MB was enough.
     */
    private static final long STACK_BYTES = 16L << 20;

    private static final Logger log = LoggerFactory.getLogger(OnnxRuntimeEnvironment.class);

    private OnnxRuntimeEnvironment() {}

    /**
     * Returns ONNX Runtime's environment, logging errors only, with telemetry turned off.
     *
     * <p>Call it on a thread of {@link #newCaller(String)}, whose stack is large enough to load
     * ONNX Runtime.
     *
     * @throws OrtException if ONNX Runtime cannot start
     */
    public static synchronized OrtEnvironment get() throws OrtException {
        optOutOfTelemetry();
        OrtEnvironment environment =
                OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR, "actionrec");
        environment.setTelemetry(false);
        return environment;
    }

    /**
     * Returns a single daemon thread with a stack large enough for ONNX Runtime, on which to make
     * every ONNX Runtime call. The caller shuts it down.
     */
    public static ExecutorService newCaller(String name) {
        return Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(null, task, name, STACK_BYTES);
            thread.setDaemon(true);
            return thread;
        });
    }

    private static void optOutOfTelemetry() {
        if ("1".equals(System.getenv(OPT_OUT))) {
            return;
        }
        try {
            if (CLibrary.INSTANCE.setenv(OPT_OUT, "1", 1) != 0) {
                log.warn("Cannot set {}=1; ONNX Runtime may record telemetry", OPT_OUT);
            }
        } catch (LinkageError | RuntimeException e) {
            log.warn("Cannot set {}=1 ({}); ONNX Runtime may record telemetry", OPT_OUT,
                    e.toString());
        }
    }

    /** The C library's environment functions. */
    private interface CLibrary extends Library {
        CLibrary INSTANCE = Native.loadLibrary("c", CLibrary.class);

        int setenv(String name, String value, int overwrite);
    }
}
