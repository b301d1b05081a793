namespace System.Runtime.InteropServices
{
    // On a static method: it can only be called from native code. `ldftn`
    // of such a method gives a C function pointer (a reverse P/Invoke
    // thunk, docs/native-interop.md) instead of a managed one; calling it
    // from managed code is an InvalidProgramException, and making a
    // delegate of it a NotSupportedException. mcs cannot express the C# 9
    // function pointers that take such addresses: IL (ilasm) can.
    [AttributeUsage(AttributeTargets.Method, Inherited = false)]
    public sealed class UnmanagedCallersOnlyAttribute : Attribute
    {
        // The calling conventions (types such as CallConvCdecl); all of
        // them are System V on x86-64 Linux.
        public Type[] CallConvs;

        // An export name, for ahead-of-time compilers; not used.
        public string EntryPoint;

        public UnmanagedCallersOnlyAttribute()
        {
        }
    }
}
