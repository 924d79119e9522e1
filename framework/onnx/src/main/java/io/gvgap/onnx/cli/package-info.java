/**
 * Plain entry points for the command line (which wires them to picocli commands):
 * {@link io.gvgap.onnx.cli.GenerateCommandRunner} ({@code gvgap generate}),
 * {@link io.gvgap.onnx.cli.ScoreCommandRunner} ({@code gvgap score}) and
 * {@link io.gvgap.onnx.cli.ModelInitRunner} ({@code gvgap model init}).
 */
package io.gvgap.onnx.cli;
