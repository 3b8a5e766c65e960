package dev.actionrec.train;

/**
 * Settings of the training loop.
 *
 * @param epochs maximum number of passes over the training set
 * @param batchSize clips per gradient step
 * @param patience epochs without a lower validation loss before training stops; 0 disables
 *     early stopping
 * @param seed seed of the shuffling order
 */
public record TrainingOptions(int epochs, int batchSize, int patience, long seed) {

    public TrainingOptions {
        if (epochs < 1) {
            throw new IllegalArgumentException("--epochs must be at least 1, got " + epochs);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("--batch-size must be at least 1, got " + batchSize);
        }
        if (patience < 0) {
            throw new IllegalArgumentException("--patience must be 0 or more, got " + patience);
        }
    }
}
