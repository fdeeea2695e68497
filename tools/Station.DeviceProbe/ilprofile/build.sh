#!/usr/bin/env bash
# Builds the profiling nanoCLR: a copy of the toolchain kit's nf-interpreter sources with the hooks of nfprof_impl.inc
# (apply.py), of which only the two patched files are compiled, with the kit's own flags (read from its build.ninja),
# and linked with the kit's other object files (never modified). About a minute. Nothing lands in the repository.
# Usage: . <kit>/env.sh && tools/Station.DeviceProbe/ilprofile/build.sh [KIT_NANOCLR_BUILD_DIR]
#   default: the build folder the kit's nanoclr launcher ($NF_CLR) runs; output in $NFPROF_DIR (default /tmp/nfprof).
set -euo pipefail
: "${NF_CLR:?source env.sh of the toolchain kit first}"
here=$(cd "$(dirname "$0")" && pwd)
kit=${1:-$(sed -n 's#^exec "\(.*\)/bin/nanoFramework.nanoCLR.test".*#\1#p' "$NF_CLR")}
[ -f "$kit/build.ninja" ] || { echo "build.sh: $kit/build.ninja missing: pass the kit's nanoCLR build folder" >&2; exit 2; }
out=${NFPROF_DIR:-/tmp/nfprof}
kitsrc=$(grep -o -m1 " /[^ ]*/src/CLR/Core/Interpreter.cpp " "$kit/build.ninja" | head -1 | sed -e "s% /%/%" -e "s%/src/CLR/Core/Interpreter.cpp %%")
src="$out/src/nf-interpreter"
[ -d "$src" ] || { mkdir -p "$out/src"; cp -a "$kitsrc" "$src"; }
python3 "$here/apply.py" "$src"
mkdir -p "$out/obj" "$out/lib" "$out/bin"
flags_of() { # the DEFINES/FLAGS/INCLUDES of one object in the kit's build.ninja, with the sources moved to the copy
  awk -v obj="$1" '$0 ~ "^build " && index($0, obj ".o:") {f=1; next} f && /^  (DEFINES|FLAGS|INCLUDES) = / {sub(/^  [A-Z]+ = /, ""); printf "%s ", $0} f && /^$/ {exit}' "$kit/build.ninja" \
    | sed "s#$kitsrc#$src#g"
}
for rel in src/CLR/Core/Interpreter.cpp src/nanoFramework.Runtime.Native/nf_rt_native_nanoFramework_Runtime_Native_GC.cpp; do
  o="$out/obj/$(basename "$rel").o"
  f=$(flags_of "$rel")
  [ -n "$f" ] || { echo "build.sh: no flags for $rel in $kit/build.ninja" >&2; exit 1; }
  eval c++ $f -c "$src/$rel" -o "$o"
done
objs=$(awk '/^build lib\/nanoFramework.nanoCLR.so:/ {for (i = 3; i <= NF; i++) if ($i ~ /\.o$/) print $i}' "$kit/build.ninja" \
  | sed -e "s#^.*/src/CLR/Core/Interpreter.cpp.o\$#$out/obj/Interpreter.cpp.o#" \
        -e "s#^.*/nf_rt_native_nanoFramework_Runtime_Native_GC.cpp.o\$#$out/obj/nf_rt_native_nanoFramework_Runtime_Native_GC.cpp.o#" \
        -e "/^\\//! s#^#$kit/#")
c++ -fPIC -O2 -g -DNDEBUG -shared -Wl,-soname,nanoFramework.nanoCLR.so -o "$out/lib/nanoFramework.nanoCLR.so" $objs
c++ -O2 -g -DNDEBUG "$kit/nanoCLR/CMakeFiles/nanoFramework.nanoCLR.test.dir/main.cpp.o" -o "$out/bin/nanoFramework.nanoCLR.test" \
  -Wl,-rpath,"$out/lib" "$out/lib/nanoFramework.nanoCLR.so"
echo "build.sh: $out/bin/nanoFramework.nanoCLR.test"
