package dev.ssmix2.examples.cli;

/** Entry point of the {@code ssmix2} command. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.out.println("ssmix2");
  }
}
