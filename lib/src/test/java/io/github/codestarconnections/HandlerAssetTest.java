package io.github.codestarconnections;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;

class HandlerAssetTest {
  @Test
  void theEmbeddedJarIsExtractedToALambdaLayoutDirectory() throws Exception {
    HandlerAsset.Extracted e = HandlerAsset.extract();

    var jar = e.directory().resolve("lib").resolve("host-handler.jar");
    assertThat(jar).isRegularFile();
    assertThat(e.sha256()).hasSize(64);
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      assertThat(zip.getEntry("io/github/codestarconnections/lambda/OnEventHandler.class"))
          .isNotNull();
      assertThat(zip.stream().map(z -> z.getName()))
          .noneMatch(n -> n.startsWith("io/netty/") || n.startsWith("org/apache/http/"));
    }
    try (var files = Files.list(e.directory())) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("lib");
    }
  }

  @Test
  void theAssetHashIsTheJarsContentHash() {
    // So the same jar gives the same hash on every machine and in every synth, and a release that
    // changes the handler gives another (CanonicalTemplateAcrossJvmsTest runs one).
    assertThat(assetKey()).isEqualTo(UserStack.assetKey(HandlerAsset.embeddedJar()));
  }

  private static String assetKey() {
    App app = new App();
    Stack stack = new Stack(app, "Stack");
    Function.Builder.create(stack, "Fn")
        .runtime(Runtime.JAVA_21)
        .handler("io.github.codestarconnections.lambda.OnEventHandler::handleRequest")
        .code(HandlerAsset.code())
        .build();
    Map<String, Map<String, Object>> fns =
        Template.fromStack(stack).findResources("AWS::Lambda::Function");
    @SuppressWarnings("unchecked")
    Map<String, Object> code =
        (Map<String, Object>)
            ((Map<String, Object>) fns.values().iterator().next().get("Properties")).get("Code");
    return String.valueOf(code.get("S3Key"));
  }
}
