using System.Collections.Generic;

namespace System.Runtime.CompilerServices
{
    // What corelib's generic library needs from the runtime's type system
    // (issue 11). Each hook is a small static method with a portable body,
    // correct for the common cases, that the runtime replaces (as an
    // intrinsic or an FCall) with the exact .NET behaviour described above
    // it, which needs what C# cannot express: an instance of a generic
    // class instantiated over T whose constraint (IEquatable<T>,
    // IComparable<T>) only holds for some T.
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
        // Portable: DynamicEqualityComparer<T>, which asks each value
        // whether it implements IEquatable<T>. It agrees with the exact
        // choice except for a T that does not implement IEquatable<T>
        // whose values are of a derived class that does (the exact
        // comparer calls Equals(object) there), and for a Nullable<U>
        // whose U's Equals(object) disagrees with its IEquatable<U>.
        // Boxes value types at each call.
        internal static EqualityComparer<T> CreateDefaultEqualityComparer<T>()
        {
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
        // Portable: DynamicComparer<T>, which asks each value whether it
        // implements IComparable<T> and otherwise uses Comparer.Default.
        // Differs from the exact choice in the same corner cases as above
        // (and a Nullable<U> whose U implements only IComparable<U>
        // throws "At least one object must implement IComparable.").
        internal static Comparer<T> CreateDefaultComparer<T>()
        {
            return new DynamicComparer<T>();
        }
    }
}
