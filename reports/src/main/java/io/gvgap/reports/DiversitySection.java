package io.gvgap.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gvgap.core.results.DiversityFile;
import io.gvgap.core.results.DiversitySummary;

/**
 * Effective diversity per model × task (distinct solutions and answers, all and correct ones), from
 * the run's {@code diversity.json} that the sample index writes; absent when the run has none.
 */
public final class DiversitySection implements ReportSection {

  /** The file this section reads inside a run directory. */
  public static final String FILE = DiversityFile.FILE;

  @Override
  public String id() {
    return "diversity";
  }

  @Override
  public String title() {
    return "Effective diversity";
  }

  @Override
  public Definition definition() {
    return Definitions.get("diversity");
  }

  @Override
  public boolean onlyWhenPresent() {
    return true;
  }

  @Override
  public JsonNode data(RunGroups run) {
    DiversityFile diversity =
        StudyFilesReader.read(run.run().directory().resolve(FILE), DiversityFile.class);
    if (diversity == null) {
      return null;
    }
    ArrayNode groups = JsonTrees.array();
    for (DiversitySummary g : diversity.groups()) {
      ObjectNode node = groups.addObject();
      node.put("model", g.model());
      node.put("task", g.task());
      node.put("prompts", g.prompts());
      ArrayNode bars = node.putArray("bars");
      JsonTrees.add(bars, g.meanDistinctSolutions());
      JsonTrees.add(bars, g.meanDistinctCorrectSolutions());
      JsonTrees.add(bars, g.meanDistinctAnswers());
      JsonTrees.add(bars, g.meanDistinctCorrectAnswers());
    }
    if (groups.isEmpty()) {
      return null;
    }
    ObjectNode data = JsonTrees.object();
    data.set("groups", groups);
    return data;
  }
}
