using System.Collections.Generic;

namespace System.Linq
{
    // Distinct, Union, Intersect and Except: the order of first
    // occurrence, comparing with `comparer` (or the default).
    public static partial class Enumerable
    {
        public static IEnumerable<TSource> Distinct<TSource>(this IEnumerable<TSource> source)
        {
            return Distinct(source, null);
        }

        public static IEnumerable<TSource> Distinct<TSource>(this IEnumerable<TSource> source, IEqualityComparer<TSource> comparer)
        {
            if (source == null)
                throw Error.ArgumentNull("source");
            return new SetIterator<TSource>(SetIterator<TSource>.DistinctOp, source, null, comparer);
        }

        public static IEnumerable<TSource> Union<TSource>(this IEnumerable<TSource> first, IEnumerable<TSource> second)
        {
            return Union(first, second, null);
        }

        // The distinct elements of first, then those of second not seen.
        public static IEnumerable<TSource> Union<TSource>(this IEnumerable<TSource> first, IEnumerable<TSource> second, IEqualityComparer<TSource> comparer)
        {
            if (first == null)
                throw Error.ArgumentNull("first");
            if (second == null)
                throw Error.ArgumentNull("second");
            return new SetIterator<TSource>(SetIterator<TSource>.UnionOp, first, second, comparer);
        }

        public static IEnumerable<TSource> Intersect<TSource>(this IEnumerable<TSource> first, IEnumerable<TSource> second)
        {
            return Intersect(first, second, null);
        }

        // The distinct elements of first that are in second (second is read
        // in full on the first MoveNext).
        public static IEnumerable<TSource> Intersect<TSource>(this IEnumerable<TSource> first, IEnumerable<TSource> second, IEqualityComparer<TSource> comparer)
        {
            if (first == null)
                throw Error.ArgumentNull("first");
            if (second == null)
                throw Error.ArgumentNull("second");
            return new SetIterator<TSource>(SetIterator<TSource>.IntersectOp, first, second, comparer);
        }

        public static IEnumerable<TSource> Except<TSource>(this IEnumerable<TSource> first, IEnumerable<TSource> second)
        {
            return Except(first, second, null);
        }

        // The distinct elements of first that are not in second.
        public static IEnumerable<TSource> Except<TSource>(this IEnumerable<TSource> first, IEnumerable<TSource> second, IEqualityComparer<TSource> comparer)
        {
            if (first == null)
                throw Error.ArgumentNull("first");
            if (second == null)
                throw Error.ArgumentNull("second");
            return new SetIterator<TSource>(SetIterator<TSource>.ExceptOp, first, second, comparer);
        }
    }

    // The four set operators over a HashSet of the elements seen.
    internal sealed class SetIterator<TSource> : Iterator<TSource>, IIListProvider<TSource>
    {
        internal const int DistinctOp = 0;
        internal const int UnionOp = 1;
        internal const int IntersectOp = 2;
        internal const int ExceptOp = 3;

        private readonly int _op;
        private readonly IEnumerable<TSource> _first;
        private readonly IEnumerable<TSource> _second;
        private readonly IEqualityComparer<TSource> _comparer;
        private HashSet<TSource> _set;
        private IEnumerator<TSource> _enumerator;

        public SetIterator(int op, IEnumerable<TSource> first, IEnumerable<TSource> second, IEqualityComparer<TSource> comparer)
        {
            _op = op;
            _first = first;
            _second = second;
            _comparer = comparer;
        }

        public override Iterator<TSource> Clone()
        {
            return new SetIterator<TSource>(_op, _first, _second, _comparer);
        }

        public override void Dispose()
        {
            if (_enumerator != null)
            {
                _enumerator.Dispose();
                _enumerator = null;
            }
            _set = null;
            base.Dispose();
        }

        // Intersect and Except read `second` before the first element.
        private HashSet<TSource> NewSet()
        {
            HashSet<TSource> set = new HashSet<TSource>(_comparer);
            if (_op == IntersectOp || _op == ExceptOp)
            {
                foreach (TSource element in _second)
                    set.Add(element);
            }
            return set;
        }

        // Whether `element` is one to return (and records it).
        private bool Accept(HashSet<TSource> set, TSource element)
        {
            if (_op == IntersectOp)
                return set.Remove(element);
            return set.Add(element);
        }

        public override bool MoveNext()
        {
            switch (_state)
            {
                case 1:
                    _set = NewSet();
                    _enumerator = _first.GetEnumerator();
                    _state = 2;
                    goto case 2;
                case 2:
                    while (_enumerator.MoveNext())
                    {
                        TSource element = _enumerator.Current;
                        if (Accept(_set, element))
                        {
                            _current = element;
                            return true;
                        }
                    }
                    if (_op != UnionOp)
                        break;
                    _enumerator.Dispose();
                    _enumerator = _second.GetEnumerator();
                    _state = 3;
                    goto case 3;
                case 3:
                    while (_enumerator.MoveNext())
                    {
                        TSource element = _enumerator.Current;
                        if (_set.Add(element))
                        {
                            _current = element;
                            return true;
                        }
                    }
                    break;
            }
            Dispose();
            return false;
        }

        private List<TSource> Fill()
        {
            HashSet<TSource> set = NewSet();
            List<TSource> list = new List<TSource>();
            foreach (TSource element in _first)
            {
                if (Accept(set, element))
                    list.Add(element);
            }
            if (_op == UnionOp)
            {
                foreach (TSource element in _second)
                {
                    if (set.Add(element))
                        list.Add(element);
                }
            }
            return list;
        }

        public TSource[] ToArray()
        {
            return Fill().ToArray();
        }

        public List<TSource> ToList()
        {
            return Fill();
        }

        public int GetCount(bool onlyIfCheap)
        {
            return onlyIfCheap ? -1 : Fill().Count;
        }
    }
}
