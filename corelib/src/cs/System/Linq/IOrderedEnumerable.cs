using System.Collections.Generic;

namespace System.Linq
{
    // A sorted sequence that ThenBy and ThenByDescending can sort further.
    public interface IOrderedEnumerable<out TElement> : IEnumerable<TElement>
    {
        IOrderedEnumerable<TElement> CreateOrderedEnumerable<TKey>(Func<TElement, TKey> keySelector, IComparer<TKey> comparer, bool descending);
    }
}
