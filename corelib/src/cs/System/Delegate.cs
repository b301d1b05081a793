namespace System
{
    // The base class of delegate types. The runtime implements their
    // constructors and Invoke; the fields below are its to define and fill
    // (CoreCLR's names). Combine, Remove, equality and reflection over
    // delegates come later.
    public abstract class Delegate
    {
#pragma warning disable 169, 649 // written by the runtime
        // The instance the method is called on (null for static methods).
        internal object _target;
        // The entry point to call.
        internal IntPtr _methodPtr;
        // A second entry point, for delegates that need a stub.
        internal IntPtr _methodPtrAux;
#pragma warning restore 169, 649
    }
}
