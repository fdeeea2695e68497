#!/usr/bin/env bash
# Per managed method IL profile of DeviceProbe's regions on the profiling nanoCLR (build.sh): exact counts of IL ops,
# calls, field loads and locals per controller tick, by method and by IL offset; no valgrind, seconds per run.
# Usage: . <kit>/env.sh && tools/Station.DeviceProbe/ilprofile/profile.sh [ASSEMBLY_DIR] [OUT_MD]
#   ASSEMBLY_DIR: a board's output folder of the kit's check.sh (default $NF_OUT/esp32-devkitc or
#   /tmp/nfcheck-<repo folder>/esp32-devkitc); OUT_MD default ./ilprofile.md. PROBE_APP=whole: the whole application.
set -euo pipefail
: "${NF_CSC:?source env.sh of the toolchain kit first}"
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
dir=${1:-${NF_OUT:-/tmp/nfcheck-$(basename "$root")}/esp32-devkitc}
out=${2:-$PWD/ilprofile.md}
clr="${NFPROF_DIR:-/tmp/nfprof}/bin/nanoFramework.nanoCLR.test"
[ -x "$clr" ] || { echo "profile.sh: $clr missing: run $here/build.sh first" >&2; exit 2; }
. "$root/tools/Station.DeviceProbe/compile.sh"
probe_need_assemblies "$dir"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
probe_compile "$root" "$dir" "$work" "${PROBE_APP:-core}"
# Run 1, on the kit's own nanoCLR, learns the region letters and the state each measured tick started in; run 2 (the
# same deterministic run, on the profiling nanoCLR) names every region from them and also costs each swap step.
(cd "$work" && "$NF_CLR" "${probe_pes[@]}" > run0.log 2>&1) || { tail -20 "$work/run0.log" >&2; exit 1; }
sed -n 's/^probe: states //p' "$work/run0.log" > "$work/states.txt"
sed -n 's/^probe: regions //p' "$work/run0.log" > "$work/regions.txt"
(cd "$work" && NFPROF_REGIONS="$work/regions.txt" NFPROF_STATES="$work/states.txt" NFPROF_OUT="$work/nfprof.txt" "$clr" "${probe_pes[@]}" > run.log 2>&1) \
  || { tail -20 "$work/run.log" >&2; exit 1; }
grep '^probe:' "$work/run.log" | grep -v '^probe: regions\|^probe: states' || true
python3 "$here/report.py" "$work/nfprof.txt" "$work/run.log" "$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo ?), $dir, PROBE_APP=${PROBE_APP:-core}" > "$out"
echo "profile.sh: report $out"
