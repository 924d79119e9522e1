/** gvgap against llama.cpp on the same imported weights: the generation benchmark's gvgap half. */
package io.gvgap.bench.llamacpp;
