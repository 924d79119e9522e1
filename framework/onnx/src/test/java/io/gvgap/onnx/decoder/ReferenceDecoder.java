package io.gvgap.onnx.decoder;

import java.util.Map;

/**
 * An independent, plain-Java forward pass of the gvgap decoder for one unpadded sequence, written
 * straight from the GPT-2 equations with double accumulation, to check the ONNX graph against.
 */
public final class ReferenceDecoder {
  private final DecoderConfig config;
  private final Map<String, float[]> p;

  public ReferenceDecoder(DecoderConfig config, Map<String, float[]> parameters) {
    this.config = config;
    this.p = parameters;
  }

  /** Logits [position][vocab] for tokens at positions 0..n-1. */
  public double[][] logits(int[] tokens) {
    int n = tokens.length;
    int d = config.width();
    double[][] x = new double[n][d];
    float[] wte = p.get("transformer.wte.weight");
    float[] wpe = p.get("transformer.wpe.weight");
    for (int t = 0; t < n; t++) {
      for (int j = 0; j < d; j++) {
        x[t][j] = wte[tokens[t] * d + j] + wpe[t * d + j];
      }
    }
    for (int layer = 0; layer < config.layers(); layer++) {
      String pre = "transformer.h." + layer + ".";
      double[][] h = layerNorm(x, pre + "ln_1");
      double[][] qkv = linear(h, pre + "attn.c_attn", d, 3 * d);
      double[][] attended = attention(qkv);
      add(x, linear(attended, pre + "attn.c_proj", d, d));
      double[][] fc = linear(layerNorm(x, pre + "ln_2"), pre + "mlp.c_fc", d, config.mlpWidth());
      for (double[] row : fc) {
        for (int j = 0; j < row.length; j++) {
          double v = row[j];
          row[j] = 0.5 * v * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (v + 0.044715 * v * v * v)));
        }
      }
      add(x, linear(fc, pre + "mlp.c_proj", config.mlpWidth(), d));
    }
    double[][] normed = layerNorm(x, "transformer.ln_f");
    float[] head = p.get(config.tiedEmbeddings() ? "transformer.wte.weight" : "lm_head.weight");
    double[][] logits = new double[n][config.vocabSize()];
    for (int t = 0; t < n; t++) {
      for (int v = 0; v < config.vocabSize(); v++) {
        double sum = 0;
        for (int j = 0; j < d; j++) {
          sum += normed[t][j] * head[v * d + j];
        }
        logits[t][v] = sum;
      }
    }
    return logits;
  }

  /** Causal multi-head attention over rows of [q | k | v]; query t sees keys 0..t. */
  private double[][] attention(double[][] qkv) {
    int n = qkv.length;
    int d = config.width();
    int hd = config.headDim();
    double[][] out = new double[n][d];
    for (int head = 0; head < config.heads(); head++) {
      int off = head * hd;
      for (int t = 0; t < n; t++) {
        double[] scores = new double[t + 1];
        double max = Double.NEGATIVE_INFINITY;
        for (int s = 0; s <= t; s++) {
          double dot = 0;
          for (int j = 0; j < hd; j++) {
            dot += qkv[t][off + j] * qkv[s][d + off + j];
          }
          scores[s] = dot / Math.sqrt(hd);
          max = Math.max(max, scores[s]);
        }
        double total = 0;
        for (int s = 0; s <= t; s++) {
          scores[s] = Math.exp(scores[s] - max);
          total += scores[s];
        }
        for (int s = 0; s <= t; s++) {
          for (int j = 0; j < hd; j++) {
            out[t][off + j] += scores[s] / total * qkv[s][2 * d + off + j];
          }
        }
      }
    }
    return out;
  }

  private double[][] layerNorm(double[][] x, String prefix) {
    float[] gamma = p.get(prefix + ".weight");
    float[] beta = p.get(prefix + ".bias");
    double[][] out = new double[x.length][];
    for (int t = 0; t < x.length; t++) {
      double mean = 0;
      for (double v : x[t]) {
        mean += v;
      }
      mean /= x[t].length;
      double var = 0;
      for (double v : x[t]) {
        var += (v - mean) * (v - mean);
      }
      var /= x[t].length;
      out[t] = new double[x[t].length];
      for (int j = 0; j < x[t].length; j++) {
        out[t][j] =
            (x[t][j] - mean) / Math.sqrt(var + config.layerNormEpsilon()) * gamma[j] + beta[j];
      }
    }
    return out;
  }

  private double[][] linear(double[][] x, String prefix, int in, int out) {
    float[] w = p.get(prefix + ".weight");
    float[] b = p.get(prefix + ".bias");
    double[][] y = new double[x.length][out];
    for (int t = 0; t < x.length; t++) {
      for (int o = 0; o < out; o++) {
        double sum = b[o];
        for (int i = 0; i < in; i++) {
          sum += x[t][i] * w[i * out + o];
        }
        y[t][o] = sum;
      }
    }
    return y;
  }

  private static void add(double[][] x, double[][] delta) {
    for (int t = 0; t < x.length; t++) {
      for (int j = 0; j < x[t].length; j++) {
        x[t][j] += delta[t][j];
      }
    }
  }
}
