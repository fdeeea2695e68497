#!/usr/bin/env bash
# Instructions and managed allocations per control tick, per console+cloud period and per CAN frame, measured on
# nanoFramework's own interpreter (nanoCLR built for the host by the toolchain kit) with valgrind's callgrind.
# Usage: . <kit>/env.sh && tools/Station.DeviceProbe/probe.sh [ASSEMBLY_DIR]
#   ASSEMBLY_DIR: a board's output folder of the kit's check.sh (default: $NF_OUT or /tmp/nfcheck-<repo folder>,
#   board esp32-devkitc). Run check.sh first (NF_CONFIGURATION=Release for the optimised build).
set -euo pipefail
: "${NF_CSC:?source env.sh of the toolchain kit first}"
command -v valgrind >/dev/null || { echo "probe.sh: valgrind is needed (apt-get install valgrind)" >&2; exit 2; }
root=$(cd "$(dirname "$0")/../.." && pwd)
here="$root/tools/Station.DeviceProbe"
dir=${1:-${NF_OUT:-/tmp/nfcheck-$(basename "$root")}/esp32-devkitc}
. "$here/compile.sh"
probe_need_assemblies "$dir"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# PROBE_APP=core: the controller and its BMS check only; default: the whole application (console and cloud link too).
echo "probe: application ${PROBE_APP:-whole}, assemblies $dir"
probe_compile "$root" "$dir" "$work" "${PROBE_APP:-whole}"
# Every call of the marker (GC.EnableGCMessages) closes a region: callgrind writes its counters to cg.out.<n>.
(cd "$work" && valgrind --tool=callgrind --trace-children=yes --callgrind-out-file=cg.out \
  --dump-before='Library_nf_rt_native_nanoFramework_Runtime_Native_GC::EnableGCMessages*' \
  "$NF_CLR" "${probe_pes[@]}" > run.log 2> valgrind.log) || { cat "$work/run.log" "$work/valgrind.log" >&2; exit 1; }
grep '^probe:' "$work/run.log" | grep -v '^probe: regions\|^probe: states'
python3 "$here/probe.py" "$work" "$dir"
