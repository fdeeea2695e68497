#!/usr/bin/env python3
"""apply.py NF_INTERPRETER_SRC: adds the nfprof hooks to a copy of nf-interpreter's sources (idempotent)."""
import os, shutil, sys
src = sys.argv[1]
here = os.path.dirname(os.path.abspath(__file__))
core = os.path.join(src, "src/CLR/Core")
shutil.copy(os.path.join(here, "nfprof.h"), core)
shutil.copy(os.path.join(here, "nfprof_impl.inc"), core)

def patch(path, edits):
    text = open(path).read()
    if "nfprof" in text:
        return
    for old, new in edits:
        assert text.count(old) == 1, (path, old)
        text = text.replace(old, new)
    open(path, "w").write(text)

patch(os.path.join(core, "Interpreter.cpp"), [
    ('#include "Core.h"\n', '#include "Core.h"\n#include "nfprof.h"\n'),
    ("        assm->DumpOpcode(stack, ip);\n",
     "        assm->DumpOpcode(stack, ip);\n        nfprof_op(stack, ip);\n"),
    ("""#ifndef NANOCLR_NO_IL_INLINE
                        if (stack->PushInline(ip, assm, evalPos, calleeInst, pThis))
                        {
                            fDirty = true;""",
     """                        nfprof_call(stack, calleeInst, op == CEE_CALLVIRT && (calleeInst.m_target->flags &
                            (CLR_RECORD_METHODDEF::MD_Abstract | CLR_RECORD_METHODDEF::MD_Virtual)) != 0);
#ifndef NANOCLR_NO_IL_INLINE
                        if (stack->PushInline(ip, assm, evalPos, calleeInst, pThis))
                        {
                            nfprof_inlined(calleeInst);
                            fDirty = true;"""),
])
with open(os.path.join(core, "Interpreter.cpp"), "a") as f:
    if "nfprof_impl.inc" not in open(os.path.join(core, "Interpreter.cpp")).read():
        f.write('\n#include "nfprof_impl.inc"\n')
gc = os.path.join(src, "src/nanoFramework.Runtime.Native/nf_rt_native_nanoFramework_Runtime_Native_GC.cpp")
patch(gc, [
    ('#include "nf_rt_native.h"\n', '#include "nf_rt_native.h"\n#include "../CLR/Core/nfprof.h"\n'),
    ("""  #if defined(NANOCLR_TRACE_MEMORY_STATS)
    s_CLR_RT_fTrace_MemoryStats""", """    nfprof_mark(stack);
  #if defined(NANOCLR_TRACE_MEMORY_STATS)
    s_CLR_RT_fTrace_MemoryStats"""),
])
print("patched", src)
