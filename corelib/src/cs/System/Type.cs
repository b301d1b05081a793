using System.Reflection;

namespace System
{
    // A type, as reflection sees it. Object.GetType() returns the runtime's
    // RuntimeType; the rest of reflection comes later.
#pragma warning disable 660, 661 // Equals/GetHashCode: reference identity, as Object's
    public abstract class Type : MemberInfo
    {
        protected Type()
        {
        }

        // "Namespace.Outer+Inner"; null for generic parameters.
        public abstract string FullName { get; }

        // null for types outside any namespace.
        public abstract string Namespace { get; }

        public override string ToString()
        {
            return String.Concat("Type: ", Name);
        }

        // typeof(T): mcs emits ldtoken T and a call to this method.
        public static Type GetTypeFromHandle(RuntimeTypeHandle handle)
        {
            return GetTypeFromHandleCore(handle.Value);
        }

        // FCall: the one Type object of the type whose method table is `handle`
        // (null for a null handle).
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.InternalCall)]
        private static extern Type GetTypeFromHandleCore(IntPtr handle);

        public RuntimeTypeHandle TypeHandle
        {
            get { return GetTypeHandle(this); }
        }

        private static RuntimeTypeHandle GetTypeHandle(Type t)
        {
            RuntimeType rt = t as RuntimeType;
            return rt == null ? new RuntimeTypeHandle() : new RuntimeTypeHandle(rt.m_handle);
        }

        // Each type has exactly one Type object.
        public static bool operator ==(Type left, Type right)
        {
            return (object)left == (object)right;
        }

        public static bool operator !=(Type left, Type right)
        {
            return (object)left != (object)right;
        }
    }
#pragma warning restore 660, 661
}
