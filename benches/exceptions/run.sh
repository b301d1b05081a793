#!/usr/bin/env bash
# Measures exception costs on Osprey, mono (JIT) and mono --interpreter with
# the same program, in one run, for docs/exceptions.md.
# Usage: benches/exceptions/run.sh [ITERATIONS] [RUNS]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
n=${1:-20000}
runs=${2:-9}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mcs -nologo -optimize+ -out:"$work/Exceptions.exe" "$here/Exceptions.cs"
cargo build --release --quiet --manifest-path "$root/Cargo.toml"
echo "## Osprey"
echo
"$root/target/release/osprey" run "$work/Exceptions.exe" "$n" "$runs"
echo
echo "## mono $(mono --version | head -1 | sed 's/Mono JIT compiler version //; s/ (.*//') (JIT)"
echo
mono "$work/Exceptions.exe" "$n" "$runs"
echo
echo "## mono --interpreter"
echo
mono --interpreter "$work/Exceptions.exe" "$n" "$runs"
