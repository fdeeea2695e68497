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
for a in Station.Hal Station.Core.Config Station.Core Station.Core.Can Station.Core.Cloud Station.Core.Console; do
  [ -f "$dir/$a.pe" ] || { echo "probe.sh: $dir/$a.pe missing: run the kit's check.sh first" >&2; exit 2; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
refs=()
for a in mscorlib nanoFramework.Runtime.Native nanoFramework.System.Collections nanoFramework.System.Text; do refs+=("-r:$NF_REF/$a.dll"); done
for a in Station.Hal Station.Core.Config Station.Core Station.Core.Can Station.Core.Cloud Station.Core.Console; do refs+=("-r:$dir/$a.dll"); done
# The probe and the on-target tests' fakes, compiled like the project (C# 9, nanoFramework's mscorlib only).
# PROBE_APP=core: the controller and its BMS check only; default: the whole application (console and cloud link too).
define=NANOFRAMEWORK_1_0
[ "${PROBE_APP:-whole}" = core ] && define="$define;PROBE_CORE"
echo "probe: application ${PROBE_APP:-whole}, assemblies $dir"
dotnet "$NF_CSC" -nologo -noconfig -nostdlib+ -target:exe -langversion:9.0 "-define:$define" -warnaserror+ \
  -out:"$work/DeviceProbe.exe" "${refs[@]}" "$here/DeviceProbe.cs" "$root"/tests/Station.Device.Tests/Fakes/*.cs
dotnet "$NF_MDP" "$work/DeviceProbe.exe" "$work/DeviceProbe.pe" false "$NF_REF" "$dir" >/dev/null
pes=("$NF_PE/mscorlib.pe" "$NF_PE/nanoFramework.Runtime.Native.pe" "$NF_PE/nanoFramework.System.Collections.pe" "$NF_PE/nanoFramework.System.Text.pe")
for a in Station.Hal Station.Core.Config Station.Core Station.Core.Can Station.Core.Cloud Station.Core.Console; do pes+=("$dir/$a.pe"); done
pes+=("$work/DeviceProbe.pe")
# Every call of the marker (GC.EnableGCMessages) closes a region: callgrind writes its counters to cg.out.<n>.
(cd "$work" && valgrind --tool=callgrind --trace-children=yes --callgrind-out-file=cg.out \
  --dump-before='Library_nf_rt_native_nanoFramework_Runtime_Native_GC::EnableGCMessages*' \
  "$NF_CLR" "${pes[@]}" > run.log 2> valgrind.log) || { cat "$work/run.log" "$work/valgrind.log" >&2; exit 1; }
grep '^probe:' "$work/run.log" | grep -v '^probe: regions\|^probe: states'
python3 "$here/probe.py" "$work" "$dir"
