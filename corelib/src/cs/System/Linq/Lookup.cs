using System.Collections;
using System.Collections.Generic;

namespace System.Linq
{
    // Keys mapped to the elements that have them, in the order the keys
    // were first seen (ToLookup, GroupBy, Join): .NET's Lookup. null is a
    // key like any other.
    public class Lookup<TKey, TElement> : ILookup<TKey, TElement>, IIListProvider<IGrouping<TKey, TElement>>
    {
        private readonly IEqualityComparer<TKey> _comparer;
        private Grouping<TKey, TElement>[] _groupings;
        // The most recently created grouping; its _next is the first.
        private Grouping<TKey, TElement> _lastGrouping;
        private int _count;

        internal static Lookup<TKey, TElement> Create<TSource>(IEnumerable<TSource> source, Func<TSource, TKey> keySelector, Func<TSource, TElement> elementSelector, IEqualityComparer<TKey> comparer)
        {
            Lookup<TKey, TElement> lookup = new Lookup<TKey, TElement>(comparer);
            foreach (TSource item in source)
                lookup.GetGrouping(keySelector(item), true).Add(elementSelector(item));
            return lookup;
        }

        internal static Lookup<TKey, TElement> Create(IEnumerable<TElement> source, Func<TElement, TKey> keySelector, IEqualityComparer<TKey> comparer)
        {
            Lookup<TKey, TElement> lookup = new Lookup<TKey, TElement>(comparer);
            foreach (TElement item in source)
                lookup.GetGrouping(keySelector(item), true).Add(item);
            return lookup;
        }

        // Join's lookup of the inner sequence: elements with a null key are
        // left out (they match nothing).
        internal static Lookup<TKey, TElement> CreateForJoin(IEnumerable<TElement> source, Func<TElement, TKey> keySelector, IEqualityComparer<TKey> comparer)
        {
            Lookup<TKey, TElement> lookup = new Lookup<TKey, TElement>(comparer);
            foreach (TElement item in source)
            {
                TKey key = keySelector(item);
                if (key != null)
                    lookup.GetGrouping(key, true).Add(item);
            }
            return lookup;
        }

        private Lookup(IEqualityComparer<TKey> comparer)
        {
            _comparer = comparer ?? EqualityComparer<TKey>.Default;
            _groupings = new Grouping<TKey, TElement>[7];
        }

        public int Count
        {
            get { return _count; }
        }

        // The key's elements; an empty sequence for a missing key.
        public IEnumerable<TElement> this[TKey key]
        {
            get
            {
                Grouping<TKey, TElement> grouping = GetGrouping(key, false);
                if (grouping != null)
                    return grouping;
                return EmptyArray<TElement>.Value;
            }
        }

        public bool Contains(TKey key)
        {
            return GetGrouping(key, false) != null;
        }

        public IEnumerator<IGrouping<TKey, TElement>> GetEnumerator()
        {
            return new GroupingEnumerator(_lastGrouping);
        }

        IEnumerator IEnumerable.GetEnumerator()
        {
            return GetEnumerator();
        }

        // The groupings in order, from the first created.
        private sealed class GroupingEnumerator : IEnumerator<IGrouping<TKey, TElement>>
        {
            private readonly Grouping<TKey, TElement> _last;
            private Grouping<TKey, TElement> _current;
            private bool _done;

            internal GroupingEnumerator(Grouping<TKey, TElement> last)
            {
                _last = last;
                _done = last == null;
            }

            public bool MoveNext()
            {
                if (_done)
                {
                    _current = null;
                    return false;
                }
                _current = _current == null ? _last._next : _current._next;
                if (_current == _last)
                    _done = true;
                return true;
            }

            public IGrouping<TKey, TElement> Current
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
            }
        }

        // resultSelector(key, elements) for each key (the elements as an
        // array), in order.
        public IEnumerable<TResult> ApplyResultSelector<TResult>(Func<TKey, IEnumerable<TElement>, TResult> resultSelector)
        {
            return new ResultSelectorIterator<TResult>(this, resultSelector);
        }

        private sealed class ResultSelectorIterator<TResult> : Iterator<TResult>
        {
            private readonly Lookup<TKey, TElement> _lookup;
            private readonly Func<TKey, IEnumerable<TElement>, TResult> _resultSelector;
            private Grouping<TKey, TElement> _g;

            internal ResultSelectorIterator(Lookup<TKey, TElement> lookup, Func<TKey, IEnumerable<TElement>, TResult> resultSelector)
            {
                _lookup = lookup;
                _resultSelector = resultSelector;
            }

            public override Iterator<TResult> Clone()
            {
                return new ResultSelectorIterator<TResult>(_lookup, _resultSelector);
            }

            public override bool MoveNext()
            {
                switch (_state)
                {
                    case 1:
                        _g = _lookup._lastGrouping;
                        if (_g == null)
                            break;
                        _state = 2;
                        goto case 2;
                    case 2:
                        _g = _g._next;
                        _g.Trim();
                        _current = _resultSelector(_g._key, _g._elements);
                        if (_g == _lookup._lastGrouping)
                            _state = 3;
                        return true;
                }
                Dispose();
                return false;
            }
        }

        public IGrouping<TKey, TElement>[] ToArray()
        {
            IGrouping<TKey, TElement>[] array = new IGrouping<TKey, TElement>[_count];
            int index = 0;
            Grouping<TKey, TElement> g = _lastGrouping;
            if (g != null)
            {
                do
                {
                    g = g._next;
                    array[index] = g;
                    ++index;
                } while (g != _lastGrouping);
            }
            return array;
        }

        public List<IGrouping<TKey, TElement>> ToList()
        {
            List<IGrouping<TKey, TElement>> list = new List<IGrouping<TKey, TElement>>(_count);
            Grouping<TKey, TElement> g = _lastGrouping;
            if (g != null)
            {
                do
                {
                    g = g._next;
                    list.Add(g);
                } while (g != _lastGrouping);
            }
            return list;
        }

        public int GetCount(bool onlyIfCheap)
        {
            return _count;
        }

        internal int InternalGetHashCode(TKey key)
        {
            return key == null ? 0 : _comparer.GetHashCode(key) & 0x7FFFFFFF;
        }

        internal Grouping<TKey, TElement> GetGrouping(TKey key, bool create)
        {
            int hashCode = InternalGetHashCode(key);
            for (Grouping<TKey, TElement> g = _groupings[hashCode % _groupings.Length]; g != null; g = g._hashNext)
            {
                if (g._hashCode == hashCode && _comparer.Equals(g._key, key))
                    return g;
            }
            if (create)
            {
                if (_count == _groupings.Length)
                    Resize();
                int index = hashCode % _groupings.Length;
                Grouping<TKey, TElement> g = new Grouping<TKey, TElement>();
                g._key = key;
                g._hashCode = hashCode;
                g._elements = new TElement[1];
                g._hashNext = _groupings[index];
                _groupings[index] = g;
                if (_lastGrouping == null)
                {
                    g._next = g;
                }
                else
                {
                    g._next = _lastGrouping._next;
                    _lastGrouping._next = g;
                }
                _lastGrouping = g;
                _count++;
                return g;
            }
            return null;
        }

        private void Resize()
        {
            int newSize = checked((_count * 2) + 1);
            Grouping<TKey, TElement>[] newGroupings = new Grouping<TKey, TElement>[newSize];
            Grouping<TKey, TElement> g = _lastGrouping;
            do
            {
                g = g._next;
                int index = g._hashCode % newSize;
                g._hashNext = newGroupings[index];
                newGroupings[index] = g;
            } while (g != _lastGrouping);
            _groupings = newGroupings;
        }
    }

    // One key's elements: a read-only list.
    internal sealed class Grouping<TKey, TElement> : IGrouping<TKey, TElement>, IList<TElement>
    {
        internal TKey _key;
        internal int _hashCode;
        internal TElement[] _elements;
        internal int _count;
        internal Grouping<TKey, TElement> _hashNext;
        internal Grouping<TKey, TElement> _next;

        internal void Add(TElement element)
        {
            if (_elements.Length == _count)
            {
                TElement[] bigger = new TElement[checked(_count * 2)];
                Array.Copy(_elements, 0, bigger, 0, _count);
                _elements = bigger;
            }
            _elements[_count] = element;
            _count++;
        }

        // Drops the unused end of the array.
        internal void Trim()
        {
            if (_elements.Length != _count)
            {
                TElement[] exact = new TElement[_count];
                Array.Copy(_elements, 0, exact, 0, _count);
                _elements = exact;
            }
        }

        public IEnumerator<TElement> GetEnumerator()
        {
            return new ListPartition<TElement>(this, 0, int.MaxValue).GetEnumerator();
        }

        IEnumerator IEnumerable.GetEnumerator()
        {
            return GetEnumerator();
        }

        public TKey Key
        {
            get { return _key; }
        }

        int ICollection<TElement>.Count
        {
            get { return _count; }
        }

        bool ICollection<TElement>.IsReadOnly
        {
            get { return true; }
        }

        void ICollection<TElement>.Add(TElement item)
        {
            throw Error.NotSupported();
        }

        void ICollection<TElement>.Clear()
        {
            throw Error.NotSupported();
        }

        bool ICollection<TElement>.Contains(TElement item)
        {
            return EqualityComparer<TElement>.Default.IndexOf(_elements, item, 0, _count) >= 0;
        }

        void ICollection<TElement>.CopyTo(TElement[] array, int arrayIndex)
        {
            Array.Copy(_elements, 0, array, arrayIndex, _count);
        }

        bool ICollection<TElement>.Remove(TElement item)
        {
            throw Error.NotSupported();
        }

        int IList<TElement>.IndexOf(TElement item)
        {
            return EqualityComparer<TElement>.Default.IndexOf(_elements, item, 0, _count);
        }

        void IList<TElement>.Insert(int index, TElement item)
        {
            throw Error.NotSupported();
        }

        void IList<TElement>.RemoveAt(int index)
        {
            throw Error.NotSupported();
        }

        TElement IList<TElement>.this[int index]
        {
            get
            {
                if (index < 0 || index >= _count)
                    throw Error.ArgumentOutOfRange("index");
                return _elements[index];
            }
            set { throw Error.NotSupported(); }
        }
    }
}
