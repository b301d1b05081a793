#!/usr/bin/env bash
# Compares Osprey's two collectors with mono (sgen) on the GC samples, in
# one run: wall time, peak RSS, and (Osprey) the longest and 99th-percentile
# pause from the collector's own log (OSPREY_GC_LOG=1 summary line). Prints
# the markdown table docs/gc.md holds.
#
#   cargo build --release && bash benches/gc/compare.sh [RUNS]
#
# Each cell is the median of RUNS runs (default 3). Needs mcs, mono and
# GNU time (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-3}
osprey=target/release/osprey
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# run LABEL CMD...: prints "time_s rss_mib max_pause_ms p99_pause_ms"
measure() {
    local times=() rss=() maxp=() p99=()
    for _ in $(seq "$runs"); do
        /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>"$work/err"
        read -r t m <"$work/time"
        times+=("$t"); rss+=("$m")
        local line
        line=$(grep -E '^gc: summary' "$work/err" || true)
        if [ -n "$line" ]; then
            maxp+=("$(sed -E 's/.*pause_max_us=([0-9]+).*/\1/' <<<"$line")")
            p99+=("$(sed -E 's/.*pause_p99_us=([0-9]+).*/\1/' <<<"$line")")
        fi
    done
    local t m
    t=$(printf '%s\n' "${times[@]}" | median)
    m=$(printf '%s\n' "${rss[@]}" | median)
    if [ "${#maxp[@]}" -gt 0 ]; then
        local a b
        a=$(printf '%s\n' "${maxp[@]}" | median)
        b=$(printf '%s\n' "${p99[@]}" | median)
        printf '%s | %d | %.1f | %.1f' "$t" $((m / 1024)) "$(bc -l <<<"$a/1000")" "$(bc -l <<<"$b/1000")"
    else
        printf '%s | %d | (not logged) | (not logged)' "$t" $((m / 1024))
    fi
}

echo "| sample | args | runtime | time (s) | peak RSS (MiB) | max pause (ms) | p99 pause (ms) |"
echo "|---|---|---|---|---|---|---|"
for s in gc-binarytrees gc-cache gc-strings; do
    args=$(cat "samples/$s/args" 2>/dev/null || true)
    mcs -nologo -out:"$work/$s.exe" "samples/$s/$s.cs" >/dev/null
    # shellcheck disable=SC2086
    echo "| $s | $args | mono (sgen) | $(measure mono "$work/$s.exe" $args) |"
    for c in generational marksweep; do
        # shellcheck disable=SC2086
        echo "| $s | $args | osprey --gc=$c | $(OSPREY_GC_LOG=1 measure "$osprey" run --gc=$c "$work/$s.exe" $args) |"
    done
done
