package io.gvgap.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gvgap.core.metrics.PassAtK;
import io.gvgap.core.metrics.StrategyMetrics;
import io.gvgap.core.results.DistillationRecord;
import io.gvgap.core.results.RoundRecord;
import io.gvgap.core.results.RoundTaskMetrics;
import io.gvgap.core.results.RoundsFile;
import java.nio.file.Path;

/**
 * An improvement study's rounds ({@code rounds.json} beside the round run directories, written by
 * {@code gvgap improve}): accuracy, pass@1, pass@N, effective diversity and the distilled
 * strategy's gap per round, and pass@k curves per round. Drawn once, in the block of round 0's run;
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
    ArrayNode out = data.putArray("rounds");
    for (RoundRecord round : rounds.rounds()) {
      for (RoundTaskMetrics task : round.tasks()) {
        ObjectNode row = out.addObject();
        row.put("round", round.round());
        row.put("task", task.task());
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
    return data;
  }
}
