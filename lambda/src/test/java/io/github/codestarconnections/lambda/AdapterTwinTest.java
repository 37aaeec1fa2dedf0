package io.github.codestarconnections.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * The {@code codestar-connections} adapter is written by the build from the {@code codeconnections}
 * one (lambda/pom.xml): each calls only its own SDK, serves its own namespace, and the two have the
 * same members, so a change to the source reaches both.
 */
class AdapterTwinTest {
  private static final String CODESTAR_SDK = "software/amazon/awssdk/services/codestarconnections/";
  private static final String CODECONNECTIONS_SDK =
      "software/amazon/awssdk/services/codeconnections/";

  @Test
  void eachAdapterCallsOnlyItsOwnSdk() throws IOException {
    String codeStar = classFileText(CodeStarConnectionsHostApi.class);
    String code = classFileText(CodeConnectionsHostApi.class);

    assertThat(codeStar).contains(CODESTAR_SDK).doesNotContain(CODECONNECTIONS_SDK);
    assertThat(code).contains(CODECONNECTIONS_SDK).doesNotContain(CODESTAR_SDK);
  }

  @Test
  void eachAdapterServesItsOwnNamespace() {
    try (var codeStar =
            ServiceClients.open(Namespace.CODESTAR_CONNECTIONS, Region.US_EAST_1, null);
        var code = ServiceClients.open(Namespace.CODECONNECTIONS, Region.US_EAST_1, null)) {
      assertThat(codeStar.api()).isInstanceOf(CodeStarConnectionsHostApi.class);
      assertThat(codeStar.api().namespace()).isEqualTo(Namespace.CODESTAR_CONNECTIONS);
      assertThat(code.api()).isInstanceOf(CodeConnectionsHostApi.class);
      assertThat(code.api().namespace()).isEqualTo(Namespace.CODECONNECTIONS);
    }
    try (var client =
        CodeStarConnectionsHostApi.clientBuilder(Region.US_EAST_1)
            .credentialsProvider(AnonymousCredentialsProvider.create())
            .build()) {
      assertThat(client.serviceName()).isEqualTo("codestar-connections");
    }
  }

  @Test
  void bothAdaptersHaveTheSameMembers() {
    assertThat(members(CodeStarConnectionsHostApi.class))
        .isNotEmpty()
        .isEqualTo(members(CodeConnectionsHostApi.class));
  }

  /**
   * Each declared method as modifiers, name and types, with the SDK's class-name prefix dropped.
   */
  private static List<String> members(Class<?> adapter) {
    return Arrays.stream(adapter.getDeclaredMethods())
        .filter(m -> !m.isSynthetic())
        .map(AdapterTwinTest::signature)
        .sorted()
        .toList();
  }

  private static String signature(Method m) {
    String text =
        Modifier.toString(m.getModifiers())
            + " "
            + m.getGenericReturnType().getTypeName()
            + " "
            + m.getName()
            + Arrays.toString(m.getGenericParameterTypes());
    return text.replace("codestarconnections", "SDK")
        .replace("codeconnections", "SDK")
        .replace("CodeStarConnections", "Prefix")
        .replace("CodeConnections", "Prefix");
  }

  /** The class file, read as Latin-1 so that the constant pool's class names can be searched. */
  private static String classFileText(Class<?> type) throws IOException {
    try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }
}
