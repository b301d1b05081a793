namespace System.Collections.Generic
{
    // A collection of distinct elements with the set operations.
    public interface ISet<T> : ICollection<T>
    {
        // false if the element was already there.
        new bool Add(T item);

        void UnionWith(IEnumerable<T> other);

        void IntersectWith(IEnumerable<T> other);

        void ExceptWith(IEnumerable<T> other);

        void SymmetricExceptWith(IEnumerable<T> other);

        bool IsSubsetOf(IEnumerable<T> other);

        bool IsSupersetOf(IEnumerable<T> other);

        bool IsProperSupersetOf(IEnumerable<T> other);

        bool IsProperSubsetOf(IEnumerable<T> other);

        bool Overlaps(IEnumerable<T> other);

        bool SetEquals(IEnumerable<T> other);
    }
}
