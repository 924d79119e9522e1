package io.gvgap.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gvgap.core.store.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Effective diversity per model × task (distinct solutions and answers, all and correct ones), from
 * the run's {@code diversity.json} that the sample index writes; absent when the run has none.
 */
public final class DiversitySection implements ReportSection {

  /** The file this section reads inside a run directory. */
  public static final String FILE = "diversity.json";

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
    Path file = run.run().directory().resolve(FILE);
    if (!Files.exists(file)) {
      return null;
    }
    JsonNode root;
    try {
      root = Json.mapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": not a valid diversity file", e);
    }
    ArrayNode groups = JsonTrees.array();
    for (JsonNode g : root.path("groups")) {
      ObjectNode node = groups.addObject();
      node.put("model", g.path("model").asText());
      node.put("task", g.path("task").asText());
      node.put("prompts", g.path("prompts").asInt());
      ArrayNode bars = node.putArray("bars");
      bars.add(g.path("meanDistinctSolutions").asDouble());
      bars.add(g.path("meanDistinctCorrectSolutions").asDouble());
      bars.add(g.path("meanDistinctAnswers").asDouble());
      bars.add(g.path("meanDistinctCorrectAnswers").asDouble());
    }
    if (groups.isEmpty()) {
      return null;
    }
    ObjectNode data = JsonTrees.object();
    data.set("groups", groups);
    return data;
  }
}
