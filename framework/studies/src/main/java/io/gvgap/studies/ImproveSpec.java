package io.gvgap.studies;

import io.gvgap.core.results.DistillationSettings;
import io.gvgap.core.results.UpdateRule;
import io.gvgap.core.spec.RunSpec;

/**
 * An improvement spec: a run spec (evaluated each round on all its examples, both splits) plus the
 * loop's settings.
 *
 * @param run the run part: one model (the base model, onnx backend), tasks, verifiers, filters
 * @param rounds distillation rounds; rounds 0..rounds are evaluated (round 0 is the base model)
 * @param verifier the label of the verifier whose kept samples are distilled
 * @param filter the label of the filter whose kept samples are distilled
 * @param update which model each distillation starts from
 * @param distillation the fine-tuning settings
 * @param dedup how duplicates are removed from each SFT set
 * @param split how each task's examples are split into a train split (distilled from) and an
 *     evaluation split (never distilled from)
 * @param control the control arm run beside the self-verified arm
 */
public record ImproveSpec(
    RunSpec run,
    int rounds,
    String verifier,
    String filter,
    UpdateRule update,
    DistillationSettings distillation,
    DedupRule dedup,
    HeldOutSplit split,
    ControlArm control) {}
