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
asms="Station.Hal Station.Core.Config Station.Core Station.Core.Can Station.Core.Cloud Station.Core.Console"
for a in $asms; do [ -f "$dir/$a.pe" ] || { echo "profile.sh: $dir/$a.pe missing: run check.sh first" >&2; exit 2; }; done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
refs=()
for a in mscorlib nanoFramework.Runtime.Native nanoFramework.System.Collections nanoFramework.System.Text; do refs+=("-r:$NF_REF/$a.dll"); done
for a in $asms; do refs+=("-r:$dir/$a.dll"); done
define=NANOFRAMEWORK_1_0
[ "${PROBE_APP:-core}" = core ] && define="$define;PROBE_CORE"
dotnet "$NF_CSC" -nologo -noconfig -nostdlib+ -target:exe -langversion:9.0 "-define:$define" -warnaserror+ \
  -out:"$work/DeviceProbe.exe" "${refs[@]}" "$root/tools/Station.DeviceProbe/DeviceProbe.cs" "$root"/tests/Station.Device.Tests/Fakes/*.cs
dotnet "$NF_MDP" "$work/DeviceProbe.exe" "$work/DeviceProbe.pe" false "$NF_REF" "$dir" >/dev/null
pes=("$NF_PE/mscorlib.pe" "$NF_PE/nanoFramework.Runtime.Native.pe" "$NF_PE/nanoFramework.System.Collections.pe" "$NF_PE/nanoFramework.System.Text.pe")
for a in $asms; do pes+=("$dir/$a.pe"); done
pes+=("$work/DeviceProbe.pe")
# Run 1, on the kit's own nanoCLR, learns the region letters and the state each measured tick started in; run 2 (the
# same deterministic run, on the profiling nanoCLR) names every region from them and also costs each swap step.
(cd "$work" && "$NF_CLR" "${pes[@]}" > run0.log 2>&1) || { tail -20 "$work/run0.log" >&2; exit 1; }
sed -n 's/^probe: states //p' "$work/run0.log" > "$work/states.txt"
sed -n 's/^probe: regions //p' "$work/run0.log" > "$work/regions.txt"
(cd "$work" && NFPROF_REGIONS="$work/regions.txt" NFPROF_STATES="$work/states.txt" NFPROF_OUT="$work/nfprof.txt" "$clr" "${pes[@]}" > run.log 2>&1) \
  || { tail -20 "$work/run.log" >&2; exit 1; }
grep '^probe:' "$work/run.log" | grep -v '^probe: regions\|^probe: states' || true
python3 "$here/report.py" "$work/nfprof.txt" "$work/run.log" "$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo ?), $dir, PROBE_APP=${PROBE_APP:-core}" > "$out"
echo "profile.sh: report $out"
