package io.gvgap.core.results;

import java.util.List;

/**
 * {@code grid.json}, written by {@code gvgap grid} in the grid's folder: every model of a spec judging
 * every model's samples. Each judge has its own run directory ({@code judge-LABEL}) in which all the
 * spec's models generate (the same samples for every judge: seeds do not depend on the judge) and
 * the judge's verifiers score them.
 *
 * @param name the spec's name
 * @param generators the models whose samples are judged, in spec order
 * @param judges the judging models, in spec order
 * @param runDirectories one run directory per judge, in the order of {@code judges}
 * @param cells every generator × judge × task × verifier × filter
 */
public record GridFile(
    String name,
    List<String> generators,
    List<String> judges,
    List<String> runDirectories,
    List<GridCell> cells) {

  /** The file's name in the grid's folder. */
  public static final String FILE = "grid.json";

  /** The run directory of a judge inside the grid's folder. */
  public static String judgeDirectory(String judge) {
    return "judge-" + judge;
  }
}
