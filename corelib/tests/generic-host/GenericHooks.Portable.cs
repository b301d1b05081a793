using System.Collections.Generic;

// The portable GenericHooks: what corelib's hooks did before the runtime
// provided them (vm/src/fcall/generics.rs), kept as a second, reflection-free
// variant for corelib/tests/generic_library.rs.

namespace System.Runtime.CompilerServices
{
    // What corelib's generic library needs from the runtime's type system
    // (issue 11). Each hook is a small static method with a portable body,
    // exact for the primitives and strings and correct for the common
    // cases otherwise, that the runtime replaces (as an intrinsic or an
    // FCall) with the exact .NET behaviour described above it, which needs
    // what C# cannot express: an instance of a generic class instantiated
    // over T whose constraint (IEquatable<T>, IComparable<T>) only holds
    // for some T.
    //
    // corelib/tests/generic_library.rs runs every test program against
    // both versions: these portable bodies, and the exact choice
    // (corelib/tests/generic-host/GenericHooks.cs does it with Mono's
    // reflection).
    internal static class GenericHooks
    {
        // HOOK: EqualityComparer<T>.Default.
        //
        // Exact (what the runtime provides, CoreCLR's
        // ComparerHelpers.CreateDefaultEqualityComparer):
        //   - T implements IEquatable<T>: new GenericEqualityComparer<T>();
        //   - T is Nullable<U> and U implements IEquatable<U>:
        //     new NullableEqualityComparer<U>();
        //   - otherwise: new ObjectEqualityComparer<T>().
        //
        // Portable: the exact comparer for the primitives, string and their
        // nullable forms (KnownEqualityComparer); for every other T,
        // DynamicEqualityComparer<T>, which asks each value whether it
        // implements IEquatable<T>. That agrees with the exact choice
        // except for a T that does not implement IEquatable<T> whose
        // values are of a derived class that does (the exact comparer calls
        // Equals(object) there), and for a Nullable<U> whose U's
        // Equals(object) disagrees with its IEquatable<U>; and it boxes
        // value types at each call.
        internal static EqualityComparer<T> CreateDefaultEqualityComparer<T>()
        {
            object known = KnownEqualityComparer(typeof(T));
            if (known != null)
                return (EqualityComparer<T>)known;
            return new DynamicEqualityComparer<T>();
        }

        // HOOK: Comparer<T>.Default.
        //
        // Exact (CoreCLR's ComparerHelpers.CreateDefaultComparer):
        //   - T implements IComparable<T>: new GenericComparer<T>();
        //   - T is Nullable<U> and U implements IComparable<U>:
        //     new NullableComparer<U>();
        //   - otherwise: new ObjectComparer<T>() (the non-generic
        //     Comparer.Default: IComparable).
        //
        // Portable: the exact comparer for the primitives, string and their
        // nullable forms (KnownComparer); for every other T,
        // DynamicComparer<T>, which asks each value whether it implements
        // IComparable<T> and otherwise uses Comparer.Default. Differs from
        // the exact choice in the same corner cases as above (and a
        // Nullable<U> whose U implements only IComparable<U> throws "At
        // least one object must implement IComparable.").
        internal static Comparer<T> CreateDefaultComparer<T>()
        {
            object known = KnownComparer(typeof(T));
            if (known != null)
                return (Comparer<T>)known;
            return new DynamicComparer<T>();
        }

        // The exact EqualityComparer<T>.Default of the types below, written
        // out (their IEquatable<T> is known when corelib is compiled); null
        // for other types.
        private static object KnownEqualityComparer(Type t)
        {
            if (t == typeof(int))
                return new GenericEqualityComparer<int>();
            if (t == typeof(string))
                return new GenericEqualityComparer<string>();
            if (t == typeof(long))
                return new GenericEqualityComparer<long>();
            if (t == typeof(char))
                return new GenericEqualityComparer<char>();
            if (t == typeof(bool))
                return new GenericEqualityComparer<bool>();
            if (t == typeof(double))
                return new GenericEqualityComparer<double>();
            if (t == typeof(float))
                return new GenericEqualityComparer<float>();
            if (t == typeof(byte))
                return new GenericEqualityComparer<byte>();
            if (t == typeof(sbyte))
                return new GenericEqualityComparer<sbyte>();
            if (t == typeof(short))
                return new GenericEqualityComparer<short>();
            if (t == typeof(ushort))
                return new GenericEqualityComparer<ushort>();
            if (t == typeof(uint))
                return new GenericEqualityComparer<uint>();
            if (t == typeof(ulong))
                return new GenericEqualityComparer<ulong>();
            if (t == typeof(int?))
                return new NullableEqualityComparer<int>();
            if (t == typeof(long?))
                return new NullableEqualityComparer<long>();
            if (t == typeof(char?))
                return new NullableEqualityComparer<char>();
            if (t == typeof(bool?))
                return new NullableEqualityComparer<bool>();
            if (t == typeof(double?))
                return new NullableEqualityComparer<double>();
            return null;
        }

        // The exact Comparer<T>.Default of the same types.
        private static object KnownComparer(Type t)
        {
            if (t == typeof(int))
                return new GenericComparer<int>();
            if (t == typeof(string))
                return new GenericComparer<string>();
            if (t == typeof(long))
                return new GenericComparer<long>();
            if (t == typeof(char))
                return new GenericComparer<char>();
            if (t == typeof(bool))
                return new GenericComparer<bool>();
            if (t == typeof(double))
                return new GenericComparer<double>();
            if (t == typeof(float))
                return new GenericComparer<float>();
            if (t == typeof(byte))
                return new GenericComparer<byte>();
            if (t == typeof(sbyte))
                return new GenericComparer<sbyte>();
            if (t == typeof(short))
                return new GenericComparer<short>();
            if (t == typeof(ushort))
                return new GenericComparer<ushort>();
            if (t == typeof(uint))
                return new GenericComparer<uint>();
            if (t == typeof(ulong))
                return new GenericComparer<ulong>();
            if (t == typeof(int?))
                return new NullableComparer<int>();
            if (t == typeof(long?))
                return new NullableComparer<long>();
            if (t == typeof(char?))
                return new NullableComparer<char>();
            if (t == typeof(bool?))
                return new NullableComparer<bool>();
            if (t == typeof(double?))
                return new NullableComparer<double>();
            return null;
        }
    }
}

namespace System.Collections.Generic
{

    // EqualityComparer<T>.Default until the runtime provides GenericHooks'
    // exact choice: asks each value whether it implements IEquatable<T>
    // (the same answer as GenericEqualityComparer<T> for value types and
    // for classes that implement it themselves), else Object.Equals.
    internal sealed class DynamicEqualityComparer<T> : EqualityComparer<T>
    {
        public override bool Equals(T x, T y)
        {
            if (x != null)
            {
                if (y == null)
                    return false;
                IEquatable<T> equatable = x as IEquatable<T>;
                if (equatable != null)
                    return equatable.Equals(y);
                return x.Equals(y);
            }
            return y == null;
        }

        public override int GetHashCode(T obj)
        {
            return obj == null ? 0 : obj.GetHashCode();
        }
    }


    // Comparer<T>.Default until the runtime provides GenericHooks'
    // exact choice: asks each value whether it implements IComparable<T>
    // (the same answer as GenericComparer<T> for value types and for
    // classes that implement it themselves), then falls back to the
    // non-generic comparer.
    internal sealed class DynamicComparer<T> : Comparer<T>
    {
        public override int Compare(T x, T y)
        {
            if (x != null)
            {
                if (y == null)
                    return 1;
                IComparable<T> comparable = x as IComparable<T>;
                if (comparable != null)
                    return comparable.CompareTo(y);
                return System.Collections.Comparer.Default.Compare(x, y);
            }
            return y != null ? -1 : 0;
        }
    }
}
