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
