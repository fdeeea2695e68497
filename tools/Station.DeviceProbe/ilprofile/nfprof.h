// nfprof: per managed method IL profile for nanoCLR (posix). StationFirmware's profiling hooks, compiled into a private copy of nanoCLR by build.sh; not part of nanoFramework.
#pragma once
struct CLR_RT_StackFrame;
struct CLR_RT_MethodDef_Instance;
void nfprof_op(CLR_RT_StackFrame *stack, const unsigned char *ip);
void nfprof_call(CLR_RT_StackFrame *caller, const CLR_RT_MethodDef_Instance &callee, bool virtualDispatch);
void nfprof_inlined(const CLR_RT_MethodDef_Instance &callee);
void nfprof_mark(CLR_RT_StackFrame &nativeFrame);
