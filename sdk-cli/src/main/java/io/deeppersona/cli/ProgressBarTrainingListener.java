package io.deeppersona.cli;

import io.deeppersona.spi.TrainingListener;
import java.util.Map;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows training on a terminal: one progress bar per model over all its epochs' samples, with ETA, the running loss
 * and the last validation score. Used only when a console is attached; otherwise the CLI logs plain lines.
 */
final class ProgressBarTrainingListener implements TrainingListener {
    private ProgressBar bar;
    private long samplesPerEpoch;
    private String validation = "";

    @Override
    public synchronized void onTrainingStart(String model, int maxEpochs, long samples) {
        closeBar();
        samplesPerEpoch = samples;
        validation = "";
        bar = new ProgressBarBuilder()
                .setTaskName(model)
                .setInitialMax(samples > 0 ? samples * maxEpochs : -1)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(500)
                .setMaxRenderedLength(120)
                .build();
    }

    @Override
    public synchronized void onBatch(String model, int epoch, long samplesDone, double loss) {
        if (bar != null) {
            bar.stepTo((epoch - 1) * samplesPerEpoch + samplesDone);
            bar.setExtraMessage(String.format("epoch %d loss %.4f %s", epoch, loss, validation));
        }
    }

    @Override
    public synchronized void onEpochEnd(String model, int epoch, double loss, Map<String, Double> scores) {
        validation = scores.isEmpty() ? "" : "val " + format(scores);
        if (bar != null) {
            bar.stepTo(epoch * samplesPerEpoch);
            bar.setExtraMessage(String.format("epoch %d loss %.4f %s", epoch, loss, validation));
        }
    }

    @Override
    public synchronized void onTrainingEnd(String model, String summary) {
        closeBar();
        System.err.println(model + ": " + summary);
    }

    private void closeBar() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }

    private static String format(Map<String, Double> scores) {
        StringBuilder text = new StringBuilder();
        scores.forEach((name, value) -> text.append(name).append('=').append(String.format("%.4f", value))
                .append(' '));
        return text.toString().strip();
    }
}
