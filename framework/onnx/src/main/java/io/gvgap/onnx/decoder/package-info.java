/**
 * gvgap's decoder: {@link io.gvgap.onnx.decoder.DecoderConfig} (shape),
 * {@link io.gvgap.onnx.decoder.DecoderParameters} (names, shapes, seeded GPT-2 initialisation),
 * {@link io.gvgap.onnx.decoder.DecoderGraph} (the ONNX graph with the Optimum KV-cache interface),
 * {@link io.gvgap.onnx.decoder.CharVocabulary} (the character-level tokenizer.json) and
 * {@link io.gvgap.onnx.decoder.ModelDirectory} (writes and reads whole model directories; training
 * writes new weights with {@code ModelDirectory.write(dir, config, vocabulary, parametersByName, card)}).
 */
package io.gvgap.onnx.decoder;
