package io.github.codestarconnections;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.codepipeline.Artifact;
import software.amazon.awscdk.services.codepipeline.GitPullRequestFilter;
import software.amazon.awscdk.services.codepipeline.GitPushFilter;

/** Trigger filters CodePipeline would reject fail when the action is made, naming what and why. */
class TriggerRulesTest {
  private static final String WHO = "ConnectionSourceAction 'GitHub'";
  private final IConnection connection =
      Connection.fromConnectionArn(
          new Stack(new App(), "Stack"), "C", ConnectionSourceActionTest.CODESTAR_ARN);

  private ConnectionSourceAction.Builder action() {
    return ConnectionSourceActionTest.source(connection, new Artifact("Source"))
        .actionName("GitHub");
  }

  private ConnectionSourceAction push(GitPushFilter... filters) {
    return action().pushFilters(Arrays.asList(filters)).build();
  }

  private ConnectionSourceAction pullRequest(GitPullRequestFilter... filters) {
    return action().pullRequestFilters(Arrays.asList(filters)).build();
  }

  private static GitPushFilter branches(String... names) {
    return GitPushFilter.builder().branchesIncludes(List.of(names)).build();
  }

  @Test
  void aPushFilterIsTagsBranchesOrBranchesWithFilePaths() {
    assertThatThrownBy(
            () ->
                push(
                    GitPushFilter.builder()
                        .tagsIncludes(List.of("v*"))
                        .branchesIncludes(List.of("main"))
                        .build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            WHO
                + ": pushFilters[0] gives tags together with branches; a push filter filters on"
                + " tags, on branches, or on branches and file paths (one filter per combination;"
                + " https://docs.aws.amazon.com/codepipeline/latest/userguide/pipelines-filter.html)");
    assertThatThrownBy(
            () ->
                push(
                    branches("main"),
                    GitPushFilter.builder()
                        .tagsExcludes(List.of("beta*"))
                        .filePathsIncludes(List.of("src/**"))
                        .build()))
        .hasMessageStartingWith(WHO + ": pushFilters[1] gives tags together with file paths;");
    assertThatThrownBy(
            () -> push(GitPushFilter.builder().filePathsIncludes(List.of("src/**")).build()))
        .hasMessageStartingWith(WHO + ": pushFilters[0] gives file paths without branches;");
    assertThatThrownBy(() -> push(GitPushFilter.builder().tagsIncludes(List.of()).build()))
        .hasMessageStartingWith(WHO + ": pushFilters[0] gives no tags or branches;");
    assertThatCode(
            () ->
                push(
                    GitPushFilter.builder().tagsIncludes(List.of("v*")).build(),
                    GitPushFilter.builder()
                        .branchesExcludes(List.of("wip/*"))
                        .branchesIncludes(List.of("**"))
                        .filePathsExcludes(List.of("docs/**"))
                        .build()))
        .doesNotThrowAnyException();
  }

  @Test
  void aPullRequestFilterNeedsBranches() {
    assertThatThrownBy(
            () ->
                pullRequest(
                    GitPullRequestFilter.builder().filePathsIncludes(List.of("src/**")).build()))
        .hasMessage(
            WHO
                + ": pullRequestFilters[0] gives no branches; a pull request filter filters on"
                + " branches, or on branches and file paths"
                + " (https://docs.aws.amazon.com/codepipeline/latest/userguide/pipelines-filter.html)");
    assertThatThrownBy(
            () ->
                pullRequest(
                    GitPullRequestFilter.builder()
                        .branchesIncludes(List.of("main"))
                        .events(Collections.singletonList(null))
                        .build()))
        .hasMessage(WHO + ": pullRequestFilters[0]: events holds null");
  }

  @Test
  void atMostThreeFiltersOfEachKind() {
    assertThatThrownBy(() -> push(branches("a"), branches("b"), branches("c"), branches("d")))
        .hasMessage(
            WHO
                + ": pushFilters has 4 filters; a trigger takes 1 to 3 of each kind"
                + " (https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_GitConfiguration.html)");
    GitPullRequestFilter pr =
        GitPullRequestFilter.builder().branchesIncludes(List.of("main")).build();
    assertThatThrownBy(() -> pullRequest(pr, pr, pr, pr))
        .hasMessageStartingWith(WHO + ": pullRequestFilters has 4 filters;");
    assertThatThrownBy(() -> push(branches("a"), null))
        .hasMessage(WHO + ": pushFilters[1] is null");
  }

  @Test
  void patternsAreOneToEightOfOneTo255Characters() {
    assertThatThrownBy(() -> push(branches("1", "2", "3", "4", "5", "6", "7", "8", "9")))
        .hasMessage(
            WHO
                + ": pushFilters[0]: branchesIncludes has 9 patterns; CodePipeline takes 1 to 8"
                + " (https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_GitBranchFilterCriteria.html)");
    String longPattern = "a".repeat(256);
    assertThatThrownBy(
            () ->
                pullRequest(
                    GitPullRequestFilter.builder()
                        .branchesIncludes(List.of("main"))
                        .filePathsExcludes(List.of(longPattern))
                        .build()))
        .hasMessageStartingWith(
            WHO
                + ": pullRequestFilters[0]: filePathsExcludes pattern '"
                + longPattern
                + "' is 256 characters; CodePipeline takes patterns of 1 to 255 characters");
    assertThatThrownBy(() -> push(branches("")))
        .hasMessageStartingWith(
            WHO + ": pushFilters[0]: branchesIncludes pattern '' is 0 characters");
  }

  @Test
  void patternsAreGlobsInTheSyntaxCodePipelineDocuments() {
    assertThatThrownBy(() -> push(branches("main", "release/[0-9")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            WHO
                + ": pushFilters[0]: branchesIncludes pattern 'release/[0-9' is not a glob: Missing"
                + " '] near index 11 (the JDK's reason); CodePipeline's trigger filters take glob"
                + " patterns in the syntax of Java's glob (Working with glob patterns in syntax,"
                + " https://docs.aws.amazon.com/codepipeline/latest/userguide/syntax-glob.html)");
    assertThatThrownBy(
            () ->
                pullRequest(
                    GitPullRequestFilter.builder()
                        .branchesIncludes(List.of("main"))
                        .filePathsExcludes(List.of("docs/{a,{b,c}}"))
                        .build()))
        .hasMessageStartingWith(
            WHO
                + ": pullRequestFilters[0]: filePathsExcludes pattern 'docs/{a,{b,c}}' is not a"
                + " glob: Cannot nest groups near index 8");
    assertThatThrownBy(() -> push(GitPushFilter.builder().tagsIncludes(List.of("v1\\")).build()))
        .hasMessageContaining("tagsIncludes pattern 'v1\\' is not a glob: No character to escape");
    assertThatCode(
            () ->
                push(
                    GitPushFilter.builder()
                        .branchesIncludes(List.of("release/[0-9]*", "feature/**", "[!w]*"))
                        .filePathsIncludes(List.of("*.{java,kt}", "src/?/x", "\\[literal\\]"))
                        .build(),
                    GitPushFilter.builder().tagsIncludes(List.of(Fn.importValue("Tag"))).build()))
        .doesNotThrowAnyException();
  }

  @Test
  void triggerOnPushTrueContradictsFilters() {
    assertThatThrownBy(
            () -> action().triggerOnPush(true).pushFilters(List.of(branches("main"))).build())
        .hasMessage(
            WHO
                + ": triggerOnPush is true, but pushFilters or pullRequestFilters are given; the"
                + " filters decide when the pipeline starts (CodePipeline sets change detection"
                + " off for a filtered trigger): drop triggerOnPush");
    assertThatCode(
            () -> action().triggerOnPush(false).pushFilters(List.of(branches("main"))).build())
        .doesNotThrowAnyException();
  }

  @Test
  void cdkPipelinesSourceChecksItsFiltersWhenBuilt() {
    assertThatThrownBy(
            () ->
                ConnectionSource.Builder.create(connection, "acme/service", "main")
                    .pushFilters(List.of(GitPushFilter.builder().build()))
                    .build())
        .hasMessage(
            "ConnectionSource 'acme/service' on connection at 'Stack/C': pushFilters[0] gives no"
                + " tags or branches; a push filter filters on tags, on branches, or on branches"
                + " and file paths (one filter per combination;"
                + " https://docs.aws.amazon.com/codepipeline/latest/userguide/pipelines-filter.html)");
  }
}
