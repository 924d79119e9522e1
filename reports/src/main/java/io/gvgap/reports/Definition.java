package io.gvgap.reports;

/**
 * The definition of one number or chart of the report, shown in its definitions section and as the
 * hover text of every header, cell and chart title that uses it.
 *
 * @param id the anchor, e.g. {@code gap} (linked as {@code #def-gap})
 * @param term the name as the report writes it, e.g. {@code Gap}
 * @param text the definition
 */
public record Definition(String id, String term, String text) {

  /** The anchor of this definition in the page, e.g. {@code def-gap}. */
  public String anchor() {
    return "def-" + id;
  }
}
