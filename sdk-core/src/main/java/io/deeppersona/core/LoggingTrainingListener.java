package io.deeppersona.core;

import io.deeppersona.spi.TrainingListener;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports training as plain log lines: one per epoch, and a progress line at most every {@code intervalMillis}
 * within an epoch. The default for hosts without a terminal (services, CI, notebooks).
 */
public final class LoggingTrainingListener implements TrainingListener {
    private static final Logger LOG = LoggerFactory.getLogger(LoggingTrainingListener.class);

    private final long intervalMillis;
    private final Map<String, Long> lastLine = new ConcurrentHashMap<>();
    private final Map<String, Long> samplesPerEpoch = new ConcurrentHashMap<>();

    /** Progress lines at most every 10 seconds. */
    public LoggingTrainingListener() {
        this(10_000);
    }

    public LoggingTrainingListener(long intervalMillis) {
        if (intervalMillis < 0) {
            throw new IllegalArgumentException("intervalMillis must be >= 0, got " + intervalMillis);
        }
        this.intervalMillis = intervalMillis;
    }

    @Override
    public void onTrainingStart(String model, int maxEpochs, long samples) {
        samplesPerEpoch.put(model, samples);
        lastLine.put(model, System.currentTimeMillis());
        LOG.info("{}: training for up to {} epochs of {} samples", model, maxEpochs, samples);
    }

    @Override
    public void onBatch(String model, int epoch, long samplesDone, double loss) {
        long now = System.currentTimeMillis();
        Long last = lastLine.get(model);
        if (last != null && now - last < intervalMillis) {
            return;
        }
        lastLine.put(model, now);
        long total = samplesPerEpoch.getOrDefault(model, 0L);
        LOG.info("{}: epoch {}, {}{} samples, loss {}", model, epoch, samplesDone,
                total > 0 ? " of " + total : "", String.format("%.4f", loss));
    }

    @Override
    public void onEpochEnd(String model, int epoch, double loss, Map<String, Double> validation) {
        lastLine.put(model, System.currentTimeMillis());
        LOG.info("{}: epoch {} done, loss {}{}", model, epoch, String.format("%.4f", loss),
                validation.isEmpty() ? "" : ", validation " + validation);
    }

    @Override
    public void onTrainingEnd(String model, String summary) {
        LOG.info("{}: {}", model, summary);
    }
}
