#!/usr/bin/env bash
# Measures mono's transition costs (JIT and interpreter) next to Osprey's, in
# one run, for docs/transitions.md. Usage: benches/mono/run.sh [CALLS] [RUNS]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
calls=${1:-100000}
runs=${2:-15}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
gcc -O2 -shared -fPIC -o "$work/libospreynop.so" "$here/nop.c"
mcs -nologo -optimize+ -out:"$work/Transitions.exe" "$here/Transitions.cs"
cargo build --release --quiet --manifest-path "$root/Cargo.toml"
echo "## Osprey (osprey bench transitions --calls $calls --runs $runs)"
echo
"$root/target/release/osprey" bench transitions --calls "$calls" --runs "$runs" | tail -n +3
echo
echo "## mono $(mono --version | head -1 | sed 's/Mono JIT compiler version //; s/ (.*//') (JIT)"
echo
LD_LIBRARY_PATH="$work" mono "$work/Transitions.exe" "$calls" "$runs"
echo
echo "## mono --interpreter"
echo
LD_LIBRARY_PATH="$work" mono --interpreter "$work/Transitions.exe" "$calls" "$runs"
