package io.gvgap.core.pipeline;

import io.gvgap.core.store.RunMetrics;
import java.nio.file.Path;

/**
 * What a finished run produced.
 *
 * @param directory the run directory
 * @param resumed whether the run continued an interrupted attempt
 * @param samplesGenerated samples generated in this attempt (0 when all were already stored)
 * @param examplesVerified (verifier, example) pairs verified in this attempt
 * @param metrics the run's metrics, also in {@code metrics.json}
 * @param times wall time of each stage in this attempt (generation, each verifier, ...)
 */
public record RunResult(
    Path directory,
    boolean resumed,
    long samplesGenerated,
    long examplesVerified,
    RunMetrics metrics,
    StageTimes times) {}
