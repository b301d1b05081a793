using System.Runtime.CompilerServices;

namespace System
{
    // The Type objects the runtime hands out: one per type, created by the
    // runtime (never with newobj), so reference equality is type equality.
    internal sealed class RuntimeType : Type
    {
#pragma warning disable 649 // set by the runtime
        // The runtime's type handle (the method table pointer), as in
        // RuntimeTypeHandle.Value. The runtime relies on this being the only
        // instance field.
        internal IntPtr m_handle;
#pragma warning restore 649

        // Formats for GetTypeName.
        private const int FormatName = 0;      // "Int32", "Inner", "List`1", "Int32[]"
        private const int FormatNamespace = 1; // "System"; the outermost type's for nested types; null if none
        private const int FormatFullName = 2;  // "System.Int32", "Ns.Outer+Inner"; null for generic parameters
        private const int FormatToString = 3;  // "System.Int32", "Ns.Outer+Inner", "System.Collections.Generic.List`1[System.Int32]"

        private RuntimeType()
        {
        }

        // FCall. The name of the type whose handle is `handle`, in one of
        // the formats above, spelled as .NET's Type members spell it.
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern string GetTypeName(IntPtr handle, int format);

        public override string Name
        {
            get { return GetTypeName(m_handle, FormatName); }
        }

        public override string Namespace
        {
            get { return GetTypeName(m_handle, FormatNamespace); }
        }

        public override string FullName
        {
            get { return GetTypeName(m_handle, FormatFullName); }
        }

        public override string ToString()
        {
            return GetTypeName(m_handle, FormatToString);
        }
    }
}
