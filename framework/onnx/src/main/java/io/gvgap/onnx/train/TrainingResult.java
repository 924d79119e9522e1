package io.gvgap.onnx.train;

import java.nio.file.Path;

/**
 * What a finished training run produced.
 *
 * @param modelDirectory the trained model, an ordinary gvgap model directory
 * @param steps optimizer steps taken in all (across resumes)
 * @param tokensSeen input tokens trained on in all
 * @param finalLoss the mean batch loss of the last (up to) 50 steps
 * @param resumedFromStep the checkpoint step this process resumed from (0: started fresh)
 */
public record TrainingResult(
    Path modelDirectory, long steps, long tokensSeen, double finalLoss, long resumedFromStep) {}
