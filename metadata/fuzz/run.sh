#!/bin/sh
# Builds and runs a libFuzzer target of osprey-metadata on stable Rust.
#
# cargo-fuzz needs nightly only for -Zsanitizer; the reader has no unsafe
# code, so coverage instrumentation (stable -C flags) is all that is needed.
#
#   ./run.sh [walk|blobs] [libFuzzer options...]     e.g. ./run.sh walk -max_total_time=300
set -eu
cd "$(dirname "$0")"
target="${1:-walk}"
[ $# -gt 0 ] && shift
export RUSTFLAGS="--cfg fuzzing -Cpasses=sancov-module \
 -Cllvm-args=-sanitizer-coverage-level=4 \
 -Cllvm-args=-sanitizer-coverage-inline-8bit-counters \
 -Cllvm-args=-sanitizer-coverage-pc-table \
 -Cllvm-args=-sanitizer-coverage-trace-compares \
 -Cdebug-assertions -Coverflow-checks -Copt-level=3 -Cdebuginfo=1"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}"
# An explicit --target keeps RUSTFLAGS away from build scripts.
host="$(rustc -vV | sed -n 's/^host: //p')"
cargo build --release --target "$host" --bin "$target"
corpus="corpus/$target"
mkdir -p "$corpus" artifacts
if [ -z "$(ls -A "$corpus")" ] && [ "$target" = walk ]; then
    # Seed with small real assemblies.
    for f in /usr/lib/mono/4.5/*.dll; do
        [ "$(stat -c %s "$f")" -lt 65536 ] && cp "$f" "$corpus/" || true
    done
fi
exec "$CARGO_TARGET_DIR/$host/release/$target" -artifact_prefix=artifacts/ -max_len=65536 "$corpus" "$@"
