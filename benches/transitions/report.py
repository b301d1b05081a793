#!/usr/bin/env python3
"""Turns the rounds benches/transitions/run.sh measured into the tables of
docs/transitions.md and its bar chart (an SVG).

Input: a directory of CSV files named RUNTIME.ROUND.csv, each in the format
of `osprey bench transitions --format csv` (one line per row: kind, label,
median_ns, q1_ns, q3_ns, min_ns, max_ns, runs, x_managed). For each runtime
and row, a table cell is the median over the rounds of each round's
median, with the fastest and the slowest round: how far the number moves
from one run of the process to the next.

Usage: report.py DIR [--chart FILE.svg]
"""

import csv
import math
import os
import statistics
import sys
from collections import defaultdict

RUNTIMES = [
    ("osprey", "Osprey"),
    ("mono", "mono (JIT)"),
    ("mono-interpreter", "mono --interpreter"),
    ("coreclr", "CoreCLR 2.0"),
]
COLORS = {
    "osprey": "#1f77b4",
    "mono": "#ff7f0e",
    "mono-interpreter": "#bcbd22",
    "coreclr": "#2ca02c",
}


def load(directory):
    """{runtime: {kind: [round medians]}} and {kind: label} in row order."""
    data = defaultdict(lambda: defaultdict(list))
    labels = {}
    order = defaultdict(list)
    for name in sorted(os.listdir(directory)):
        if not name.endswith(".csv"):
            continue
        runtime = name.rsplit(".", 2)[0]
        with open(os.path.join(directory, name), newline="") as f:
            for row in csv.DictReader(f):
                kind = row["kind"]
                labels[kind] = row["label"]
                if kind not in order[runtime]:
                    order[runtime].append(kind)
                data[runtime][kind].append(float(row["median_ns"]))
    return data, labels, order


def cell(values):
    """(median, min, max) of the round medians."""
    return statistics.median(values), min(values), max(values)


def fmt(values):
    m, lo, hi = cell(values)
    return f"{m:.2f} ({lo:.2f} - {hi:.2f})"


def comparison_table(data, labels, order):
    kinds = order["osprey"]
    present = [(k, t) for k, t in RUNTIMES if k in data]
    lines = ["| call | " + " | ".join(t for _, t in present) + " |",
             "|---|" + "---:|" * len(present)]
    for kind in kinds:
        cells = []
        for runtime, _ in present:
            v = data[runtime].get(kind)
            cells.append(fmt(v) if v else "n/a")
        lines.append(f"| {labels[kind]} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def osprey_table(data, labels, order):
    rows = data.get("osprey-bench")
    if not rows:
        return ""
    managed = statistics.median(rows["managed"])
    lines = ["| call | ns per call | x managed call |", "|---|---:|---:|"]
    for kind in order["osprey-bench"]:
        m = statistics.median(rows[kind])
        lines.append(f"| {labels[kind]} | {fmt(rows[kind])} | {m / max(managed, 1e-9):.2f} |")
    return "\n".join(lines)


def chart(data, labels, order, path):
    """Horizontal grouped bars, one group per row, one bar per runtime, on
    a log scale (the costs span three orders of magnitude); the whisker is
    the fastest-to-slowest round."""
    kinds = order["osprey"]
    present = [(k, t) for k, t in RUNTIMES if k in data]
    bar, gap, left, right, top = 11, 14, 290, 40, 50
    group = bar * len(present) + gap
    width = 900
    height = top + group * len(kinds) + 60
    lo_ns, hi_ns = 0.1, 1000.0
    plot = width - left - right

    def x(ns):
        ns = min(max(ns, lo_ns), hi_ns)
        return left + plot * (math.log10(ns) - math.log10(lo_ns)) / (math.log10(hi_ns) - math.log10(lo_ns))

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
           f'font-family="sans-serif" font-size="12">',
           f'<rect width="{width}" height="{height}" fill="white"/>',
           f'<text x="{left}" y="20" font-size="14">Transition costs, ns per call (log scale; '
           f'median of rounds, whiskers: fastest and slowest round)</text>']
    for decade in range(int(math.log10(lo_ns)), int(math.log10(hi_ns)) + 1):
        ns = 10.0 ** decade
        out.append(f'<line x1="{x(ns):.1f}" y1="{top - 8}" x2="{x(ns):.1f}" '
                   f'y2="{height - 50}" stroke="#ddd"/>')
        out.append(f'<text x="{x(ns):.1f}" y="{height - 35}" text-anchor="middle">{ns:g}</text>')
    for i, kind in enumerate(kinds):
        y0 = top + i * group
        out.append(f'<text x="{left - 8}" y="{y0 + bar * len(present) / 2 + 4:.1f}" '
                   f'text-anchor="end">{labels[kind]}</text>')
        for j, (runtime, _) in enumerate(present):
            values = data[runtime].get(kind)
            if not values:
                continue
            m, lo, hi = cell(values)
            y = y0 + j * bar
            out.append(f'<rect x="{left}" y="{y}" width="{max(x(m) - left, 1):.1f}" '
                       f'height="{bar - 2}" fill="{COLORS[runtime]}"/>')
            out.append(f'<line x1="{x(lo):.1f}" y1="{y + (bar - 2) / 2:.1f}" x2="{x(hi):.1f}" '
                       f'y2="{y + (bar - 2) / 2:.1f}" stroke="black"/>')
    lx = left
    for runtime, title in present:
        out.append(f'<rect x="{lx}" y="{height - 22}" width="12" height="12" fill="{COLORS[runtime]}"/>')
        out.append(f'<text x="{lx + 16}" y="{height - 12}">{title}</text>')
        lx += 150
    out.append("</svg>")
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")


def main():
    args = sys.argv[1:]
    if not args:
        print(__doc__, file=sys.stderr)
        return 2
    directory = args[0]
    chart_path = None
    if "--chart" in args:
        chart_path = args[args.index("--chart") + 1]
    data, labels, order = load(directory)
    about = os.path.join(directory, "about.txt")
    if os.path.exists(about):
        with open(about) as f:
            print("```text\n" + f.read().rstrip() + "\n```\n")
    print("Same program on each runtime (benches/transitions/Transitions.cs), ns per call:\n")
    print(comparison_table(data, labels, order))
    table = osprey_table(data, labels, order)
    if table:
        print("\nOsprey's own rows (`osprey bench transitions`), ns per call:\n")
        print(table)
    if chart_path:
        chart(data, labels, order, chart_path)
        print(f"\n(chart written to {chart_path})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
