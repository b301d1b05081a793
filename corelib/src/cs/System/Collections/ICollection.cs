namespace System.Collections
{
    // A sized collection of objects that can be copied into an array.
    public interface ICollection : IEnumerable
    {
        int Count { get; }

        // An object callers may lock to synchronize access (the collection
        // itself for corelib's collections).
        object SyncRoot { get; }

        bool IsSynchronized { get; }

        void CopyTo(Array array, int index);
    }
}
