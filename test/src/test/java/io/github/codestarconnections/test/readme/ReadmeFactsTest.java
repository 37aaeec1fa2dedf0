package io.github.codestarconnections.test.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.codestarconnections.Connection;
import io.github.codestarconnections.IConnection;
import io.github.codestarconnections.ReadinessCheck;
import io.github.codestarconnections.test.templates.ExampleTemplates;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;

/**
 * What README.md tells a user to type and to expect, held to the build: the coordinates and
 * versions in "Use it in your app" and "Testing your own stacks" are the POMs', and the resource
 * counts the lookup and readiness sections give are what lib synthesizes. (What needs a CDK app of
 * the user's own, cdk init's output, the jsii banner and the cfn-lint command, is run by
 * .ci/new-user-app.)
 */
class ReadmeFactsTest {
  private static final String GROUP = "io.github.codestarconnections";

  private static Path root() {
    return Path.of(System.getProperty("repository.dir"));
  }

  private static String readme() throws IOException {
    return Files.readString(root().resolve("README.md"), StandardCharsets.UTF_8);
  }

  /** README's text with every run of white space one space, for sentences that wrap. */
  private static String prose() throws IOException {
    return readme().replaceAll("\\s+", " ");
  }

  private static Element pom(String module) throws Exception {
    Document doc =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(root().resolve(module).resolve("pom.xml").toFile());
    return doc.getDocumentElement();
  }

  private static String child(Element parent, String name) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        return e.getTextContent().trim();
      }
    }
    return null;
  }

  private static Element childElement(Element parent, String name) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        return e;
      }
    }
    throw new AssertionError("no <" + name + "> in <" + parent.getTagName() + ">");
  }

  private static String version() throws Exception {
    return child(pom("."), "version");
  }

  private static String property(String name) throws Exception {
    return child(childElement(pom("."), "properties"), name);
  }

  /** The XML block after README's {@code <!-- ci:app-pom -->} marker, as an element. */
  private static Element appPomSnippet() throws Exception {
    String readme = readme();
    int marker = readme.indexOf("<!-- ci:app-pom -->");
    assertThat(marker).as("README has the ci:app-pom marker").isNotNegative();
    int start = readme.indexOf("```xml\n", marker) + "```xml\n".length();
    String xml = readme.substring(start, readme.indexOf("```", start));
    return DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(
            new java.io.ByteArrayInputStream(
                ("<project>" + xml + "</project>").getBytes(StandardCharsets.UTF_8)))
        .getDocumentElement();
  }

  @Test
  void theAppPomSnippetNamesTheBuildsArtifactsVersionAndAwsCdkLib() throws Exception {
    Element snippet = appPomSnippet();
    assertThat(child(childElement(snippet, "properties"), "cdk.version"))
        .isEqualTo(property("aws-cdk-lib.version"));
    List<String> dependencies = new ArrayList<>();
    Element deps = childElement(snippet, "dependencies");
    for (Node n = deps.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element d) {
        dependencies.add(
            child(d, "groupId")
                + ":"
                + child(d, "artifactId")
                + ":"
                + child(d, "version")
                + ":"
                + (child(d, "scope") == null ? "compile" : child(d, "scope")));
      }
    }
    assertThat(dependencies)
        .containsExactly(
            GROUP + ":" + child(pom("lib"), "artifactId") + ":" + version() + ":compile",
            GROUP + ":" + child(pom("snapshot"), "artifactId") + ":" + version() + ":test");
  }

  @Test
  void theGradleLinesNameTheSameCoordinates() throws Exception {
    Matcher m =
        Pattern.compile("(implementation|testImplementation)\\(\"([^\"]+)\"\\)").matcher(readme());
    Map<String, String> lines = new TreeMap<>();
    while (m.find()) {
      lines.put(m.group(2), m.group(1));
    }
    assertThat(lines)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "software.amazon.awscdk:aws-cdk-lib:" + property("aws-cdk-lib.version"),
                "implementation",
                GROUP + ":" + child(pom("lib"), "artifactId") + ":" + version(),
                "implementation",
                GROUP + ":" + child(pom("snapshot"), "artifactId") + ":" + version(),
                "testImplementation"));
  }

  @Test
  void everyVersionOfTheLibraryInTheReadmeIsTheBuilds() throws Exception {
    Matcher xml =
        Pattern.compile(
                "<artifactId>(codestarconnections-[a-z-]+)</artifactId>\\s*<version>([^<]+)</version>")
            .matcher(readme());
    int found = 0;
    while (xml.find()) {
      assertThat(xml.group(2)).as(xml.group(1)).isEqualTo(version());
      found++;
    }
    assertThat(found).as("dependency blocks in README").isGreaterThanOrEqualTo(3);
  }

  @Test
  void theAwsCdkLibVersionsAndTheCliAreTheBuilds() throws Exception {
    String prose = prose();
    String pinned = property("aws-cdk-lib.version");
    String floor = property("aws-cdk-lib.floor");
    assertThat(prose)
        .contains("init app --language java --lib-version " + pinned)
        .contains(
            "Declare a fixed version: "
                + pinned
                + ", or any newer 2.x you test with; "
                + floor
                + " is the oldest supported")
        .contains("| aws-cdk-lib | " + floor + " or any newer 2.x | " + pinned);
    Matcher cli = Pattern.compile("aws-cdk@([0-9.]+)").matcher(prose);
    List<String> clis = new ArrayList<>();
    while (cli.find()) {
      clis.add(cli.group(1));
    }
    assertThat(clis).hasSizeGreaterThanOrEqualTo(3).containsOnly(clis.get(0));
  }

  @Test
  void theLibraryPutsNothingOnAnAppsClassPath() throws Exception {
    Element deps = childElement(pom("lib"), "dependencies");
    List<String> scopes = new ArrayList<>();
    for (Node n = deps.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element d) {
        scopes.add(child(d, "artifactId") + " " + child(d, "scope"));
      }
    }
    assertThat(scopes).allMatch(s -> s.endsWith(" provided") || s.endsWith(" test"));
  }

  private static Map<String, Integer> types(Stack stack) {
    Map<String, Integer> count = new TreeMap<>();
    Template.fromStack(stack).toJSON().entrySet().stream()
        .filter(e -> e.getKey().equals("Resources"))
        .forEach(
            e ->
                ((Map<?, ?>) e.getValue())
                    .values()
                    .forEach(
                        r ->
                            count.merge(
                                String.valueOf(((Map<?, ?>) r).get("Type")), 1, Integer::sum)));
    return count;
  }

  private static int total(Map<String, Integer> types) {
    return types.values().stream().mapToInt(Integer::intValue).sum();
  }

  private static Stack stack(String id) {
    return new Stack(App.Builder.create().context(ExampleTemplates.cdkJsonContext()).build(), id);
  }

  @Test
  void whatALookupAndACheckAddIsWhatTheReadmeSays() throws Exception {
    Stack lookupOnly = stack("Lookup");
    IConnection found = Connection.fromConnectionName(lookupOnly, "GitHub", "acme-github");
    Map<String, Integer> withLookup = types(lookupOnly);
    Map<String, Integer> provider = new TreeMap<>(withLookup);
    provider.remove("Custom::CodeStarConnectionsConnectionLookup");
    assertThat(withLookup).containsEntry("Custom::CodeStarConnectionsConnectionLookup", 1);
    assertThat(found.getConnectionName()).isEqualTo("acme-github");

    Stack checkOnly = stack("Check");
    ReadinessCheck.Builder.create(checkOnly, "Ready")
        .connection(
            Connection.fromConnectionArn(
                checkOnly,
                "GitHub",
                "arn:aws:codeconnections:eu-west-1:123456789012:connection/"
                    + "0b1c2d3e-4f5a-6b7c-8d9e-0f1a2b3c4d5e"))
        .build();
    Map<String, Integer> withCheck = types(checkOnly);
    assertThat(Template.fromStack(checkOnly).findOutputs("*")).hasSize(1);

    Stack both = stack("Both");
    ReadinessCheck.Builder.create(both, "Ready")
        .connection(Connection.fromConnectionName(both, "GitHub", "acme-github"))
        .build();
    Connection.fromConnectionName(both, "GitLab", "acme-gitlab");
    Map<String, Integer> twoLookupsAndACheck = types(both);

    String prose = prose();
    assertThat(prose)
        .contains(
            total(provider)
                + " resources, namely "
                + provider.get("AWS::Lambda::Function")
                + " Lambda functions")
        .contains(
            "the framework's Step Functions state machine (its waiter), "
                + provider.get("AWS::IAM::Role")
                + " IAM roles with a default policy each, and "
                + provider.get("AWS::Logs::LogGroup")
                + " log groups")
        .contains(
            "a stack with one lookup and nothing else has " + total(withLookup) + " resources")
        .contains(
            "one check on an imported connection and nothing else has "
                + total(withCheck)
                + " resources")
        .contains("one with a lookup and a check on it " + (total(twoLookupsAndACheck) - 1));
    assertThat(provider)
        .containsEntry("AWS::StepFunctions::StateMachine", 1)
        .containsEntry("AWS::IAM::Policy", provider.get("AWS::IAM::Role"));
    assertThat(total(provider))
        .isEqualTo(
            provider.get("AWS::Lambda::Function")
                + 1
                + 2 * provider.get("AWS::IAM::Role")
                + provider.get("AWS::Logs::LogGroup"));
    // A check: itself and its policy; a further lookup: itself.
    assertThat(total(withCheck) - total(provider)).isEqualTo(2);
    assertThat(withCheck).containsEntry("AWS::IAM::Policy", provider.get("AWS::IAM::Policy") + 1);
    assertThat(total(twoLookupsAndACheck)).isEqualTo(total(provider) + 2 + 2);
  }
}
