package io.gvgap.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gvgap.core.metrics.PassAtK;
import io.gvgap.core.metrics.StrategyMetrics;
import io.gvgap.core.results.DistillationRecord;
import io.gvgap.core.results.RoundDifference;
import io.gvgap.core.results.RoundRecord;
import io.gvgap.core.results.RoundTaskMetrics;
import io.gvgap.core.results.RoundsFile;
import io.gvgap.core.results.SplitRecord;
import io.gvgap.core.results.TaskSplit;
import java.nio.file.Path;
import java.util.List;

/**
 * An improvement study's rounds ({@code rounds.json} beside the round run directories, written by
 * {@code gvgap improve}): the held-out split, then per arm (self-verified, and the oracle control
 * when the study ran one) and per split (evaluation, train) accuracy, pass@1, pass@N, effective
 * diversity and the distilled strategy's gap per round, pass@k curves per round, and the paired
 * round-to-round differences on the evaluation split with their intervals. Drawn once, in the block of round 0's run;
 * shown only in reports that include such a run.
 */
public final class RoundsSection implements ReportSection {

  /** The file the section reads from the run directory's parent. */
  public static final String FILE = RoundsFile.FILE;

  @Override
  public String id() {
    return "rounds";
  }

  @Override
  public String title() {
    return "Self-improvement rounds";
  }

  @Override
  public Definition definition() {
    return Definitions.get("rounds");
  }

  @Override
  public boolean onlyWhenPresent() {
    return true;
  }

  @Override
  public JsonNode data(RunGroups run) {
    Path dir = run.run().directory().toAbsolutePath().normalize();
    Path parent = dir.getParent();
    RoundsFile rounds =
        parent == null ? null : StudyFilesReader.read(parent.resolve(FILE), RoundsFile.class);
    if (rounds == null || rounds.rounds() == null || rounds.rounds().isEmpty()) {
      return null;
    }
    String firstRun = rounds.rounds().get(0).runDirectory();
    Path first = firstRun == null ? null : Path.of(firstRun).getFileName();
    if (first == null || !first.equals(dir.getFileName())) {
      return null;
    }
    String verifier = rounds.verifier();
    String filter = rounds.filter();
    ObjectNode data = JsonTrees.object();
    data.put("study", rounds.study());
    data.put("verifier", verifier);
    data.put("filter", filter);
    data.put("control", rounds.control());
    SplitRecord split = rounds.split();
    if (split != null) {
      ObjectNode s = data.putObject("split");
      JsonTrees.put(s, "train", split.train());
      s.put("seed", split.seed());
      ArrayNode tasks = s.putArray("tasks");
      for (TaskSplit t : split.tasks()) {
        tasks
            .addObject()
            .put("task", t.task())
            .put("trainSize", t.trainSize())
            .put("evalSize", t.evalSize())
            .put("trainHash", t.trainHash())
            .put("evalHash", t.evalHash());
      }
    }
    ArrayNode out = data.putArray("rounds");
    addRows(out, RoundsFile.SELF_ARM, rounds.rounds(), verifier, filter);
    if (rounds.controlRounds() != null) {
      addRows(out, RoundsFile.ORACLE_ARM, rounds.controlRounds(), verifier, filter);
    }
    ArrayNode differences = data.putArray("differences");
    if (rounds.differences() != null) {
      for (RoundDifference d : rounds.differences()) {
        ObjectNode row = differences.addObject();
        row.put("arm", d.arm());
        row.put("task", d.task());
        row.put("from", d.from());
        row.put("to", d.to());
        row.put("prompts", d.prompts());
        row.set("accuracy", JsonTrees.estimate(d.accuracy()));
        row.set("passAtN", JsonTrees.estimate(d.passAtN()));
      }
    }
    return data;
  }

  /** One row per round, split and task of an arm. */
  private static void addRows(
      ArrayNode out, String arm, List<RoundRecord> rounds, String verifier, String filter) {
    for (RoundRecord round : rounds) {
      addRows(out, arm, "evaluation", round, round.evaluation(), verifier, filter);
      addRows(out, arm, "train", round, round.train(), verifier, filter);
    }
  }

  private static void addRows(
      ArrayNode out,
      String arm,
      String split,
      RoundRecord round,
      List<RoundTaskMetrics> tasks,
      String verifier,
      String filter) {
    if (tasks == null) {
      return;
    }
    for (RoundTaskMetrics task : tasks) {
      ObjectNode row = out.addObject();
      row.put("arm", arm);
      row.put("split", split);
      row.put("round", round.round());
      row.put("task", task.task());
      row.put("prompts", task.prompts());
      row.set("accuracy", JsonTrees.estimate(task.accuracy()));
      ArrayNode passAtK = row.putArray("passAtK");
      for (PassAtK p : task.passAtK()) {
        ArrayNode point = passAtK.addArray().add(p.k());
        point.addAll(JsonTrees.estimate(p.estimate()));
      }
      if (task.diversity() != null) {
        JsonTrees.put(row, "distinctCorrect", task.diversity().meanDistinctCorrectSolutions());
      } else {
        row.putNull("distinctCorrect");
      }
      for (StrategyMetrics s : task.strategies()) {
        if (s.verifier().equals(verifier) && s.filter().equals(filter)) {
          row.set("gap", JsonTrees.estimate(s.gap()));
          row.set("relativeGapPooled", JsonTrees.estimate(s.relativeGapPooled()));
        }
      }
      DistillationRecord d = round.distillation();
      if (d != null) {
        row.put("kept", d.keptSamples());
        row.put("distinct", d.distinctSamples());
      }
    }
  }
}
