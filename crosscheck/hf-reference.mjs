// An independent reference for gvgap's checkpoint import: the Hugging Face decoder architectures
// (llama, qwen2, mistral, phi3, gemma2, gpt2) written directly from their definitions in plain
// JavaScript, float64, no ONNX: reads a checkpoint directory (config.json and safetensors, single or
// sharded; F32, F16, BF16) and, for each prompt of token ids, prints the last position's logits and
// the greedy continuation (every step recomputes the whole sequence: no cache).
// Usage: node hf-reference.mjs REQUEST.json   (writes JSON to stdout)
//   REQUEST: {"checkpoint": DIR, "prompts": [[ids...], ...], "newTokens": N}
import fs from 'node:fs';
import path from 'node:path';

function half(bits) {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >> 10) & 0x1f;
  const fraction = bits & 0x3ff;
  if (exponent === 0) return sign * fraction * 2 ** -24;
  if (exponent === 31) return fraction ? NaN : sign * Infinity;
  return sign * (1 + fraction / 1024) * 2 ** (exponent - 15);
}

function readSafetensors(file, into) {
  const buffer = fs.readFileSync(file);
  const headerLength = Number(buffer.readBigUInt64LE(0));
  const header = JSON.parse(buffer.toString('utf8', 8, 8 + headerLength));
  const base = 8 + headerLength;
  const view = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  for (const [name, entry] of Object.entries(header)) {
    if (name === '__metadata__') continue;
    const [begin] = entry.data_offsets;
    const count = entry.shape.reduce((a, b) => a * b, 1);
    const data = new Float64Array(count);
    for (let i = 0; i < count; i++) {
      if (entry.dtype === 'F32') data[i] = view.getFloat32(base + begin + 4 * i, true);
      else if (entry.dtype === 'F16') data[i] = half(view.getUint16(base + begin + 2 * i, true));
      else if (entry.dtype === 'BF16') {
        const f = new DataView(new ArrayBuffer(4));
        f.setUint32(0, view.getUint16(base + begin + 2 * i, true) << 16);
        data[i] = f.getFloat32(0);
      } else throw new Error(`${file}: dtype ${entry.dtype}`);
    }
    into[name] = { shape: entry.shape, data };
  }
}

function loadCheckpoint(dir) {
  const tensors = {};
  const index = path.join(dir, 'model.safetensors.index.json');
  if (fs.existsSync(index)) {
    const files = new Set(Object.values(JSON.parse(fs.readFileSync(index, 'utf8')).weight_map));
    for (const file of files) readSafetensors(path.join(dir, file), tensors);
  } else {
    readSafetensors(path.join(dir, 'model.safetensors'), tensors);
  }
  return tensors;
}

// y = W x for a Linear weight W stored [out, in]; rows from..from+out of a fused weight
function linear(W, x, bias, rowFrom = 0, rows = W.shape[0]) {
  const inWidth = W.shape[1];
  const y = new Float64Array(rows);
  for (let o = 0; o < rows; o++) {
    let sum = bias ? bias.data[rowFrom + o] : 0;
    const row = (rowFrom + o) * inWidth;
    for (let i = 0; i < inWidth; i++) sum += W.data[row + i] * x[i];
    y[o] = sum;
  }
  return y;
}

// y = x W for GPT-2's Conv1D weight stored [in, out]; columns from..from+cols
function conv1d(W, x, bias, colFrom, cols) {
  const outWidth = W.shape[1];
  const y = new Float64Array(cols);
  for (let o = 0; o < cols; o++) {
    let sum = bias ? bias.data[colFrom + o] : 0;
    for (let i = 0; i < x.length; i++) sum += x[i] * W.data[i * outWidth + colFrom + o];
    y[o] = sum;
  }
  return y;
}

function rmsNorm(x, w, eps, plusOne) {
  let meanSquare = 0;
  for (const v of x) meanSquare += v * v;
  meanSquare /= x.length;
  const scale = 1 / Math.sqrt(meanSquare + eps);
  return x.map((v, i) => v * scale * ((plusOne ? 1 : 0) + w.data[i]));
}

function layerNorm(x, w, b, eps) {
  const mean = x.reduce((a, v) => a + v, 0) / x.length;
  const variance = x.reduce((a, v) => a + (v - mean) ** 2, 0) / x.length;
  return x.map((v, i) => ((v - mean) / Math.sqrt(variance + eps)) * w.data[i] + b.data[i]);
}

const geluTanh = (v) => 0.5 * v * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (v + 0.044715 * v ** 3)));
const silu = (v) => v / (1 + Math.exp(-v));

function inverseFrequencies(cfg, dim) {
  const theta = cfg.rope_theta ?? 10000;
  const inv = [];
  for (let i = 0; i < dim; i += 2) inv.push(1 / theta ** (i / dim));
  const scaling = cfg.rope_scaling;
  const type = scaling ? scaling.rope_type ?? scaling.type : 'default';
  if (type === 'linear') return inv.map((f) => f / scaling.factor);
  if (type === 'llama3') {
    const { factor, low_freq_factor: low, high_freq_factor: high } = scaling;
    const old = scaling.original_max_position_embeddings;
    return inv.map((f) => {
      const wavelength = (2 * Math.PI) / f;
      if (wavelength < old / high) return f;
      if (wavelength > old / low) return f / factor;
      const smooth = (old / wavelength - low) / (high - low);
      return ((1 - smooth) * f) / factor + smooth * f;
    });
  }
  return inv;
}

function rope(vector, heads, dim, position, inv) {
  const out = Float64Array.from(vector);
  for (let h = 0; h < heads; h++) {
    for (let i = 0; i < dim / 2; i++) {
      const angle = position * inv[i];
      const a = vector[h * dim + i];
      const b = vector[h * dim + i + dim / 2];
      out[h * dim + i] = a * Math.cos(angle) - b * Math.sin(angle);
      out[h * dim + i + dim / 2] = b * Math.cos(angle) + a * Math.sin(angle);
    }
  }
  return out;
}

function forward(cfg, T, ids) {
  const type = cfg.model_type;
  const gpt2 = type === 'gpt2';
  const gemma = type === 'gemma2';
  const p = gpt2 && T['transformer.wte.weight'] ? 'transformer.' : '';
  const hidden = gpt2 ? cfg.n_embd : cfg.hidden_size;
  const layers = gpt2 ? cfg.n_layer : cfg.num_hidden_layers;
  const heads = gpt2 ? cfg.n_head : cfg.num_attention_heads;
  const kvHeads = gpt2 ? heads : cfg.num_key_value_heads ?? heads;
  const dim = cfg.head_dim ?? hidden / heads;
  const group = heads / kvHeads;
  const eps = gpt2 ? cfg.layer_norm_epsilon ?? 1e-5 : cfg.rms_norm_eps ?? 1e-6;
  const norm = (x, name) =>
    gpt2 ? layerNorm(x, T[name + '.weight'], T[name + '.bias'], eps) : rmsNorm(x, T[name + '.weight'], eps, gemma);
  const inv = gpt2 ? null : inverseFrequencies(cfg, dim);
  const scale = gemma ? 1 / Math.sqrt(cfg.query_pre_attn_scalar ?? dim) : 1 / Math.sqrt(dim);
  const embed = T[gpt2 ? p + 'wte.weight' : 'model.embed_tokens.weight'];
  const n = ids.length;
  let xs = ids.map((id, t) => {
    const x = Float64Array.from(embed.data.subarray(id * hidden, (id + 1) * hidden));
    if (gemma) {
      const normalizer = Math.fround(Math.sqrt(hidden));
      for (let i = 0; i < hidden; i++) x[i] *= normalizer;
    }
    if (gpt2) for (let i = 0; i < hidden; i++) x[i] += T[p + 'wpe.weight'].data[t * hidden + i];
    return x;
  });
  for (let l = 0; l < layers; l++) {
    const L = gpt2 ? `${p}h.${l}.` : `model.layers.${l}.`;
    const window =
      (type === 'mistral' || type === 'phi3' || (gemma && l % 2 === 0)) && cfg.sliding_window ? cfg.sliding_window : 0;
    const qs = [], ks = [], vs = [];
    for (let t = 0; t < n; t++) {
      const h = norm(xs[t], gpt2 ? L + 'ln_1' : L + 'input_layernorm');
      let q, k, v;
      if (gpt2) {
        q = conv1d(T[L + 'attn.c_attn.weight'], h, T[L + 'attn.c_attn.bias'], 0, hidden);
        k = conv1d(T[L + 'attn.c_attn.weight'], h, T[L + 'attn.c_attn.bias'], hidden, hidden);
        v = conv1d(T[L + 'attn.c_attn.weight'], h, T[L + 'attn.c_attn.bias'], 2 * hidden, hidden);
      } else if (type === 'phi3') {
        const W = T[L + 'self_attn.qkv_proj.weight'];
        q = linear(W, h, null, 0, heads * dim);
        k = linear(W, h, null, heads * dim, kvHeads * dim);
        v = linear(W, h, null, (heads + kvHeads) * dim, kvHeads * dim);
      } else {
        q = linear(T[L + 'self_attn.q_proj.weight'], h, T[L + 'self_attn.q_proj.bias']);
        k = linear(T[L + 'self_attn.k_proj.weight'], h, T[L + 'self_attn.k_proj.bias']);
        v = linear(T[L + 'self_attn.v_proj.weight'], h, T[L + 'self_attn.v_proj.bias']);
      }
      if (!gpt2) {
        q = rope(q, heads, dim, t, inv);
        k = rope(k, kvHeads, dim, t, inv);
      }
      qs.push(q); ks.push(k); vs.push(v);
    }
    const next = [];
    for (let t = 0; t < n; t++) {
      const context = new Float64Array(heads * dim);
      for (let h = 0; h < heads; h++) {
        const kv = Math.floor(h / group);
        const scores = [];
        for (let s = 0; s <= t; s++) {
          if (window && t - s >= window) { scores.push(-Infinity); continue; }
          let dot = 0;
          for (let i = 0; i < dim; i++) dot += qs[t][h * dim + i] * ks[s][kv * dim + i];
          let score = dot * scale;
          if (gemma && cfg.attn_logit_softcapping) {
            score = cfg.attn_logit_softcapping * Math.tanh(score / cfg.attn_logit_softcapping);
          }
          scores.push(score);
        }
        const max = Math.max(...scores);
        const exps = scores.map((s) => Math.exp(s - max));
        const total = exps.reduce((a, e) => a + e, 0);
        for (let s = 0; s <= t; s++) {
          for (let i = 0; i < dim; i++) context[h * dim + i] += (exps[s] / total) * vs[s][kv * dim + i];
        }
      }
      let attention = gpt2
        ? conv1d(T[L + 'attn.c_proj.weight'], context, T[L + 'attn.c_proj.bias'], 0, hidden)
        : linear(T[L + 'self_attn.o_proj.weight'], context, null);
      if (gemma) attention = norm(attention, L + 'post_attention_layernorm');
      const x = xs[t].map((v, i) => v + attention[i]);
      const h2 = norm(x, gpt2 ? L + 'ln_2' : gemma ? L + 'pre_feedforward_layernorm' : L + 'post_attention_layernorm');
      let mlp;
      if (gpt2) {
        const inner = conv1d(T[L + 'mlp.c_fc.weight'], h2, T[L + 'mlp.c_fc.bias'], 0, T[L + 'mlp.c_fc.weight'].shape[1]).map(geluTanh);
        mlp = conv1d(T[L + 'mlp.c_proj.weight'], inner, T[L + 'mlp.c_proj.bias'], 0, hidden);
      } else {
        const act = gemma ? geluTanh : silu;
        const inter = cfg.intermediate_size;
        let gate, up;
        if (type === 'phi3') {
          gate = linear(T[L + 'mlp.gate_up_proj.weight'], h2, null, 0, inter);
          up = linear(T[L + 'mlp.gate_up_proj.weight'], h2, null, inter, inter);
        } else {
          gate = linear(T[L + 'mlp.gate_proj.weight'], h2, null);
          up = linear(T[L + 'mlp.up_proj.weight'], h2, null);
        }
        mlp = linear(T[L + 'mlp.down_proj.weight'], gate.map((g, i) => act(g) * up[i]), null);
      }
      if (gemma) mlp = norm(mlp, L + 'post_feedforward_layernorm');
      next.push(x.map((v, i) => v + mlp[i]));
    }
    xs = next;
  }
  const last = norm(xs[n - 1], gpt2 ? p + 'ln_f' : 'model.norm');
  const tied = gpt2 ? cfg.tie_word_embeddings ?? true : cfg.tie_word_embeddings ?? (gemma ? true : false);
  const head = tied ? embed : T['lm_head.weight'];
  let logits = Array.from(linear(head, last, null));
  if (gemma && cfg.final_logit_softcapping) {
    const cap = cfg.final_logit_softcapping;
    logits = logits.map((v) => cap * Math.tanh(v / cap));
  }
  return logits;
}

const request = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const cfg = JSON.parse(fs.readFileSync(path.join(request.checkpoint, 'config.json'), 'utf8'));
const tensors = loadCheckpoint(request.checkpoint);
const result = { logits: [], greedy: [], margins: [] };
for (const prompt of request.prompts) {
  const ids = [...prompt];
  const generated = [];
  for (let step = 0; step <= request.newTokens; step++) {
    const logits = forward(cfg, tensors, ids);
    if (step === 0) result.logits.push(logits);
    if (step === request.newTokens) break;
    let best = 0;
    for (let i = 1; i < logits.length; i++) if (logits[i] > logits[best]) best = i;
    const second = Math.max(...logits.filter((_, i) => i !== best));
    result.margins.push(logits[best] - second);
    generated.push(best);
    ids.push(best);
  }
  result.greedy.push(generated);
}
process.stdout.write(JSON.stringify(result));
