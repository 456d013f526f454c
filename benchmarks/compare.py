"""Compare two versions of factlint on one data file with paired, interleaved runs (A B B A A B ...).

This machine is noisy (two cores, other work on them): timing the versions one after the
other measures the noise as much as the code. Each pair runs both versions back to back in
fresh processes, alternating which goes first, and the report gives the median of the
per-pair ratios as well as each version's median.

    git worktree add /tmp/factlint-base <commit>
    python benchmarks/compare.py --base /tmp/factlint-base/src --head src --data benchmarks/data/100k.facts.toml
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
from pathlib import Path

# `factlint check` as a user runs it, in a fresh process: imports, loading, every rule, the report.
_RUN = "import sys; sys.argv = ['factlint', 'check', '--format', 'json', '--exit-zero', sys.argv[1]]; import runpy; runpy.run_module('factlint', run_name='__main__')"


def _time_once(src: Path, data: Path) -> float:
    """Wall time of one `factlint check` of `data` with the factlint package found in `src`."""
    environment = dict(os.environ, PYTHONPATH=str(src.resolve()))
    script = (
        "import time, subprocess, sys\n"
        "start = time.perf_counter()\n"
        f"subprocess.run([sys.executable, '-c', {_RUN!r}, {str(data)!r}], check=True, stdout=subprocess.DEVNULL, env={environment!r})\n"
        "print(time.perf_counter() - start)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    return float(result.stdout.strip())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=Path, required=True, help="the src/ folder of the version to compare against")
    parser.add_argument("--head", type=Path, required=True, help="the src/ folder of the version under test")
    parser.add_argument("--data", type=Path, required=True, help="a fact file (see generate.py)")
    parser.add_argument("--pairs", type=int, default=6)
    args = parser.parse_args()

    base_times: list[float] = []
    head_times: list[float] = []
    ratios: list[float] = []
    for pair in range(args.pairs):
        order = [("base", args.base), ("head", args.head)]
        if pair % 2:
            order.reverse()
        times = {name: _time_once(src, args.data) for name, src in order}
        base_times.append(times["base"])
        head_times.append(times["head"])
        ratios.append(times["head"] / times["base"])
        print(f"pair {pair + 1}: base {times['base']:.3f} s, head {times['head']:.3f} s", file=sys.stderr)
    print(
        f"{args.data.name}: base median {statistics.median(base_times):.3f} s, "
        f"head median {statistics.median(head_times):.3f} s, "
        f"head/base median of paired ratios {statistics.median(ratios):.3f} "
        f"(min {min(ratios):.3f}, max {max(ratios):.3f}, {args.pairs} pairs)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
