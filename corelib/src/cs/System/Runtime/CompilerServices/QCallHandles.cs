namespace System.Runtime.CompilerServices
{
    // How a QCall returns a string: pass the address of a local that the
    // QCall fills (CoreCLR's StringHandleOnStack). The local is a GC-reported
    // slot of the caller's frame; the runtime stores into it in cooperative
    // mode. See docs/internal-calls.md.
    internal struct StringHandleOnStack
    {
#pragma warning disable 414 // read by the runtime, never by managed code
        private IntPtr _ptr;
#pragma warning restore 414

        internal StringHandleOnStack(ref string local)
        {
            _ptr = RuntimeHelpers.AddressOf(ref local);
        }
    }

    // The same for any object (CoreCLR's ObjectHandleOnStack).
    internal struct ObjectHandleOnStack
    {
#pragma warning disable 414 // read by the runtime, never by managed code
        private IntPtr _ptr;
#pragma warning restore 414

        internal ObjectHandleOnStack(ref object local)
        {
            _ptr = RuntimeHelpers.AddressOf(ref local);
        }
    }
}
