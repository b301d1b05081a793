// The exact GenericHooks (what the runtime will provide; see
// corelib/src/cs/System/Runtime/CompilerServices/GenericHooks.cs),
// written with Mono's reflection for corelib/tests/generic_library.rs: the
// test runs every program with this file in place of the portable one.

using System.Collections.Generic;

namespace System.Runtime.CompilerServices
{
    internal static class GenericHooks
    {
        // U for Nullable<U>, else null.
        private static Type NullableArgument(Type t)
        {
            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(Nullable<>))
                return t.GetGenericArguments()[0];
            return null;
        }

        internal static EqualityComparer<T> CreateDefaultEqualityComparer<T>()
        {
            Type t = typeof(T);
            if (typeof(IEquatable<>).MakeGenericType(t).IsAssignableFrom(t))
                return (EqualityComparer<T>)Activator.CreateInstance(typeof(GenericEqualityComparer<>).MakeGenericType(t));
            Type u = NullableArgument(t);
            if (u != null && typeof(IEquatable<>).MakeGenericType(u).IsAssignableFrom(u))
                return (EqualityComparer<T>)Activator.CreateInstance(typeof(NullableEqualityComparer<>).MakeGenericType(u));
            return new ObjectEqualityComparer<T>();
        }

        internal static Comparer<T> CreateDefaultComparer<T>()
        {
            Type t = typeof(T);
            if (typeof(IComparable<>).MakeGenericType(t).IsAssignableFrom(t))
                return (Comparer<T>)Activator.CreateInstance(typeof(GenericComparer<>).MakeGenericType(t));
            Type u = NullableArgument(t);
            if (u != null && typeof(IComparable<>).MakeGenericType(u).IsAssignableFrom(u))
                return (Comparer<T>)Activator.CreateInstance(typeof(NullableComparer<>).MakeGenericType(u));
            return new ObjectComparer<T>();
        }
    }
}
