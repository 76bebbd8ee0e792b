/**
 * Coverage-guided fuzz tests (Jazzer's {@code @FuzzTest}, libFuzzer inside the JVM) of every entry
 * point that reads what a user or a file gives: the parser with linking and validation, the formatter
 * and the serializer, the importers, the exporters, the simulator, the model edits behind the diagram
 * editor and the language server. In a normal build each test replays its committed inputs
 * ({@code src/test/resources/org/vinfra/cli/fuzz/<Class>Inputs/<method>/}: the seeds and every input
 * that ever failed); with {@code JAZZER_FUZZ=1} one test fuzzes ({@code releng/fuzz}, CONTRIBUTING.md).
 *
 * <p>What each test asserts is what a user would notice: no exception escapes, every diagnostic is
 * positioned and teaches in vinfra's words (no Java exception text), and the round trips hold.
 */
package org.vinfra.cli.fuzz;
