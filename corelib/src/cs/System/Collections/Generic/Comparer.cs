using System.Runtime.CompilerServices;

namespace System.Collections.Generic
{
    // The base of comparers of T. Default is T's natural order: through
    // IComparable<T> when T implements it (for T? through the underlying
    // type's, nulls first), otherwise through the non-generic
    // Comparer.Default (strings by culture, IComparable).
    public abstract class Comparer<T> : IComparer, IComparer<T>
    {
        private static readonly Comparer<T> s_default = GenericHooks.CreateDefaultComparer<T>();

        protected Comparer()
        {
        }

        public static Comparer<T> Default
        {
            get { return s_default; }
        }

        public static Comparer<T> Create(Comparison<T> comparison)
        {
            if (comparison == null)
                ThrowHelper.ThrowArgumentNullException("comparison");
            return new ComparisonComparer<T>(comparison);
        }

        public abstract int Compare(T x, T y);

        int IComparer.Compare(object x, object y)
        {
            if (x == null)
                return y == null ? 0 : -1;
            if (y == null)
                return 1;
            if (x is T && y is T)
                return Compare((T)x, (T)y);
            throw new ArgumentException("Type of argument is not compatible with the generic comparer.");
        }
    }

    // Comparer<T>.Default when T implements IComparable<T>.
    internal sealed class GenericComparer<T> : Comparer<T> where T : IComparable<T>
    {
        public override int Compare(T x, T y)
        {
            if (x != null)
            {
                if (y != null)
                    return x.CompareTo(y);
                return 1;
            }
            if (y != null)
                return -1;
            return 0;
        }

        public override bool Equals(object obj)
        {
            return obj != null && GetType() == obj.GetType();
        }

        public override int GetHashCode()
        {
            return GetType().Name.GetHashCode();
        }
    }

    // Comparer<T?>.Default when T implements IComparable<T>: no value sorts
    // first.
    internal sealed class NullableComparer<T> : Comparer<T?> where T : struct, IComparable<T>
    {
        public override int Compare(T? x, T? y)
        {
            if (x.HasValue)
            {
                if (y.HasValue)
                    return x.GetValueOrDefault().CompareTo(y.GetValueOrDefault());
                return 1;
            }
            if (y.HasValue)
                return -1;
            return 0;
        }

        public override bool Equals(object obj)
        {
            return obj != null && GetType() == obj.GetType();
        }

        public override int GetHashCode()
        {
            return GetType().Name.GetHashCode();
        }
    }

    // Comparer<T>.Default for every other T.
    internal sealed class ObjectComparer<T> : Comparer<T>
    {
        public override int Compare(T x, T y)
        {
            return System.Collections.Comparer.Default.Compare(x, y);
        }

        public override bool Equals(object obj)
        {
            return obj != null && GetType() == obj.GetType();
        }

        public override int GetHashCode()
        {
            return GetType().Name.GetHashCode();
        }
    }

    // Comparer<T>.Create's comparer.
    internal sealed class ComparisonComparer<T> : Comparer<T>
    {
        private readonly Comparison<T> _comparison;

        public ComparisonComparer(Comparison<T> comparison)
        {
            _comparison = comparison;
        }

        public override int Compare(T x, T y)
        {
            return _comparison(x, y);
        }
    }
}
