using System.Runtime.CompilerServices;

namespace System
{
    // The Type objects the runtime hands out: one per type, created by the
    // runtime (never with newobj), so reference equality is type equality.
    // The questions about the type are FCalls on the method table
    // (vm/src/fcall/reflection.rs).
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

        // Bits of GetAttributes.
        private const int AttrValueType = 1;
        private const int AttrInterface = 2;
        private const int AttrEnum = 4;
        private const int AttrArray = 8;
        private const int AttrSZArray = 16;
        private const int AttrPrimitive = 32;
        private const int AttrAbstract = 64;
        private const int AttrSealed = 128;
        private const int AttrPublic = 256;
        private const int AttrNested = 512;
        private const int RankShift = 16;

        private RuntimeType()
        {
        }

        // FCall. The name of the type whose handle is `handle`, in one of
        // the formats above, spelled as .NET's Type members spell it.
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern string GetTypeName(IntPtr handle, int format);

        // FCall. The Attr* bits of the type, and its array rank << 16.
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern int GetAttributes(IntPtr handle);

        // FCall. The base type's handle (0 for Object and interfaces).
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern IntPtr GetBaseTypeHandle(IntPtr handle);

        // FCall. An array type's element type (0 for other types).
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern IntPtr GetElementTypeHandle(IntPtr handle);

        // FCall. Whether a `from` value can be stored in a `to` location.
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern bool IsAssignable(IntPtr to, IntPtr from);

        // FCall. The array type of `handle` elements: single-dimensional for
        // rank 0, else multi-dimensional of that rank.
        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern IntPtr MakeArrayTypeHandle(IntPtr handle, int rank);

        // FCall. The type named `fullName` ("Ns.Outer+Inner") in a loaded
        // assembly (loaded now if it was not yet), or 0.
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern IntPtr FindTypeHandle(string fullName, bool ignoreCase);

        internal static Type FromHandle(IntPtr handle)
        {
            return handle == IntPtr.Zero ? null : GetTypeFromHandleCore(handle);
        }

        private int Attributes
        {
            get { return GetAttributes(m_handle); }
        }

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

        public override string AssemblyQualifiedName
        {
            get { return FullName; }
        }

        public override string ToString()
        {
            return GetTypeName(m_handle, FormatToString);
        }

        public override Type BaseType
        {
            get { return FromHandle(GetBaseTypeHandle(m_handle)); }
        }

        public override Type UnderlyingSystemType
        {
            get { return this; }
        }

        public override bool IsValueType
        {
            get { return (Attributes & AttrValueType) != 0; }
        }

        public override bool IsClass
        {
            get { return (Attributes & (AttrValueType | AttrInterface)) == 0; }
        }

        public override bool IsInterface
        {
            get { return (Attributes & AttrInterface) != 0; }
        }

        public override bool IsEnum
        {
            get { return (Attributes & AttrEnum) != 0; }
        }

        public override bool IsArray
        {
            get { return (Attributes & AttrArray) != 0; }
        }

        public override bool IsSZArray
        {
            get { return (Attributes & AttrSZArray) != 0; }
        }

        public override bool IsPrimitive
        {
            get { return (Attributes & AttrPrimitive) != 0; }
        }

        public override bool IsAbstract
        {
            get { return (Attributes & AttrAbstract) != 0; }
        }

        public override bool IsSealed
        {
            get { return (Attributes & AttrSealed) != 0; }
        }

        public override bool IsPublic
        {
            get { return (Attributes & AttrPublic) != 0 && (Attributes & AttrNested) == 0; }
        }

        public override bool IsNested
        {
            get { return (Attributes & AttrNested) != 0; }
        }

        public override Type GetElementType()
        {
            return FromHandle(GetElementTypeHandle(m_handle));
        }

        public override int GetArrayRank()
        {
            int a = Attributes;
            if ((a & AttrArray) == 0)
                throw new ArgumentException("The type must be an array.");
            return a >> RankShift;
        }

        public override Type MakeArrayType()
        {
            return FromHandle(MakeArrayTypeHandle(m_handle, 0));
        }

        public override Type MakeArrayType(int rank)
        {
            if (rank <= 0 || rank > 32)
                throw new IndexOutOfRangeException();
            return FromHandle(MakeArrayTypeHandle(m_handle, rank));
        }

        public override bool IsAssignableFrom(Type c)
        {
            RuntimeType from = c as RuntimeType;
            if (from == null)
                return false;
            return IsAssignable(m_handle, from.m_handle);
        }

        public override bool Equals(Type o)
        {
            return (object)o == (object)this;
        }

        public override bool Equals(object o)
        {
            return o == (object)this;
        }

        public override int GetHashCode()
        {
            return RuntimeHelpers.GetHashCode(this);
        }

        // Type.GetType: the name, without an assembly name after a comma,
        // with "[]", "[,]" ... suffixes for arrays.
        internal static Type FindType(string typeName, bool ignoreCase)
        {
            string name = typeName.Trim();
            int close = name.LastIndexOf(']');
            int comma = name.IndexOf(',', close < 0 ? 0 : close);
            if (comma >= 0)
                name = name.Substring(0, comma).Trim();
            int bracket = name.IndexOf('[');
            string elementName = bracket < 0 ? name : name.Substring(0, bracket);
            if (elementName.Length == 0)
                return null;
            IntPtr handle = FindTypeHandle(elementName, ignoreCase);
            if (handle == IntPtr.Zero)
                return null;
            int i = bracket;
            while (i >= 0 && i < name.Length)
            {
                if (name[i] != '[')
                    return null;
                int end = name.IndexOf(']', i);
                if (end < 0)
                    return null;
                int rank = end - i;
                for (int k = i + 1; k < end; k++)
                {
                    if (name[k] != ',')
                        return null;
                }
                handle = MakeArrayTypeHandle(handle, rank == 1 ? 0 : rank);
                i = end + 1;
            }
            return FromHandle(handle);
        }
    }
}
