using System.Collections;
using System.Collections.Generic;

namespace System.Linq
{
    // OrderBy, OrderByDescending, ThenBy, ThenByDescending: a stable sort
    // (equal keys keep their order), keys computed once per element when
    // the result is enumerated, as on .NET.
    public static partial class Enumerable
    {
        public static IOrderedEnumerable<TSource> OrderBy<TSource, TKey>(this IEnumerable<TSource> source, Func<TSource, TKey> keySelector)
        {
            return new OrderedEnumerable<TSource, TKey>(source, keySelector, null, false, null);
        }

        public static IOrderedEnumerable<TSource> OrderBy<TSource, TKey>(this IEnumerable<TSource> source, Func<TSource, TKey> keySelector, IComparer<TKey> comparer)
        {
            return new OrderedEnumerable<TSource, TKey>(source, keySelector, comparer, false, null);
        }

        public static IOrderedEnumerable<TSource> OrderByDescending<TSource, TKey>(this IEnumerable<TSource> source, Func<TSource, TKey> keySelector)
        {
            return new OrderedEnumerable<TSource, TKey>(source, keySelector, null, true, null);
        }

        public static IOrderedEnumerable<TSource> OrderByDescending<TSource, TKey>(this IEnumerable<TSource> source, Func<TSource, TKey> keySelector, IComparer<TKey> comparer)
        {
            return new OrderedEnumerable<TSource, TKey>(source, keySelector, comparer, true, null);
        }

        public static IOrderedEnumerable<TSource> ThenBy<TSource, TKey>(this IOrderedEnumerable<TSource> source, Func<TSource, TKey> keySelector)
        {
            return ThenBy(source, keySelector, null, false);
        }

        public static IOrderedEnumerable<TSource> ThenBy<TSource, TKey>(this IOrderedEnumerable<TSource> source, Func<TSource, TKey> keySelector, IComparer<TKey> comparer)
        {
            return ThenBy(source, keySelector, comparer, false);
        }

        public static IOrderedEnumerable<TSource> ThenByDescending<TSource, TKey>(this IOrderedEnumerable<TSource> source, Func<TSource, TKey> keySelector)
        {
            return ThenBy(source, keySelector, null, true);
        }

        public static IOrderedEnumerable<TSource> ThenByDescending<TSource, TKey>(this IOrderedEnumerable<TSource> source, Func<TSource, TKey> keySelector, IComparer<TKey> comparer)
        {
            return ThenBy(source, keySelector, comparer, true);
        }

        private static IOrderedEnumerable<TSource> ThenBy<TSource, TKey>(IOrderedEnumerable<TSource> source, Func<TSource, TKey> keySelector, IComparer<TKey> comparer, bool descending)
        {
            if (source == null)
                throw Error.ArgumentNull("source");
            // corelib's own ordered sequences are extended directly (no
            // generic virtual call); others through the interface.
            OrderedEnumerable<TSource> ordered = source as OrderedEnumerable<TSource>;
            if (ordered != null)
                return ordered.ThenBy(keySelector, comparer, descending);
            return source.CreateOrderedEnumerable(keySelector, comparer, descending);
        }
    }

    // A buffered copy of a sequence.
    internal struct Buffer<TElement>
    {
        internal readonly TElement[] _items;
        internal readonly int _count;

        internal Buffer(IEnumerable<TElement> source)
        {
            IIListProvider<TElement> iterator = source as IIListProvider<TElement>;
            if (iterator != null)
            {
                TElement[] array = iterator.ToArray();
                _items = array;
                _count = array.Length;
            }
            else
            {
                _items = EnumerableHelpers.ToArray(source, out _count);
            }
        }
    }

    internal abstract class OrderedEnumerable<TElement> : IOrderedEnumerable<TElement>, IPartition<TElement>
    {
        internal IEnumerable<TElement> _source;

        // The sort keys for the whole chain of OrderBy/ThenBy, `next` the
        // ones that break this level's ties.
        internal abstract EnumerableSorter<TElement> GetEnumerableSorter(EnumerableSorter<TElement> next);

        // The comparer First and Last use (keys computed lazily).
        internal abstract CachingComparer<TElement> GetComparer(CachingComparer<TElement> childComparer);

        internal IOrderedEnumerable<TElement> ThenBy<TKey>(Func<TElement, TKey> keySelector, IComparer<TKey> comparer, bool descending)
        {
            return new OrderedEnumerable<TElement, TKey>(_source, keySelector, comparer, descending, this);
        }

        IOrderedEnumerable<TElement> IOrderedEnumerable<TElement>.CreateOrderedEnumerable<TKey>(Func<TElement, TKey> keySelector, IComparer<TKey> comparer, bool descending)
        {
            return new OrderedEnumerable<TElement, TKey>(_source, keySelector, comparer, descending, this);
        }

        // The elements' indexes in sorted order.
        private int[] SortedMap(Buffer<TElement> buffer)
        {
            return GetEnumerableSorter(null).Sort(buffer._items, buffer._count);
        }

        public IEnumerator<TElement> GetEnumerator()
        {
            return new OrderedEnumerator(this, 0, int.MaxValue);
        }

        IEnumerator IEnumerable.GetEnumerator()
        {
            return GetEnumerator();
        }

        // Sorts on the first MoveNext, then returns the elements from
        // minIdx to maxIdx of the sorted order.
        private sealed class OrderedEnumerator : IEnumerator<TElement>
        {
            private readonly OrderedEnumerable<TElement> _ordered;
            private readonly int _minIdx;
            private readonly int _maxIdx;
            private TElement[] _items;
            private int[] _map;
            private int _index;
            private int _end;
            private TElement _current;
            // 0: not started; 1: running; 2: finished.
            private int _state;

            internal OrderedEnumerator(OrderedEnumerable<TElement> ordered, int minIdx, int maxIdx)
            {
                _ordered = ordered;
                _minIdx = minIdx;
                _maxIdx = maxIdx;
            }

            public bool MoveNext()
            {
                if (_state == 0)
                {
                    Buffer<TElement> buffer = new Buffer<TElement>(_ordered._source);
                    _state = 1;
                    if (buffer._count <= _minIdx)
                    {
                        _state = 2;
                        return false;
                    }
                    _items = buffer._items;
                    _map = _ordered.SortedMap(buffer);
                    _index = _minIdx;
                    _end = _maxIdx < buffer._count - 1 ? _maxIdx + 1 : buffer._count;
                }
                if (_state == 1 && _index < _end)
                {
                    _current = _items[_map[_index++]];
                    return true;
                }
                _state = 2;
                _current = default(TElement);
                return false;
            }

            public TElement Current
            {
                get { return _current; }
            }

            object IEnumerator.Current
            {
                get { return _current; }
            }

            void IEnumerator.Reset()
            {
                throw Error.NotSupported();
            }

            public void Dispose()
            {
                _state = 2;
            }
        }

        internal IEnumerator<TElement> GetEnumerator(int minIdx, int maxIdx)
        {
            return new OrderedEnumerator(this, minIdx, maxIdx);
        }

        public TElement[] ToArray()
        {
            Buffer<TElement> buffer = new Buffer<TElement>(_source);
            int count = buffer._count;
            if (count == 0)
                return buffer._items;
            TElement[] array = new TElement[count];
            int[] map = SortedMap(buffer);
            for (int i = 0; i != array.Length; i++)
                array[i] = buffer._items[map[i]];
            return array;
        }

        public List<TElement> ToList()
        {
            Buffer<TElement> buffer = new Buffer<TElement>(_source);
            int count = buffer._count;
            List<TElement> list = new List<TElement>(count);
            if (count > 0)
            {
                int[] map = SortedMap(buffer);
                for (int i = 0; i != count; i++)
                    list.Add(buffer._items[map[i]]);
            }
            return list;
        }

        // The source's count: no keys are computed.
        public int GetCount(bool onlyIfCheap)
        {
            IIListProvider<TElement> listProv = _source as IIListProvider<TElement>;
            if (listProv != null)
                return listProv.GetCount(onlyIfCheap);
            return !onlyIfCheap || _source is ICollection<TElement> || _source is ICollection ? _source.Count() : -1;
        }

        internal TElement[] ToArray(int minIdx, int maxIdx)
        {
            List<TElement> list = ToList(minIdx, maxIdx);
            return list.ToArray();
        }

        internal List<TElement> ToList(int minIdx, int maxIdx)
        {
            Buffer<TElement> buffer = new Buffer<TElement>(_source);
            int count = buffer._count;
            List<TElement> list = new List<TElement>();
            if (count > minIdx)
            {
                if (count <= maxIdx)
                    maxIdx = count - 1;
                int[] map = SortedMap(buffer);
                for (int i = minIdx; i <= maxIdx; i++)
                    list.Add(buffer._items[map[i]]);
            }
            return list;
        }

        internal int GetCount(int minIdx, int maxIdx, bool onlyIfCheap)
        {
            int count = GetCount(onlyIfCheap);
            if (count <= 0)
                return count;
            if (count <= minIdx)
                return 0;
            return (count <= maxIdx ? count : maxIdx + 1) - minIdx;
        }

        public IPartition<TElement> Skip(int count)
        {
            return new OrderedPartition<TElement>(this, count, int.MaxValue);
        }

        public IPartition<TElement> Take(int count)
        {
            return new OrderedPartition<TElement>(this, 0, count - 1);
        }

        public TElement TryGetElementAt(int index, out bool found)
        {
            if (index == 0)
                return TryGetFirst(out found);
            if (index > 0)
            {
                Buffer<TElement> buffer = new Buffer<TElement>(_source);
                int count = buffer._count;
                if (index < count)
                {
                    found = true;
                    return buffer._items[SortedMap(buffer)[index]];
                }
            }
            found = false;
            return default(TElement);
        }

        // The smallest element: one pass, each key computed once (ThenBy
        // keys only to break ties), as on .NET.
        public TElement TryGetFirst(out bool found)
        {
            CachingComparer<TElement> comparer = GetComparer(null);
            using (IEnumerator<TElement> e = _source.GetEnumerator())
            {
                if (!e.MoveNext())
                {
                    found = false;
                    return default(TElement);
                }
                TElement value = e.Current;
                comparer.SetElement(value);
                while (e.MoveNext())
                {
                    TElement x = e.Current;
                    if (comparer.Compare(x, true) < 0)
                        value = x;
                }
                found = true;
                return value;
            }
        }

        internal TElement TryGetFirst(Func<TElement, bool> predicate, out bool found)
        {
            CachingComparer<TElement> comparer = GetComparer(null);
            using (IEnumerator<TElement> e = _source.GetEnumerator())
            {
                TElement value;
                do
                {
                    if (!e.MoveNext())
                    {
                        found = false;
                        return default(TElement);
                    }
                    value = e.Current;
                } while (!predicate(value));
                comparer.SetElement(value);
                while (e.MoveNext())
                {
                    TElement x = e.Current;
                    if (predicate(x) && comparer.Compare(x, true) < 0)
                        value = x;
                }
                found = true;
                return value;
            }
        }

        // The greatest element (the last of equal ones).
        public TElement TryGetLast(out bool found)
        {
            using (IEnumerator<TElement> e = _source.GetEnumerator())
            {
                if (!e.MoveNext())
                {
                    found = false;
                    return default(TElement);
                }
                CachingComparer<TElement> comparer = GetComparer(null);
                TElement value = e.Current;
                comparer.SetElement(value);
                while (e.MoveNext())
                {
                    TElement current = e.Current;
                    if (comparer.Compare(current, false) >= 0)
                        value = current;
                }
                found = true;
                return value;
            }
        }

        internal TElement TryGetLast(int minIdx, int maxIdx, out bool found)
        {
            Buffer<TElement> buffer = new Buffer<TElement>(_source);
            int count = buffer._count;
            if (minIdx >= count)
            {
                found = false;
                return default(TElement);
            }
            found = true;
            if (maxIdx < count - 1)
                return buffer._items[SortedMap(buffer)[maxIdx]];
            CachingComparer<TElement> comparer = GetComparer(null);
            TElement[] items = buffer._items;
            TElement value = items[0];
            comparer.SetElement(value);
            for (int i = 1; i != count; ++i)
            {
                TElement x = items[i];
                if (comparer.Compare(x, false) >= 0)
                    value = x;
            }
            return value;
        }

        internal TElement TryGetLast(Func<TElement, bool> predicate, out bool found)
        {
            CachingComparer<TElement> comparer = GetComparer(null);
            using (IEnumerator<TElement> e = _source.GetEnumerator())
            {
                TElement value;
                do
                {
                    if (!e.MoveNext())
                    {
                        found = false;
                        return default(TElement);
                    }
                    value = e.Current;
                } while (!predicate(value));
                comparer.SetElement(value);
                while (e.MoveNext())
                {
                    TElement x = e.Current;
                    if (predicate(x) && comparer.Compare(x, false) >= 0)
                        value = x;
                }
                found = true;
                return value;
            }
        }
    }

    internal sealed class OrderedEnumerable<TElement, TKey> : OrderedEnumerable<TElement>
    {
        private readonly OrderedEnumerable<TElement> _parent;
        private readonly Func<TElement, TKey> _keySelector;
        private readonly IComparer<TKey> _comparer;
        private readonly bool _descending;

        internal OrderedEnumerable(IEnumerable<TElement> source, Func<TElement, TKey> keySelector, IComparer<TKey> comparer, bool descending, OrderedEnumerable<TElement> parent)
        {
            if (source == null)
                throw Error.ArgumentNull("source");
            if (keySelector == null)
                throw Error.ArgumentNull("keySelector");
            _source = source;
            _parent = parent;
            _keySelector = keySelector;
            _comparer = comparer ?? Comparer<TKey>.Default;
            _descending = descending;
        }

        internal override EnumerableSorter<TElement> GetEnumerableSorter(EnumerableSorter<TElement> next)
        {
            EnumerableSorter<TElement> sorter = new EnumerableSorter<TElement, TKey>(_keySelector, _comparer, _descending, next);
            if (_parent != null)
                sorter = _parent.GetEnumerableSorter(sorter);
            return sorter;
        }

        internal override CachingComparer<TElement> GetComparer(CachingComparer<TElement> childComparer)
        {
            CachingComparer<TElement> cmp = childComparer == null
                ? new CachingComparer<TElement, TKey>(_keySelector, _comparer, _descending)
                : new CachingComparerWithChild<TElement, TKey>(_keySelector, _comparer, _descending, childComparer);
            return _parent != null ? _parent.GetComparer(cmp) : cmp;
        }
    }

    // Compares elements against the best one so far, keeping its key.
    internal abstract class CachingComparer<TElement>
    {
        // Compares `element` with the cached one; caches it when it is
        // lower (cacheLower) or not lower (!cacheLower).
        internal abstract int Compare(TElement element, bool cacheLower);

        internal abstract void SetElement(TElement element);
    }

    internal class CachingComparer<TElement, TKey> : CachingComparer<TElement>
    {
        protected readonly Func<TElement, TKey> _keySelector;
        protected readonly IComparer<TKey> _comparer;
        protected readonly bool _descending;
        protected TKey _lastKey;

        public CachingComparer(Func<TElement, TKey> keySelector, IComparer<TKey> comparer, bool descending)
        {
            _keySelector = keySelector;
            _comparer = comparer;
            _descending = descending;
        }

        internal override int Compare(TElement element, bool cacheLower)
        {
            TKey newKey = _keySelector(element);
            int cmp = _descending ? _comparer.Compare(_lastKey, newKey) : _comparer.Compare(newKey, _lastKey);
            if (cacheLower == cmp < 0)
                _lastKey = newKey;
            return cmp;
        }

        internal override void SetElement(TElement element)
        {
            _lastKey = _keySelector(element);
        }
    }

    internal sealed class CachingComparerWithChild<TElement, TKey> : CachingComparer<TElement, TKey>
    {
        private readonly CachingComparer<TElement> _child;

        public CachingComparerWithChild(Func<TElement, TKey> keySelector, IComparer<TKey> comparer, bool descending, CachingComparer<TElement> child)
            : base(keySelector, comparer, descending)
        {
            _child = child;
        }

        internal override int Compare(TElement element, bool cacheLower)
        {
            TKey newKey = _keySelector(element);
            int cmp = _descending ? _comparer.Compare(_lastKey, newKey) : _comparer.Compare(newKey, _lastKey);
            if (cmp == 0)
                return _child.Compare(element, cacheLower);
            if (cacheLower == cmp < 0)
            {
                _lastKey = newKey;
                _child.SetElement(element);
            }
            return cmp;
        }

        internal override void SetElement(TElement element)
        {
            base.SetElement(element);
            _child.SetElement(element);
        }
    }

    // Sorts an index map by the keys of every level, ties broken by the
    // original position (which makes the sort stable).
    internal abstract class EnumerableSorter<TElement>
    {
        internal abstract void ComputeKeys(TElement[] elements, int count);

        internal abstract int CompareAnyKeys(int index1, int index2);

        private int[] ComputeMap(TElement[] elements, int count)
        {
            ComputeKeys(elements, count);
            int[] map = new int[count];
            for (int i = 0; i < map.Length; i++)
                map[i] = i;
            return map;
        }

        internal int[] Sort(TElement[] elements, int count)
        {
            int[] map = ComputeMap(elements, count);
            if (count > 1)
                ArraySortHelper<int>.Sort(map, 0, count, new ComparisonComparer<int>(CompareAnyKeys));
            return map;
        }
    }

    internal sealed class EnumerableSorter<TElement, TKey> : EnumerableSorter<TElement>
    {
        private readonly Func<TElement, TKey> _keySelector;
        private readonly IComparer<TKey> _comparer;
        private readonly bool _descending;
        private readonly EnumerableSorter<TElement> _next;
        private TKey[] _keys;

        internal EnumerableSorter(Func<TElement, TKey> keySelector, IComparer<TKey> comparer, bool descending, EnumerableSorter<TElement> next)
        {
            _keySelector = keySelector;
            _comparer = comparer;
            _descending = descending;
            _next = next;
        }

        // This level's keys for every element, then the next level's.
        internal override void ComputeKeys(TElement[] elements, int count)
        {
            _keys = new TKey[count];
            for (int i = 0; i < count; i++)
                _keys[i] = _keySelector(elements[i]);
            if (_next != null)
                _next.ComputeKeys(elements, count);
        }

        internal override int CompareAnyKeys(int index1, int index2)
        {
            int c = _comparer.Compare(_keys[index1], _keys[index2]);
            if (c == 0)
            {
                if (_next == null)
                    return index1 - index2;
                return _next.CompareAnyKeys(index1, index2);
            }
            // -c would overflow for int.MinValue.
            return (_descending != (c > 0)) ? 1 : -1;
        }
    }

    // Skip and Take of a sorted sequence.
    internal sealed class OrderedPartition<TElement> : IPartition<TElement>
    {
        private readonly OrderedEnumerable<TElement> _source;
        private readonly int _minIndexInclusive;
        private readonly int _maxIndexInclusive;

        public OrderedPartition(OrderedEnumerable<TElement> source, int minIdxInclusive, int maxIdxInclusive)
        {
            _source = source;
            _minIndexInclusive = minIdxInclusive;
            _maxIndexInclusive = maxIdxInclusive;
        }

        public IEnumerator<TElement> GetEnumerator()
        {
            return _source.GetEnumerator(_minIndexInclusive, _maxIndexInclusive);
        }

        IEnumerator IEnumerable.GetEnumerator()
        {
            return GetEnumerator();
        }

        public IPartition<TElement> Skip(int count)
        {
            int minIndex = unchecked(_minIndexInclusive + count);
            if (unchecked((uint)minIndex > (uint)_maxIndexInclusive))
                return EmptyPartition<TElement>.Instance;
            return new OrderedPartition<TElement>(_source, minIndex, _maxIndexInclusive);
        }

        public IPartition<TElement> Take(int count)
        {
            int maxIndex = unchecked(_minIndexInclusive + count - 1);
            if (unchecked((uint)maxIndex >= (uint)_maxIndexInclusive))
                return this;
            return new OrderedPartition<TElement>(_source, _minIndexInclusive, maxIndex);
        }

        public TElement TryGetElementAt(int index, out bool found)
        {
            if (unchecked((uint)index <= (uint)(_maxIndexInclusive - _minIndexInclusive)))
                return _source.TryGetElementAt(index + _minIndexInclusive, out found);
            found = false;
            return default(TElement);
        }

        public TElement TryGetFirst(out bool found)
        {
            return _source.TryGetElementAt(_minIndexInclusive, out found);
        }

        public TElement TryGetLast(out bool found)
        {
            return _source.TryGetLast(_minIndexInclusive, _maxIndexInclusive, out found);
        }

        public TElement[] ToArray()
        {
            return _source.ToArray(_minIndexInclusive, _maxIndexInclusive);
        }

        public List<TElement> ToList()
        {
            return _source.ToList(_minIndexInclusive, _maxIndexInclusive);
        }

        public int GetCount(bool onlyIfCheap)
        {
            return _source.GetCount(_minIndexInclusive, _maxIndexInclusive, onlyIfCheap);
        }
    }
}
