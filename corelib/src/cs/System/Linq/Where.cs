using System.Collections.Generic;

namespace System.Linq
{
    public static partial class Enumerable
    {
        // The elements `predicate` accepts, in order (deferred).
        public static IEnumerable<TSource> Where<TSource>(this IEnumerable<TSource> source, Func<TSource, bool> predicate)
        {
            if (source == null)
                throw Error.ArgumentNull("source");
            if (predicate == null)
                throw Error.ArgumentNull("predicate");
            TSource[] array = source as TSource[];
            if (array != null && array.Length == 0)
                return EmptyPartition<TSource>.Instance;
            return new WhereEnumerableIterator<TSource>(source, predicate);
        }

        // The elements `predicate` accepts given their index.
        public static IEnumerable<TSource> Where<TSource>(this IEnumerable<TSource> source, Func<TSource, int, bool> predicate)
        {
            if (source == null)
                throw Error.ArgumentNull("source");
            if (predicate == null)
                throw Error.ArgumentNull("predicate");
            return new WhereIndexedIterator<TSource>(source, predicate);
        }
    }

    internal sealed class WhereEnumerableIterator<TSource> : Iterator<TSource>, IIListProvider<TSource>
    {
        private readonly IEnumerable<TSource> _source;
        private readonly Func<TSource, bool> _predicate;
        private IEnumerator<TSource> _enumerator;

        public WhereEnumerableIterator(IEnumerable<TSource> source, Func<TSource, bool> predicate)
        {
            _source = source;
            _predicate = predicate;
        }

        public override Iterator<TSource> Clone()
        {
            return new WhereEnumerableIterator<TSource>(_source, _predicate);
        }

        public override void Dispose()
        {
            if (_enumerator != null)
            {
                _enumerator.Dispose();
                _enumerator = null;
            }
            base.Dispose();
        }

        public override bool MoveNext()
        {
            switch (_state)
            {
                case 1:
                    _enumerator = _source.GetEnumerator();
                    _state = 2;
                    goto case 2;
                case 2:
                    while (_enumerator.MoveNext())
                    {
                        TSource item = _enumerator.Current;
                        if (_predicate(item))
                        {
                            _current = item;
                            return true;
                        }
                    }
                    Dispose();
                    break;
            }
            return false;
        }

        public int GetCount(bool onlyIfCheap)
        {
            if (onlyIfCheap)
                return -1;
            int count = 0;
            foreach (TSource item in _source)
            {
                if (_predicate(item))
                    checked { count++; }
            }
            return count;
        }

        public TSource[] ToArray()
        {
            return ToList().ToArray();
        }

        public List<TSource> ToList()
        {
            List<TSource> list = new List<TSource>();
            foreach (TSource item in _source)
            {
                if (_predicate(item))
                    list.Add(item);
            }
            return list;
        }
    }

    internal sealed class WhereIndexedIterator<TSource> : Iterator<TSource>
    {
        private readonly IEnumerable<TSource> _source;
        private readonly Func<TSource, int, bool> _predicate;
        private IEnumerator<TSource> _enumerator;
        private int _index;

        public WhereIndexedIterator(IEnumerable<TSource> source, Func<TSource, int, bool> predicate)
        {
            _source = source;
            _predicate = predicate;
        }

        public override Iterator<TSource> Clone()
        {
            return new WhereIndexedIterator<TSource>(_source, _predicate);
        }

        public override void Dispose()
        {
            if (_enumerator != null)
            {
                _enumerator.Dispose();
                _enumerator = null;
            }
            base.Dispose();
        }

        public override bool MoveNext()
        {
            switch (_state)
            {
                case 1:
                    _enumerator = _source.GetEnumerator();
                    _index = -1;
                    _state = 2;
                    goto case 2;
                case 2:
                    while (_enumerator.MoveNext())
                    {
                        TSource item = _enumerator.Current;
                        checked { _index++; }
                        if (_predicate(item, _index))
                        {
                            _current = item;
                            return true;
                        }
                    }
                    Dispose();
                    break;
            }
            return false;
        }
    }
}
