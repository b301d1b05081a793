namespace System.Runtime.InteropServices
{
    // On a QCall: skip the switch to preemptive mode (and the trap test on
    // return). Only for short QCalls that never block, allocate, take locks
    // or call back into the runtime; the transition frame is still linked.
    [AttributeUsage(AttributeTargets.Method, Inherited = false)]
    public sealed class SuppressGCTransitionAttribute : Attribute
    {
        public SuppressGCTransitionAttribute()
        {
        }
    }
}
