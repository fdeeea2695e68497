# Sourced (not run) by probe.sh and ilprofile/profile.sh: both must run the very same probe program, so it is compiled,
# converted and listed for nanoCLR in one place. Needs the toolchain kit's env.sh (NF_CSC, NF_MDP, NF_REF, NF_PE).
#
# probe_need_assemblies DIR
#   stops the calling script (exit 2) when DIR, a board's output folder of the kit's check.sh, lacks an assembly the
#   probe loads.
# probe_compile ROOT DIR WORK APP
#   compiles tools/Station.DeviceProbe/DeviceProbe.cs of the repository at ROOT with the on-target tests' fakes, like the
#   project (C# 9, nanoFramework's mscorlib only), against the assemblies in DIR; converts it to WORK/DeviceProbe.pe and
#   sets the array probe_pes to every .pe nanoCLR loads, in load order. APP=core: the controller and its BMS check only
#   (PROBE_CORE); anything else: the whole application (console and cloud link too).

probe_asms="Station.Hal Station.Core.Config Station.Core Station.Core.Can Station.Core.Cloud Station.Core.Console"

probe_need_assemblies() {
  local a
  for a in $probe_asms; do
    [ -f "$1/$a.pe" ] || { echo "$(basename "$0"): $1/$a.pe missing: run the kit's check.sh first" >&2; exit 2; }
  done
}

probe_compile() {
  local root=$1 dir=$2 work=$3 app=$4 a define=NANOFRAMEWORK_1_0
  local refs=()
  for a in mscorlib nanoFramework.Runtime.Native nanoFramework.System.Collections nanoFramework.System.Text; do refs+=("-r:$NF_REF/$a.dll"); done
  for a in $probe_asms; do refs+=("-r:$dir/$a.dll"); done
  [ "$app" = core ] && define="$define;PROBE_CORE"
  dotnet "$NF_CSC" -nologo -noconfig -nostdlib+ -target:exe -langversion:9.0 "-define:$define" -warnaserror+ \
    -out:"$work/DeviceProbe.exe" "${refs[@]}" "$root/tools/Station.DeviceProbe/DeviceProbe.cs" "$root"/tests/Station.Device.Tests/Fakes/*.cs
  dotnet "$NF_MDP" "$work/DeviceProbe.exe" "$work/DeviceProbe.pe" false "$NF_REF" "$dir" >/dev/null
  probe_pes=("$NF_PE/mscorlib.pe" "$NF_PE/nanoFramework.Runtime.Native.pe" "$NF_PE/nanoFramework.System.Collections.pe" "$NF_PE/nanoFramework.System.Text.pe")
  for a in $probe_asms; do probe_pes+=("$dir/$a.pe"); done
  probe_pes+=("$work/DeviceProbe.pe")
}
