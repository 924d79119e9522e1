#!/usr/bin/env python3
"""Sums an ONNX Runtime profile (a JSON trace written with -Dgvgap.onnx.profile=PREFIX) by operator
type: total milliseconds, share of all node time, and calls. Usage: bench/profile-summary.py FILE.json
[--top N]. Only node events (cat "Node", name ending in _kernel_time) are counted."""
import json
import sys
from collections import defaultdict


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    top = int(argv[argv.index("--top") + 1]) if "--top" in argv else 25
    with open(argv[1], encoding="utf-8") as f:
        events = json.load(f)
    total = defaultdict(int)
    calls = defaultdict(int)
    runs = 0
    for e in events:
        if e.get("cat") == "Session" and e.get("name") == "model_run":
            runs += 1
        if e.get("cat") != "Node" or not e.get("name", "").endswith("_kernel_time"):
            continue
        op = e.get("args", {}).get("op_name", "?")
        total[op] += e.get("dur", 0)
        calls[op] += 1
    node_us = sum(total.values())
    print(f"{argv[1]}: {runs} runs, node time {node_us / 1000:.1f} ms")
    print(f"{'operator':<24}{'ms':>10}{'share':>8}{'calls':>9}")
    for op, us in sorted(total.items(), key=lambda kv: -kv[1])[:top]:
        print(f"{op:<24}{us / 1000:>10.1f}{100 * us / node_us:>7.1f}%{calls[op]:>9}")


if __name__ == "__main__":
    main(sys.argv)
