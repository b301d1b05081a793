namespace System
{
    // The base class of C# delegate types.
    public abstract class MulticastDelegate : Delegate
    {
#pragma warning disable 169, 649 // written by the runtime
        // For a combined delegate: the delegates to call, in order.
        private object _invocationList;
        private IntPtr _invocationCount;
#pragma warning restore 169, 649
    }
}
