package io.gvgap.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;

/**
 * An improvement study's rounds ({@code rounds.json} beside the round run directories, written by
 * {@code gvgap improve}): accuracy, pass@1, pass@N, effective diversity and the distilled
 * strategy's gap per round, and pass@k curves per round. Drawn once, in the block of round 0's run;
 * shown only in reports that include such a run.
 */
public final class RoundsSection implements ReportSection {

  /** The file the section reads from the run directory's parent. */
  public static final String FILE = "rounds.json";

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
    JsonNode rounds = parent == null ? null : StudyFilesReader.read(parent.resolve(FILE));
    if (rounds == null || !rounds.path("rounds").isArray() || rounds.get("rounds").isEmpty()) {
      return null;
    }
    Path first = Path.of(rounds.get("rounds").get(0).path("runDirectory").asText("")).getFileName();
    if (first == null || !first.equals(dir.getFileName())) {
      return null;
    }
    String verifier = rounds.path("verifier").asText();
    String filter = rounds.path("filter").asText();
    ObjectNode data = JsonTrees.object();
    data.put("study", rounds.path("study").asText());
    data.put("verifier", verifier);
    data.put("filter", filter);
    ArrayNode out = data.putArray("rounds");
    for (JsonNode round : rounds.get("rounds")) {
      for (JsonNode task : round.path("tasks")) {
        ObjectNode row = out.addObject();
        row.put("round", round.path("round").asInt());
        row.put("task", task.path("task").asText());
        row.set("accuracy", estimate(task.path("accuracy")));
        ArrayNode passAtK = row.putArray("passAtK");
        for (JsonNode p : task.path("passAtK")) {
          ArrayNode point = passAtK.addArray().add(p.path("k").asInt());
          point.addAll(estimate(p.path("estimate")));
        }
        row.set("distinctCorrect", task.path("diversity").path("distinctCorrectSolutions"));
        for (JsonNode s : task.path("strategies")) {
          if (s.path("verifier").asText().equals(verifier) && s.path("filter").asText().equals(filter)) {
            row.set("gap", estimate(s.path("gap")));
            row.set("relativeGapPooled", estimate(s.path("relativeGapPooled")));
          }
        }
        JsonNode d = round.path("distillation");
        if (d.isObject()) {
          row.put("kept", d.path("keptSamples").asInt());
          row.put("distinct", d.path("distinctSamples").asInt());
        }
      }
    }
    return data;
  }

  private static ArrayNode estimate(JsonNode e) {
    ArrayNode a = JsonTrees.array();
    a.add(e.path("value"));
    a.add(e.path("lower"));
    a.add(e.path("upper"));
    return a;
  }
}
