using System.Collections.Generic;

namespace System.Linq
{
    // Join and GroupJoin: the inner sequence is read into a lookup once
    // the outer one has a first element; null keys match nothing.
    public static partial class Enumerable
    {
        public static IEnumerable<TResult> Join<TOuter, TInner, TKey, TResult>(this IEnumerable<TOuter> outer, IEnumerable<TInner> inner, Func<TOuter, TKey> outerKeySelector, Func<TInner, TKey> innerKeySelector, Func<TOuter, TInner, TResult> resultSelector)
        {
            return Join(outer, inner, outerKeySelector, innerKeySelector, resultSelector, null);
        }

        // resultSelector(o, i) for each outer o and each inner i with an
        // equal key, in outer order then inner order.
        public static IEnumerable<TResult> Join<TOuter, TInner, TKey, TResult>(this IEnumerable<TOuter> outer, IEnumerable<TInner> inner, Func<TOuter, TKey> outerKeySelector, Func<TInner, TKey> innerKeySelector, Func<TOuter, TInner, TResult> resultSelector, IEqualityComparer<TKey> comparer)
        {
            if (outer == null)
                throw Error.ArgumentNull("outer");
            if (inner == null)
                throw Error.ArgumentNull("inner");
            if (outerKeySelector == null)
                throw Error.ArgumentNull("outerKeySelector");
            if (innerKeySelector == null)
                throw Error.ArgumentNull("innerKeySelector");
            if (resultSelector == null)
                throw Error.ArgumentNull("resultSelector");
            return new JoinIterator<TOuter, TInner, TKey, TResult>(outer, inner, outerKeySelector, innerKeySelector, resultSelector, comparer);
        }

        public static IEnumerable<TResult> GroupJoin<TOuter, TInner, TKey, TResult>(this IEnumerable<TOuter> outer, IEnumerable<TInner> inner, Func<TOuter, TKey> outerKeySelector, Func<TInner, TKey> innerKeySelector, Func<TOuter, IEnumerable<TInner>, TResult> resultSelector)
        {
            return GroupJoin(outer, inner, outerKeySelector, innerKeySelector, resultSelector, null);
        }

        // resultSelector(o, the inner elements with o's key) for each outer o.
        public static IEnumerable<TResult> GroupJoin<TOuter, TInner, TKey, TResult>(this IEnumerable<TOuter> outer, IEnumerable<TInner> inner, Func<TOuter, TKey> outerKeySelector, Func<TInner, TKey> innerKeySelector, Func<TOuter, IEnumerable<TInner>, TResult> resultSelector, IEqualityComparer<TKey> comparer)
        {
            if (outer == null)
                throw Error.ArgumentNull("outer");
            if (inner == null)
                throw Error.ArgumentNull("inner");
            if (outerKeySelector == null)
                throw Error.ArgumentNull("outerKeySelector");
            if (innerKeySelector == null)
                throw Error.ArgumentNull("innerKeySelector");
            if (resultSelector == null)
                throw Error.ArgumentNull("resultSelector");
            return new GroupJoinIterator<TOuter, TInner, TKey, TResult>(outer, inner, outerKeySelector, innerKeySelector, resultSelector, comparer);
        }
    }

    internal sealed class JoinIterator<TOuter, TInner, TKey, TResult> : Iterator<TResult>
    {
        private readonly IEnumerable<TOuter> _outer;
        private readonly IEnumerable<TInner> _inner;
        private readonly Func<TOuter, TKey> _outerKeySelector;
        private readonly Func<TInner, TKey> _innerKeySelector;
        private readonly Func<TOuter, TInner, TResult> _resultSelector;
        private readonly IEqualityComparer<TKey> _comparer;
        private IEnumerator<TOuter> _e;
        private Lookup<TKey, TInner> _lookup;
        private TOuter _item;
        private Grouping<TKey, TInner> _g;
        private int _index;

        public JoinIterator(IEnumerable<TOuter> outer, IEnumerable<TInner> inner, Func<TOuter, TKey> outerKeySelector, Func<TInner, TKey> innerKeySelector, Func<TOuter, TInner, TResult> resultSelector, IEqualityComparer<TKey> comparer)
        {
            _outer = outer;
            _inner = inner;
            _outerKeySelector = outerKeySelector;
            _innerKeySelector = innerKeySelector;
            _resultSelector = resultSelector;
            _comparer = comparer;
        }

        public override Iterator<TResult> Clone()
        {
            return new JoinIterator<TOuter, TInner, TKey, TResult>(_outer, _inner, _outerKeySelector, _innerKeySelector, _resultSelector, _comparer);
        }

        public override void Dispose()
        {
            if (_e != null)
            {
                _e.Dispose();
                _e = null;
            }
            _lookup = null;
            _g = null;
            base.Dispose();
        }

        public override bool MoveNext()
        {
            switch (_state)
            {
                case 1:
                    _e = _outer.GetEnumerator();
                    if (!_e.MoveNext())
                        break;
                    _lookup = Lookup<TKey, TInner>.CreateForJoin(_inner, _innerKeySelector, _comparer);
                    if (_lookup.Count == 0)
                        break;
                    _state = 2;
                    goto case 3;
                case 2:
                    if (_g != null && _index < _g._count)
                    {
                        _current = _resultSelector(_item, _g._elements[_index++]);
                        return true;
                    }
                    if (!_e.MoveNext())
                        break;
                    goto case 3;
                case 3:
                    // At a new outer element: find its group.
                    _item = _e.Current;
                    _g = _lookup.GetGrouping(_outerKeySelector(_item), false);
                    _index = 0;
                    _state = 2;
                    goto case 2;
            }
            Dispose();
            return false;
        }
    }

    internal sealed class GroupJoinIterator<TOuter, TInner, TKey, TResult> : Iterator<TResult>
    {
        private readonly IEnumerable<TOuter> _outer;
        private readonly IEnumerable<TInner> _inner;
        private readonly Func<TOuter, TKey> _outerKeySelector;
        private readonly Func<TInner, TKey> _innerKeySelector;
        private readonly Func<TOuter, IEnumerable<TInner>, TResult> _resultSelector;
        private readonly IEqualityComparer<TKey> _comparer;
        private IEnumerator<TOuter> _e;
        private Lookup<TKey, TInner> _lookup;

        public GroupJoinIterator(IEnumerable<TOuter> outer, IEnumerable<TInner> inner, Func<TOuter, TKey> outerKeySelector, Func<TInner, TKey> innerKeySelector, Func<TOuter, IEnumerable<TInner>, TResult> resultSelector, IEqualityComparer<TKey> comparer)
        {
            _outer = outer;
            _inner = inner;
            _outerKeySelector = outerKeySelector;
            _innerKeySelector = innerKeySelector;
            _resultSelector = resultSelector;
            _comparer = comparer;
        }

        public override Iterator<TResult> Clone()
        {
            return new GroupJoinIterator<TOuter, TInner, TKey, TResult>(_outer, _inner, _outerKeySelector, _innerKeySelector, _resultSelector, _comparer);
        }

        public override void Dispose()
        {
            if (_e != null)
            {
                _e.Dispose();
                _e = null;
            }
            _lookup = null;
            base.Dispose();
        }

        public override bool MoveNext()
        {
            switch (_state)
            {
                case 1:
                    _e = _outer.GetEnumerator();
                    if (!_e.MoveNext())
                        break;
                    _lookup = Lookup<TKey, TInner>.CreateForJoin(_inner, _innerKeySelector, _comparer);
                    _state = 2;
                    goto case 3;
                case 2:
                    if (!_e.MoveNext())
                        break;
                    goto case 3;
                case 3:
                    TOuter item = _e.Current;
                    _current = _resultSelector(item, _lookup[_outerKeySelector(item)]);
                    return true;
            }
            Dispose();
            return false;
        }
    }
}
