package io.github.codestarconnections.examples;

import software.amazon.awscdk.App;

/** Placeholder. */
public final class ExamplesApp {
  public static void main(String[] args) {
    App app = new App();
    app.synth();
  }
}
