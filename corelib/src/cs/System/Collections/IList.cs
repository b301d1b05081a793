namespace System.Collections
{
    // A collection of objects reached by index.
    public interface IList : ICollection
    {
        object this[int index] { get; set; }

        bool IsReadOnly { get; }

        bool IsFixedSize { get; }

        // The index the value was stored at (-1 if it was not added).
        int Add(object value);

        bool Contains(object value);

        void Clear();

        int IndexOf(object value);

        void Insert(int index, object value);

        void Remove(object value);

        void RemoveAt(int index);
    }
}
