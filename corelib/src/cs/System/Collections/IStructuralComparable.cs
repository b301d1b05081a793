namespace System.Collections
{
    // Order of an object's elements (tuples) through a given comparer.
    public interface IStructuralComparable
    {
        int CompareTo(object other, IComparer comparer);
    }
}
