namespace System.Collections.Generic
{
    // Equality and hashing of T, for hash-based collections: equal values
    // must have equal hash codes.
    public interface IEqualityComparer<in T>
    {
        bool Equals(T x, T y);

        int GetHashCode(T obj);
    }
}
