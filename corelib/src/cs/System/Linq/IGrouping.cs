using System.Collections.Generic;

namespace System.Linq
{
    // A key and the elements that have it (GroupBy, ToLookup).
    public interface IGrouping<out TKey, out TElement> : IEnumerable<TElement>
    {
        TKey Key { get; }
    }
}
