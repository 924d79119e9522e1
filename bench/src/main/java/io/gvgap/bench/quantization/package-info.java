/** The benchmark of imports at reduced precision: speed, memory and accuracy against fp32. */
package io.gvgap.bench.quantization;
