package io.gvgap.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gvgap.core.results.GridCell;
import io.gvgap.core.results.GridFile;
import io.gvgap.core.store.Json;
import java.nio.file.Path;

/**
 * The cross-verification grid of {@code gvgap grid}: generator × judge tables of gaps. The grid's
 * report is made of its judges' runs; the section reads {@code grid.json} from the folder above them
 * and is shown once, with the first judge's run.
 */
public final class GridSection implements ReportSection {

  @Override
  public String id() {
    return "grid";
  }

  @Override
  public String title() {
    return "Cross-verification grid";
  }

  @Override
  public Definition definition() {
    return Definitions.get("grid");
  }

  @Override
  public boolean onlyWhenPresent() {
    return true;
  }

  @Override
  public JsonNode data(RunGroups run) {
    Path directory = run.run().directory().toAbsolutePath().normalize();
    Path parent = directory.getParent();
    if (parent == null) {
      return null;
    }
    GridFile grid = StudyFilesReader.read(parent.resolve(GridFile.FILE), GridFile.class);
    if (grid == null
        || grid.judges().isEmpty()
        || !directory
            .getFileName()
            .toString()
            .equals(GridFile.judgeDirectory(grid.judges().get(0)))) {
      return null; // not a grid's run, or not its first judge: the grid is shown once
    }
    ObjectNode data = JsonTrees.object();
    ArrayNode generators = data.putArray("generators");
    grid.generators().forEach(generators::add);
    ArrayNode judges = data.putArray("judges");
    grid.judges().forEach(judges::add);
    ArrayNode cells = data.putArray("cells");
    for (GridCell cell : grid.cells()) {
      cells.add(Json.mapper().<JsonNode>valueToTree(cell));
    }
    return data;
  }
}
