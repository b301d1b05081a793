namespace System.Runtime.CompilerServices
{
    public static class RuntimeHelpers
    {
        // Byte offset of String._firstChar from a string reference: the
        // method table pointer (8) and _stringLength (4). C# `fixed (char* p
        // = str)` adds it to the reference.
        public static int OffsetToStringData
        {
            get { return 12; }
        }

        // FCall. The identity hash of `o` (0 for null): stable for the
        // object's lifetime, whatever the GC does, and what
        // Object.GetHashCode returns.
        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern int GetHashCode(object o);

        // FCalls. The address of a managed local, for building QCall handles
        // (StringHandleOnStack, ObjectHandleOnStack). The local must stay in
        // scope for as long as the handle is used.
        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern IntPtr AddressOf(ref string local);

        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern IntPtr AddressOf(ref object local);
    }
}
