package dev.actionrec.io;

import java.io.IOException;

/**
 * A consumer whose body may throw {@link IOException}, for callbacks that write to a stream.
 *
 * @param <T> the type of the value consumed
 */
@FunctionalInterface
public interface IoConsumer<T> {

    /**
     * Consumes the value.
     *
     * @throws IOException if writing or reading fails
     */
    void accept(T value) throws IOException;
}
