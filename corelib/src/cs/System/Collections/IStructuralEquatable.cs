namespace System.Collections
{
    // Equality of an object's elements (tuples) through a given comparer.
    public interface IStructuralEquatable
    {
        bool Equals(object other, IEqualityComparer comparer);

        int GetHashCode(IEqualityComparer comparer);
    }
}
