using System.Collections.Generic;

namespace System.Runtime.CompilerServices
{
    // What corelib's generic library needs from the runtime's type system
    // (issue 11): an instance of a generic class instantiated over T whose
    // constraint (IEquatable<T>, IComparable<T>) holds only for some T,
    // which C# cannot express without reflection. The internal calls are in
    // vm/src/fcall/generics.rs. corelib/tests/generic_library.rs checks the
    // same choices on mono (tests/generic-host/GenericHooks.Exact.cs, written
    // with Mono's reflection).
    internal static class GenericHooks
    {
        // EqualityComparer<T>.Default (CoreCLR's
        // ComparerHelpers.CreateDefaultEqualityComparer):
        //   - T implements IEquatable<T>: GenericEqualityComparer<T>;
        //   - T is Nullable<U> and U implements IEquatable<U>:
        //     NullableEqualityComparer<U>;
        //   - otherwise: ObjectEqualityComparer<T>.
        internal static EqualityComparer<T> CreateDefaultEqualityComparer<T>()
        {
            Type t = typeof(T);
            if (IsAssignableTo(t, typeof(IEquatable<T>)))
                return (EqualityComparer<T>)CreateInstance(Instantiate(typeof(GenericEqualityComparer<>), t));
            Type u = NullableUnderlying(t);
            if (u != null && IsAssignableTo(u, Instantiate(typeof(IEquatable<>), u)))
                return (EqualityComparer<T>)CreateInstance(Instantiate(typeof(NullableEqualityComparer<>), u));
            return new ObjectEqualityComparer<T>();
        }

        // Comparer<T>.Default (CoreCLR's ComparerHelpers.CreateDefaultComparer):
        //   - T implements IComparable<T>: GenericComparer<T>;
        //   - T is Nullable<U> and U implements IComparable<U>:
        //     NullableComparer<U>;
        //   - otherwise: ObjectComparer<T> (the non-generic Comparer.Default).
        internal static Comparer<T> CreateDefaultComparer<T>()
        {
            Type t = typeof(T);
            if (IsAssignableTo(t, typeof(IComparable<T>)))
                return (Comparer<T>)CreateInstance(Instantiate(typeof(GenericComparer<>), t));
            Type u = NullableUnderlying(t);
            if (u != null && IsAssignableTo(u, Instantiate(typeof(IComparable<>), u)))
                return (Comparer<T>)CreateInstance(Instantiate(typeof(NullableComparer<>), u));
            return new ObjectComparer<T>();
        }

        // Whether a value of `from` can be stored where `to` is expected
        // (for a value type: whether it implements the interface `to`).
        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern bool IsAssignableTo(Type from, Type to);

        // The instantiation of `definition`'s generic type over `argument`.
        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern Type Instantiate(Type definition, Type argument);

        // A new instance by the public parameterless constructor (a boxed
        // default value for a value type).
        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern object CreateInstance(Type type);

        // U for Nullable<U>, else null.
        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern Type NullableUnderlying(Type type);
    }
}
