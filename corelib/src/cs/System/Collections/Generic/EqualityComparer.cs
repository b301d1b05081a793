using System.Runtime.CompilerServices;

namespace System.Collections.Generic
{
    // The base of equality comparers of T. Default compares through
    // IEquatable<T> when T implements it (for T? through the underlying
    // type's), otherwise through Object.Equals; null equals only null.
    public abstract class EqualityComparer<T> : IEqualityComparer, IEqualityComparer<T>
    {
        private static readonly EqualityComparer<T> s_default = GenericHooks.CreateDefaultEqualityComparer<T>();

        protected EqualityComparer()
        {
        }

        public static EqualityComparer<T> Default
        {
            get { return s_default; }
        }

        public abstract bool Equals(T x, T y);

        public abstract int GetHashCode(T obj);

        // The first index in [startIndex, startIndex + count) holding a
        // value equal to `value`, or -1 (Array.IndexOf<T>, List<T>.IndexOf).
        internal virtual int IndexOf(T[] array, T value, int startIndex, int count)
        {
            int end = startIndex + count;
            for (int i = startIndex; i < end; i++)
            {
                if (Equals(array[i], value))
                    return i;
            }
            return -1;
        }

        // The last such index, searching [startIndex - count + 1, startIndex].
        internal virtual int LastIndexOf(T[] array, T value, int startIndex, int count)
        {
            int end = startIndex - count + 1;
            for (int i = startIndex; i >= end; i--)
            {
                if (Equals(array[i], value))
                    return i;
            }
            return -1;
        }

        int IEqualityComparer.GetHashCode(object obj)
        {
            if (obj == null)
                return 0;
            if (obj is T)
                return GetHashCode((T)obj);
            throw new ArgumentException("Type of argument is not compatible with the generic comparer.");
        }

        bool IEqualityComparer.Equals(object x, object y)
        {
            if (x == y)
                return true;
            if (x == null || y == null)
                return false;
            if (x is T && y is T)
                return Equals((T)x, (T)y);
            throw new ArgumentException("Type of argument is not compatible with the generic comparer.");
        }
    }

    // EqualityComparer<T>.Default when T implements IEquatable<T>.
    internal sealed class GenericEqualityComparer<T> : EqualityComparer<T> where T : IEquatable<T>
    {
        public override bool Equals(T x, T y)
        {
            if (x != null)
            {
                if (y != null)
                    return x.Equals(y);
                return false;
            }
            if (y != null)
                return false;
            return true;
        }

        public override int GetHashCode(T obj)
        {
            return obj == null ? 0 : obj.GetHashCode();
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

    // EqualityComparer<T?>.Default when T implements IEquatable<T>.
    internal sealed class NullableEqualityComparer<T> : EqualityComparer<T?> where T : struct, IEquatable<T>
    {
        public override bool Equals(T? x, T? y)
        {
            if (x.HasValue)
            {
                if (y.HasValue)
                    return x.GetValueOrDefault().Equals(y.GetValueOrDefault());
                return false;
            }
            if (y.HasValue)
                return false;
            return true;
        }

        public override int GetHashCode(T? obj)
        {
            return obj.GetHashCode();
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

    // EqualityComparer<T>.Default for every other T: Object.Equals.
    internal sealed class ObjectEqualityComparer<T> : EqualityComparer<T>
    {
        public override bool Equals(T x, T y)
        {
            if (x != null)
            {
                if (y != null)
                    return x.Equals(y);
                return false;
            }
            if (y != null)
                return false;
            return true;
        }

        public override int GetHashCode(T obj)
        {
            return obj == null ? 0 : obj.GetHashCode();
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
}
