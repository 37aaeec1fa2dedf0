package io.github.codestarconnections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.codebuild.CfnProject;
import software.amazon.awscdk.services.codebuild.EventAction;

class WebhookFilterGroupTest {
  private static List<Map<String, Object>> rendered(WebhookFilterGroup group) {
    return group.render().stream().map(WebhookFilterGroupTest::toMap).toList();
  }

  private static Map<String, Object> toMap(CfnProject.WebhookFilterProperty f) {
    return f.getExcludeMatchedPattern() == null
        ? Map.of("type", f.getType(), "pattern", f.getPattern())
        : Map.of(
            "type",
            f.getType(),
            "pattern",
            f.getPattern(),
            "exclude",
            f.getExcludeMatchedPattern());
  }

  @Test
  void eachConditionRendersItsFilterTypeAndPattern() {
    WebhookFilterGroup group =
        WebhookFilterGroup.inEventOf(EventAction.PUSH, EventAction.PUSH)
            .andTagIs("v.*")
            .andTagIsNot("v0\\..*")
            .andBranchIsNot("wip/.*")
            .andHeadRefIs("^refs/heads/")
            .andHeadRefIsNot("^refs/heads/tmp")
            .andFilePathIs("^src/")
            .andCommitMessageIs("^release")
            .andActorAccountIsNot("^42$");

    assertThat(rendered(group))
        .containsExactly(
            Map.of("type", "EVENT", "pattern", "PUSH"),
            Map.of("type", "HEAD_REF", "pattern", "^refs/tags/v.*$"),
            Map.of("type", "HEAD_REF", "pattern", "^refs/tags/v0\\..*$", "exclude", true),
            Map.of("type", "HEAD_REF", "pattern", "^refs/heads/wip/.*$", "exclude", true),
            Map.of("type", "HEAD_REF", "pattern", "^refs/heads/"),
            Map.of("type", "HEAD_REF", "pattern", "^refs/heads/tmp", "exclude", true),
            Map.of("type", "FILE_PATH", "pattern", "^src/"),
            Map.of("type", "COMMIT_MESSAGE", "pattern", "^release"),
            Map.of("type", "ACTOR_ACCOUNT_ID", "pattern", "^42$", "exclude", true));
  }

  @Test
  void releaseWorkflowBaseAndRepositoryConditions() {
    assertThat(
            rendered(
                WebhookFilterGroup.inEventOf(EventAction.RELEASED, EventAction.PRERELEASED)
                    .andReleaseTagIs("^v")
                    .andReleaseNameIs("^Release")))
        .containsExactly(
            Map.of("type", "EVENT", "pattern", "RELEASED, PRERELEASED"),
            Map.of("type", "TAG_NAME", "pattern", "^v"),
            Map.of("type", "RELEASE_NAME", "pattern", "^Release"));
    assertThat(
            rendered(
                WebhookFilterGroup.inEventOf(EventAction.WORKFLOW_JOB_QUEUED)
                    .andWorkflowNameIs("^ci$")
                    .andRepositoryNameIs("^svc-")
                    .andRepositoryNameIsNot("-archive$")))
        .extracting(m -> m.get("type"))
        .containsExactly("EVENT", "WORKFLOW_NAME", "REPOSITORY_NAME", "REPOSITORY_NAME");
    assertThat(
            rendered(
                WebhookFilterGroup.inEventOf(EventAction.PULL_REQUEST_MERGED)
                    .andBaseRefIs("^refs/heads/main$")
                    .andBaseRefIsNot("^refs/heads/legacy$")
                    .andBaseBranchIsNot("old")))
        .containsExactly(
            Map.of("type", "EVENT", "pattern", "PULL_REQUEST_MERGED"),
            Map.of("type", "BASE_REF", "pattern", "^refs/heads/main$"),
            Map.of("type", "BASE_REF", "pattern", "^refs/heads/legacy$", "exclude", true),
            Map.of("type", "BASE_REF", "pattern", "^refs/heads/old$", "exclude", true));
  }

  @Test
  void groupsAreImmutable() {
    WebhookFilterGroup push = WebhookFilterGroup.inEventOf(EventAction.PUSH);
    WebhookFilterGroup main = push.andBranchIs("main");

    assertThat(rendered(push)).hasSize(1);
    assertThat(rendered(main)).hasSize(2);
    assertThat(main.toString()).isEqualTo("inEventOf(PUSH) and HEAD_REF '^refs/heads/main$'");
  }

  @Test
  void gitLabTakesTheEventsItsOwnPageDocuments() {
    IConnection c =
        Connection.fromConnectionArn(
            new Stack(new App(), "Stack"), "C", CodeBuildSourceTest.CODESTAR_ARN);
    assertThatCode(
            () ->
                CodeBuildSource.gitLab(
                    CodeBuildSourceProps.builder()
                        .connection(c)
                        .owner("acme")
                        .repo("svc")
                        .webhookFilters(
                            List.of(
                                WebhookFilterGroup.inEventOf(EventAction.RELEASED)
                                    .andReleaseNameIs("^v"),
                                WebhookFilterGroup.inEventOf(EventAction.WORKFLOW_JOB_QUEUED),
                                WebhookFilterGroup.inEventOf(EventAction.PULL_REQUEST_REOPENED)))
                        .build()))
        .doesNotThrowAnyException();
  }
}
