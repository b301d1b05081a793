namespace System.Collections
{
    // Equality and hashing of objects, for hash-based collections.
    public interface IEqualityComparer
    {
        bool Equals(object x, object y);

        int GetHashCode(object obj);
    }
}
