package io.gvgap.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * The parent POM for plugin authors pins what a fresh plugin project needs for the kit to run at all
 * (Maven 3.8's default Surefire 2.12.4 runs it as 0 tests and passes), and stays at gvgap's version.
 */
class PluginParentPomTest {
  private static final Path ROOT = Path.of("..", "..").toAbsolutePath().normalize();

  private static Document read(Path pom) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(pom.toFile());
  }

  private static String plugin(String artifactId, String field) {
    return "/project/build/pluginManagement/plugins/plugin[artifactId='" + artifactId + "']/"
        + field;
  }

  @Test
  void pinsSurefire3FailingOnZeroTestsTheRelease17CompilerAndGvgapsVersions() throws Exception {
    Document parent = read(ROOT.resolve("framework/plugin-parent/pom.xml"));
    String gvgapVersion = xpath(read(ROOT.resolve("pom.xml")), "/project/version");

    assertThat(xpath(parent, "/project/artifactId")).isEqualTo("gvgap-plugin-parent");
    assertThat(xpath(parent, "/project/version"))
        .as("the plugin parent's version")
        .isEqualTo(gvgapVersion);
    assertThat(xpath(parent, "/project/properties/gvgap.version"))
        .as("gvgap.version")
        .isEqualTo(gvgapVersion);
    assertThat(xpath(parent, "/project/parent/artifactId"))
        .as("inherits nothing from gvgap's own build")
        .isEmpty();
    String surefire = xpath(parent, plugin("maven-surefire-plugin", "version"));
    assertThat(Integer.parseInt(surefire.split("\\.")[0]))
        .as("Surefire %s runs JUnit 5", surefire)
        .isGreaterThanOrEqualTo(3);
    assertThat(xpath(parent, plugin("maven-surefire-plugin", "configuration/failIfNoTests")))
        .isEqualTo("true");
    assertThat(xpath(parent, "/project/properties/maven.compiler.release")).isEqualTo("17");
    assertThat(xpath(parent, plugin("maven-compiler-plugin", "version"))).isNotEmpty();
    for (String artifact : new String[] {"gvgap-api", "gvgap-testkit"}) {
      assertThat(xpath(
              parent,
              "/project/dependencyManagement/dependencies/dependency[artifactId='" + artifact
                  + "']/version"))
          .as("managed version of %s", artifact)
          .isEqualTo("${gvgap.version}");
    }
  }

  @Test
  void theExamplesBuildOnIt() throws Exception {
    Document examples = read(ROOT.resolve("examples/pom.xml"));
    String gvgapVersion = xpath(read(ROOT.resolve("pom.xml")), "/project/version");

    assertThat(xpath(examples, "/project/parent/artifactId")).isEqualTo("gvgap-plugin-parent");
    assertThat(xpath(examples, "/project/parent/version")).isEqualTo(gvgapVersion);
  }

  /** Evaluates a path of element names, ignoring the POM namespace; [name='value'] selects by a child's text. */
  private static String xpath(Document pom, String path) throws Exception {
    StringBuilder expression = new StringBuilder();
    for (String step : path.substring(1).split("/(?![^\\[]*\\])")) {
      int bracket = step.indexOf('[');
      String name = bracket < 0 ? step : step.substring(0, bracket);
      expression.append("/*[local-name()='").append(name).append("']");
      if (bracket >= 0) {
        String[] condition = step.substring(bracket + 1, step.length() - 1).split("=", 2);
        expression
            .append("[*[local-name()='")
            .append(condition[0])
            .append("']=")
            .append(condition[1])
            .append("]");
      }
    }
    return XPathFactory.newInstance()
        .newXPath()
        .evaluate(expression.toString(), pom)
        .strip();
  }
}
