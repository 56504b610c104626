#!/bin/sh
# Runs each libFuzzer target of tests/fuzz for SECONDS (default 60) on a copy
# of its seed corpus, in BUILD (default build-fuzz, made here with clang if
# missing). Exit 1 if any target found a crash, a leak or a failed check; the
# input that did it is in BUILD/fuzz-artifacts/ — make it a regression test
# (a fixture and a Check test) before fixing it.
set -eu
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-60}
BUILD=${BUILD:-build-fuzz}

if [ ! -f "$BUILD/build.ninja" ]; then
  CC=clang meson setup "$BUILD" -Dfuzz=true -Dgui=false -Dtests=false \
    -Db_sanitize=address,undefined -Db_lundef=false
fi
meson compile -C "$BUILD"

export CIRT_INSTRUMENTS_PATH="$PWD/tests/fixtures"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp"
mkdir -p "$BUILD/fuzz-artifacts"
status=0
for target in instrument exchange database; do
  work=$(mktemp -d)
  cp tests/fuzz/corpus/$target/* "$work/"
  echo "fuzz-$target: ${SECONDS_EACH} s"
  if ! "$BUILD/tests/fuzz/fuzz-$target" -max_total_time="$SECONDS_EACH" -timeout=20 -rss_limit_mb=2048 \
       -print_final_stats=1 -artifact_prefix="$BUILD/fuzz-artifacts/$target-" "$work" \
       > "$BUILD/fuzz-$target.log" 2>&1; then
    echo "fuzz-$target FAILED: see $BUILD/fuzz-$target.log and $BUILD/fuzz-artifacts/" >&2
    tail -40 "$BUILD/fuzz-$target.log" >&2
    status=1
  else
    grep -E "stat::number_of_executed_units|stat::new_units_added" "$BUILD/fuzz-$target.log" | tr '\n' ' '
    echo
  fi
  rm -rf "$work"
done
exit $status
