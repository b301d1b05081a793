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

        // Array initializers: mcs emits `newarr; dup; ldtoken <field>; call
        // InitializeArray` with a field whose RVA data holds the elements.
        public static void InitializeArray(Array array, RuntimeFieldHandle fldHandle)
        {
            if (array == null)
                throw new ArgumentNullException("array");
            if (fldHandle.Value == IntPtr.Zero)
                throw new ArgumentException("The field handle is not valid.");
            InitializeArrayCore(array, fldHandle.Value);
        }

        // FCall: copies the field's data into the array's elements (raises
        // ArgumentException if the field holds fewer bytes than the array).
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern void InitializeArrayCore(Array array, IntPtr field);
    }
}
