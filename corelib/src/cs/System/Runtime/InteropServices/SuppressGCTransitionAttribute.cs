namespace System.Runtime.InteropServices
{
    // On a P/Invoke or QCall: no GC transition. The JIT emits neither the
    // transition frame nor the switch to preemptive mode (and no trap test
    // on return), so the call costs what an FCall does. Only for callees
    // that return quickly and never block, allocate on the GC heap, call
    // back into managed code or fault: the thread stays cooperative, so a
    // collection waits for the call to end (docs/native-interop.md).
    [AttributeUsage(AttributeTargets.Method, Inherited = false)]
    public sealed class SuppressGCTransitionAttribute : Attribute
    {
        public SuppressGCTransitionAttribute()
        {
        }
    }
}
