#!/usr/bin/env python3
"""Training tokens/s of a GPT-2-style decoder in PyTorch on the CPU: the peer of gvgap's
`bench/bench.sh training` (TrainingBenchmark). Same model as gvgap's decoder (learned position
embeddings, pre-norm blocks, fused q/k/v, causal softmax attention, tanh-GELU MLP of 4x width, final
LayerNorm, output head tied to the token embeddings), same batch (rows x length random ids), same
optimiser (AdamW betas 0.9/0.95, weight decay 0.1, gradient clipping at 1.0), three warm-up steps, then
timed steps. Prints `torch parameters <N>` (equal to gvgap's count for the shape) and
`torch tokens/s <value>`.

Usage: training_speed.py --layers L --width W --heads H --context C --vocab V --rows R --length T
       --steps S --threads N
Needs Debian's python3-torch (apt-get install python3-torch); CPU only.
"""
import argparse
import math
import time

import torch
import torch.nn.functional as F


class Block(torch.nn.Module):
    def __init__(self, width, heads):
        super().__init__()
        self.heads = heads
        self.ln_1 = torch.nn.LayerNorm(width, eps=1e-5)
        self.c_attn = torch.nn.Linear(width, 3 * width)
        self.c_proj = torch.nn.Linear(width, width)
        self.ln_2 = torch.nn.LayerNorm(width, eps=1e-5)
        self.c_fc = torch.nn.Linear(width, 4 * width)
        self.mlp_proj = torch.nn.Linear(4 * width, width)

    def forward(self, x, bias):
        b, t, w = x.shape
        head_dim = w // self.heads
        q, k, v = self.c_attn(self.ln_1(x)).split(w, dim=2)
        q = q.view(b, t, self.heads, head_dim).transpose(1, 2)
        k = k.view(b, t, self.heads, head_dim).transpose(1, 2)
        v = v.view(b, t, self.heads, head_dim).transpose(1, 2)
        scores = (q @ k.transpose(-2, -1)) * (1.0 / math.sqrt(head_dim)) + bias[:t, :t]
        context = (scores.softmax(dim=-1) @ v).transpose(1, 2).reshape(b, t, w)
        x = x + self.c_proj(context)
        return x + self.mlp_proj(F.gelu(self.c_fc(self.ln_2(x)), approximate="tanh"))


class Decoder(torch.nn.Module):
    def __init__(self, layers, width, heads, context, vocab):
        super().__init__()
        self.wte = torch.nn.Embedding(vocab, width)
        self.wpe = torch.nn.Embedding(context, width)
        self.blocks = torch.nn.ModuleList(Block(width, heads) for _ in range(layers))
        self.ln_f = torch.nn.LayerNorm(width, eps=1e-5)
        causal = torch.tril(torch.ones(context, context, dtype=torch.bool))
        self.register_buffer("bias", torch.zeros(context, context).masked_fill(~causal, -1e9))

    def forward(self, ids):
        positions = torch.arange(ids.shape[1])
        x = self.wte(ids) + self.wpe(positions)
        for block in self.blocks:
            x = block(x, self.bias)
        return self.ln_f(x) @ self.wte.weight.t()


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    for name, default in [("layers", 2), ("width", 64), ("heads", 4), ("context", 640),
                          ("vocab", 98), ("rows", 8), ("length", 480), ("steps", 10),
                          ("threads", 2)]:
        p.add_argument("--" + name, type=int, default=default)
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(1)
    model = Decoder(a.layers, a.width, a.heads, a.context, a.vocab)
    optimiser = torch.optim.AdamW(model.parameters(), lr=1e-3, betas=(0.9, 0.95), weight_decay=0.1)
    ids = torch.randint(2, a.vocab, (a.rows, a.length))
    targets = torch.randint(2, a.vocab, (a.rows, a.length))

    def step():
        optimiser.zero_grad(set_to_none=True)
        logits = model(ids)
        loss = F.cross_entropy(logits.view(-1, a.vocab), targets.view(-1))
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimiser.step()
        return loss

    for _ in range(3):  # warm-up, as many steps as gvgap's TrainingBenchmark
        step()
    start = time.perf_counter()
    for _ in range(a.steps):
        step()
    seconds = time.perf_counter() - start
    print(f"torch parameters {sum(t.numel() for t in model.parameters())}")
    print(f"torch tokens/s {a.rows * a.length * a.steps / seconds:.0f}")


if __name__ == "__main__":
    main()
