package io.github.codestarconnections.test.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What Maven Central requires of every published POM (name, description, url, licenses, developers,
 * scm: https://central.sonatype.org/publish/requirements/), for the modules the release profile
 * publishes (the parent, lambda, lib, snapshot), and that every other module stays out of the
 * release: skipped by its own POM and excluded from the Central Portal bundle.
 */
class PublishedPomsTest {
  private static final List<String> PUBLISHED = List.of(".", "lambda", "lib", "snapshot");

  private static Element pom(String module) throws Exception {
    Path root = Path.of(System.getProperty("repository.dir"));
    return DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(root.resolve(module).resolve("pom.xml").toFile())
        .getDocumentElement();
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        out.add(e);
      }
    }
    return out;
  }

  private static String text(Element parent, String name) {
    List<Element> found = children(parent, name);
    return found.isEmpty() ? "" : found.get(0).getTextContent().trim();
  }

  @Test
  void theParentCarriesWhatCentralRequiresForEveryModule() throws Exception {
    Element parent = pom(".");
    assertThat(text(parent, "url")).startsWith("https://github.com/");
    assertThat(parent.getAttribute("child.project.url.inherit.append.path")).isEqualTo("false");
    Element license = children(children(parent, "licenses").get(0), "license").get(0);
    assertThat(text(license, "name")).isEqualTo("Apache-2.0");
    assertThat(text(license, "url")).startsWith("https://");
    Element developer = children(children(parent, "developers").get(0), "developer").get(0);
    assertThat(text(developer, "name")).isNotBlank();
    Element scm = children(parent, "scm").get(0);
    assertThat(text(scm, "connection")).startsWith("scm:git:");
    assertThat(text(scm, "developerConnection")).startsWith("scm:git:");
    assertThat(text(scm, "url")).isEqualTo(text(parent, "url"));
    assertThat(scm.getAttribute("child.scm.url.inherit.append.path")).isEqualTo("false");
  }

  @Test
  void everyPublishedModuleNamesAndDescribesItself() throws Exception {
    for (String module : PUBLISHED) {
      Element pom = pom(module);
      assertThat(text(pom, "name")).as(module).isNotBlank();
      assertThat(text(pom, "description")).as(module).isNotBlank();
    }
  }

  @Test
  void everyOtherModuleIsKeptOutOfTheRelease() throws Exception {
    Element parent = pom(".");
    List<String> modules = new ArrayList<>();
    children(children(parent, "modules").get(0), "module")
        .forEach(m -> modules.add(m.getTextContent().trim()));
    NodeList profileModules = parent.getElementsByTagName("module");
    for (int i = 0; i < profileModules.getLength(); i++) {
      String m = profileModules.item(i).getTextContent().trim();
      if (!modules.contains(m)) {
        modules.add(m);
      }
    }
    Map<String, String> unpublished = new TreeMap<>();
    for (String module : modules) {
      if (!PUBLISHED.contains(module)) {
        Element pom = pom(module);
        Element properties = children(pom, "properties").get(0);
        for (String skip :
            List.of("maven.deploy.skip", "maven.source.skip", "maven.javadoc.skip", "gpg.skip")) {
          assertThat(text(properties, skip)).as(module + " " + skip).isEqualTo("true");
        }
        unpublished.put(text(pom, "artifactId"), module);
      }
    }
    assertThat(unpublished).containsOnlyKeys(excludedFromTheBundle(parent));
  }

  private static List<String> excludedFromTheBundle(Element parent) {
    List<String> excluded = new ArrayList<>();
    NodeList list = parent.getElementsByTagName("excludeArtifact");
    for (int i = 0; i < list.getLength(); i++) {
      excluded.add(list.item(i).getTextContent().trim());
    }
    return excluded;
  }
}
