package dev.actionrec.train;

/** Training cannot go on, for example because the loss became NaN or infinite. */
public class TrainingException extends RuntimeException {

    public TrainingException(String message) {
        super(message);
    }
}
