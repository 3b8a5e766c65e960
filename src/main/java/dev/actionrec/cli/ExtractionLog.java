package dev.actionrec.cli;

import dev.actionrec.features.ExtractionResult;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reports each video of a batch: a progress-bar step, and a log line with its outcome. */
final class ExtractionLog implements Consumer<ExtractionResult> {

    private static final Logger log = LoggerFactory.getLogger(ExtractionLog.class);

    private final Progress progress;
    private final int total;
    private int done;

    ExtractionLog(Progress progress, int total) {
        this.progress = progress;
        this.total = total;
    }

    @Override
    public void accept(ExtractionResult result) {
        done++;
        progress.step();
        if (result.ok()) {
            log.info("[{}/{}] {}: {} frames{}", done, total, result.video(),
                    result.features().steps(), result.cached() ? " (cached features)" : "");
        } else {
            log.warn("[{}/{}] Skipping {}", done, total, result.errorMessage());
        }
    }
}
