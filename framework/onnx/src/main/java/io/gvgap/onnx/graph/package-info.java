/**
 * ONNX graphs as plain Java data ({@link io.gvgap.onnx.graph.Graph}, {@link io.gvgap.onnx.graph.Node},
 * {@link io.gvgap.onnx.graph.Initializer}), built with {@link io.gvgap.onnx.graph.GraphBuilder} and
 * written by {@link io.gvgap.onnx.graph.ModelSerializer} through protobuf classes generated from the
 * project's own minimal {@code src/main/proto/onnx.proto}. Graphs stay plain data so that a later
 * transformation (the reverse-mode gradient of training graphs) can read and extend them.
 */
package io.gvgap.onnx.graph;
