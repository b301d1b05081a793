// The binder's declarations: which corelib types native code reads, and
// which Rust mirror field stands for which managed field (the analogue of
// CoreCLR's corelib.h). This file is expanded twice, by `bind_classes!`:
// by build.rs, to compute the managed layouts from the freshly built
// corelib.dll, and by lib.rs, to assert at compile time that every mirror
// matches them. Add a binding here; the build checks it.
//
// Syntax: `class Mirror = "Namespace" "Name" { rust_field: "managed_field", ... }`
// for classes (mirrors start with the object header: `object: Object`), and
// `value Mirror = ...` for value types (offsets from the start of the value).
// Every managed instance field of a bound type must be bound, so that a
// field added in C# cannot go unnoticed.

bind_classes! {
    class Object = "System" "Object" {}
    class StringObject = "System" "String" {
        length: "_stringLength",
        first_char: "_firstChar",
    }
    class ExceptionObject = "System" "Exception" {
        message: "_message",
        inner_exception: "_innerException",
        stack_trace: "_stackTrace",
        stack_trace_string: "_stackTraceString",
        hresult: "_HResult",
    }
    class DelegateObject = "System" "Delegate" {
        target: "_target",
        method_ptr: "_methodPtr",
        method_ptr_aux: "_methodPtrAux",
        unmanaged_thunk: "_unmanagedThunk",
    }
    class MulticastDelegateObject = "System" "MulticastDelegate" {
        invocation_list: "_invocationList",
        invocation_count: "_invocationCount",
    }
    class RuntimeTypeObject = "System" "RuntimeType" {
        handle: "m_handle",
    }
    class ThreadObject = "System.Threading" "Thread" {
        name: "_name",
        start: "_start",
        start_arg: "_startArg",
        runtime_thread: "_runtimeThread",
        managed_thread_id: "_managedThreadId",
        state: "_state",
        max_stack_size: "_maxStackSize",
        is_background: "_isBackground",
    }
    class SafeHandleObject = "System.Runtime.InteropServices" "SafeHandle" {
        handle: "handle",
        state: "_state",
        owns_handle: "_ownsHandle",
        fully_initialized: "_fullyInitialized",
    }
    value StringHandleOnStack = "System.Runtime.CompilerServices" "StringHandleOnStack" {
        ptr: "_ptr",
    }
    value ObjectHandleOnStack = "System.Runtime.CompilerServices" "ObjectHandleOnStack" {
        ptr: "_ptr",
    }
    value RuntimeTypeHandle = "System" "RuntimeTypeHandle" {
        value: "m_value",
    }
}

// Methods native code calls, by name and signature.
bind_methods! {
    // How the runtime prints an exception that nobody caught.
    ExceptionToString = "System" "Exception" "ToString" "string()"
    // What a started thread runs (its delegate), on the new thread.
    ThreadRunStart = "System.Threading" "Thread" "RunStart" "void()"
    // Used by the call-site API test and the transition benchmarks.
    TransitionProbeCombine = "Osprey" "TransitionProbe" "Combine" "int64(int32,int64,string)"
    TransitionProbeManagedNop = "Osprey" "TransitionProbe" "ManagedNop" "int32(int32)"
    TransitionProbeLoopEmpty = "Osprey" "TransitionProbe" "LoopEmpty" "int32(int32)"
    TransitionProbeLoopManaged = "Osprey" "TransitionProbe" "LoopManaged" "int32(int32)"
    TransitionProbeLoopFCall = "Osprey" "TransitionProbe" "LoopFCall" "int32(int32)"
    TransitionProbeLoopFCallHelperFrame = "Osprey" "TransitionProbe" "LoopFCallHelperFrame" "int32(int32)"
    TransitionProbeLoopQCall = "Osprey" "TransitionProbe" "LoopQCall" "int32(int32)"
    TransitionProbeLoopQCallSuppressed = "Osprey" "TransitionProbe" "LoopQCallSuppressed" "int32(int32)"
    TransitionProbeLoopPInvoke = "Osprey" "TransitionProbe" "LoopPInvoke" "int32(int32)"
    TransitionProbeLoopPInvokeSuppressed = "Osprey" "TransitionProbe" "LoopPInvokeSuppressed" "int32(int32)"
    TransitionProbeLoopPInvokeString = "Osprey" "TransitionProbe" "LoopPInvokeString" "int32(int32)"
    TransitionProbeLoopPInvokeStruct = "Osprey" "TransitionProbe" "LoopPInvokeStruct" "int32(int32)"
    TransitionProbeLoopReversePInvoke = "Osprey" "TransitionProbe" "LoopReversePInvoke" "int32(int32)"
    TransitionProbeLoopReversePInvokeBaseline = "Osprey" "TransitionProbe" "LoopReversePInvokeBaseline" "int32(int32)"
    // The conversions of P/Invoke IL stubs (vm/src/interop/stub.rs).
    StubHelpersFreeNative = "System.StubHelpers" "StubHelpers" "FreeNative" "void(native int)"
    StubHelpersAllocNative = "System.StubHelpers" "StubHelpers" "AllocNative" "native int(native int)"
    StubHelpersUtf8MaxBytes = "System.StubHelpers" "StubHelpers" "Utf8MaxBytes" "native int(string)"
    StubHelpersEncodeUtf8 = "System.StubHelpers" "StubHelpers" "EncodeUtf8" "void(string,native int)"
    StubHelpersCharToAnsi = "System.StubHelpers" "StubHelpers" "CharToAnsi" "uint8(char)"
    StubHelpersAnsiToChar = "System.StubHelpers" "StubHelpers" "AnsiToChar" "char(uint8)"
    StubHelpersPtrToStringAndFree = "System.StubHelpers" "StubHelpers" "PtrToStringAndFree" "string(native int,bool)"
    StubHelpersStringBuilderToNative = "System.StubHelpers" "StubHelpers" "StringBuilderToNative" "native int(System.Text.StringBuilder,bool)"
    StubHelpersStringBuilderFromNative = "System.StubHelpers" "StubHelpers" "StringBuilderFromNative" "void(System.Text.StringBuilder,native int,bool)"
    StubHelpersDelegateToNative = "System.StubHelpers" "StubHelpers" "DelegateToNative" "native int(System.Delegate)"
    StubHelpersNativeToDelegate = "System.StubHelpers" "StubHelpers" "NativeToDelegate" "System.Delegate(native int,native int)"
    StubHelpersSafeHandleAddRef = "System.StubHelpers" "StubHelpers" "SafeHandleAddRef" "native int(System.Runtime.InteropServices.SafeHandle,bool&)"
    StubHelpersSafeHandleRelease = "System.StubHelpers" "StubHelpers" "SafeHandleRelease" "void(System.Runtime.InteropServices.SafeHandle,bool)"
    StubHelpersSafeHandleSet = "System.StubHelpers" "StubHelpers" "SafeHandleSet" "void(System.Runtime.InteropServices.SafeHandle,native int)"
    StubHelpersThrowForHr = "System.StubHelpers" "StubHelpers" "ThrowForHR" "void(int32)"
    StubHelpersStructureToNative = "System.StubHelpers" "StubHelpers" "StructureToNative" "native int(object,bool)"
    StubHelpersStructureFromNative = "System.StubHelpers" "StubHelpers" "StructureFromNative" "void(native int,object)"
    StubHelpersFreeStructureNative = "System.StubHelpers" "StubHelpers" "FreeStructureNative" "void(native int,object)"
    StubHelpersAllocStructureNative = "System.StubHelpers" "StubHelpers" "AllocStructureNative" "native int(native int)"
    StubHelpersFreeStructureNativeOfType = "System.StubHelpers" "StubHelpers" "FreeStructureNativeOfType" "void(native int,native int)"
    StubHelpersStringBuilderForCallback = "System.StubHelpers" "StubHelpers" "StringBuilderForCallback" "System.Text.StringBuilder(native int,bool)"
    StubHelpersStringBuilderToCallerBuffer = "System.StubHelpers" "StubHelpers" "StringBuilderToCallerBuffer" "void(System.Text.StringBuilder,native int,bool)"
}
