using System.Collections.Generic;

namespace System.Linq
{
    // A map from keys to sequences of elements (ToLookup); a missing key
    // maps to an empty sequence.
    public interface ILookup<TKey, TElement> : IEnumerable<IGrouping<TKey, TElement>>
    {
        int Count { get; }

        IEnumerable<TElement> this[TKey key] { get; }

        bool Contains(TKey key);
    }
}
