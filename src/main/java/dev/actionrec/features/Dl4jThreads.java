package dev.actionrec.features;

import org.nd4j.linalg.factory.Nd4j;

/** Sets the threads that ND4J's native operations and its BLAS library use in this process. */
final class Dl4jThreads {

    private Dl4jThreads() {}

    /** Caps ND4J's OpenMP threads and the BLAS threads at {@code threads}. */
    static void set(int threads) {
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        Nd4j.factory().blas().setMaxThreads(threads);
    }
}
