using System.Collections.Generic;

namespace System.Linq
{
    public static partial class Enumerable
    {
        // The elements of selector(element) for each element, in order.
        public static IEnumerable<TResult> SelectMany<TSource, TResult>(this IEnumerable<TSource> source, Func<TSource, IEnumerable<TResult>> selector)
        {
            if (source == null)
                throw Error.ArgumentNull("source");
            if (selector == null)
                throw Error.ArgumentNull("selector");
            return new SelectManySingleIterator<TSource, TResult>(source, selector, null);
        }

        public static IEnumerable<TResult> SelectMany<TSource, TResult>(this IEnumerable<TSource> source, Func<TSource, int, IEnumerable<TResult>> selector)
        {
            if (source == null)
                throw Error.ArgumentNull("source");
            if (selector == null)
                throw Error.ArgumentNull("selector");
            return new SelectManySingleIterator<TSource, TResult>(source, null, selector);
        }

        // resultSelector(element, item) for each item of
        // collectionSelector(element).
        public static IEnumerable<TResult> SelectMany<TSource, TCollection, TResult>(this IEnumerable<TSource> source, Func<TSource, IEnumerable<TCollection>> collectionSelector, Func<TSource, TCollection, TResult> resultSelector)
        {
            if (source == null)
                throw Error.ArgumentNull("source");
            if (collectionSelector == null)
                throw Error.ArgumentNull("collectionSelector");
            if (resultSelector == null)
                throw Error.ArgumentNull("resultSelector");
            return new SelectManyIterator<TSource, TCollection, TResult>(source, collectionSelector, null, resultSelector);
        }

        public static IEnumerable<TResult> SelectMany<TSource, TCollection, TResult>(this IEnumerable<TSource> source, Func<TSource, int, IEnumerable<TCollection>> collectionSelector, Func<TSource, TCollection, TResult> resultSelector)
        {
            if (source == null)
                throw Error.ArgumentNull("source");
            if (collectionSelector == null)
                throw Error.ArgumentNull("collectionSelector");
            if (resultSelector == null)
                throw Error.ArgumentNull("resultSelector");
            return new SelectManyIterator<TSource, TCollection, TResult>(source, null, collectionSelector, resultSelector);
        }
    }

    // SelectMany with a result selector (and one of the two collection
    // selectors).
    internal sealed class SelectManyIterator<TSource, TCollection, TResult> : Iterator<TResult>
    {
        private readonly IEnumerable<TSource> _source;
        private readonly Func<TSource, IEnumerable<TCollection>> _selector;
        private readonly Func<TSource, int, IEnumerable<TCollection>> _indexedSelector;
        private readonly Func<TSource, TCollection, TResult> _resultSelector;
        private IEnumerator<TSource> _sourceEnumerator;
        private IEnumerator<TCollection> _subEnumerator;
        private TSource _element;
        private int _index;

        public SelectManyIterator(IEnumerable<TSource> source, Func<TSource, IEnumerable<TCollection>> selector, Func<TSource, int, IEnumerable<TCollection>> indexedSelector, Func<TSource, TCollection, TResult> resultSelector)
        {
            _source = source;
            _selector = selector;
            _indexedSelector = indexedSelector;
            _resultSelector = resultSelector;
        }

        public override Iterator<TResult> Clone()
        {
            return new SelectManyIterator<TSource, TCollection, TResult>(_source, _selector, _indexedSelector, _resultSelector);
        }

        public override void Dispose()
        {
            if (_subEnumerator != null)
            {
                _subEnumerator.Dispose();
                _subEnumerator = null;
            }
            if (_sourceEnumerator != null)
            {
                _sourceEnumerator.Dispose();
                _sourceEnumerator = null;
            }
            base.Dispose();
        }

        public override bool MoveNext()
        {
            switch (_state)
            {
                case 1:
                    _sourceEnumerator = _source.GetEnumerator();
                    _index = -1;
                    _state = 2;
                    goto case 2;
                case 2:
                    if (!_sourceEnumerator.MoveNext())
                        break;
                    _element = _sourceEnumerator.Current;
                    IEnumerable<TCollection> collection;
                    if (_selector != null)
                    {
                        collection = _selector(_element);
                    }
                    else
                    {
                        checked { _index++; }
                        collection = _indexedSelector(_element, _index);
                    }
                    _subEnumerator = collection.GetEnumerator();
                    _state = 3;
                    goto case 3;
                case 3:
                    if (!_subEnumerator.MoveNext())
                    {
                        _subEnumerator.Dispose();
                        _subEnumerator = null;
                        _state = 2;
                        goto case 2;
                    }
                    _current = _resultSelector(_element, _subEnumerator.Current);
                    return true;
            }
            Dispose();
            return false;
        }
    }

    // SelectMany without a result selector.
    internal sealed class SelectManySingleIterator<TSource, TResult> : Iterator<TResult>
    {
        private readonly IEnumerable<TSource> _source;
        private readonly Func<TSource, IEnumerable<TResult>> _selector;
        private readonly Func<TSource, int, IEnumerable<TResult>> _indexedSelector;
        private IEnumerator<TSource> _sourceEnumerator;
        private IEnumerator<TResult> _subEnumerator;
        private int _index;

        public SelectManySingleIterator(IEnumerable<TSource> source, Func<TSource, IEnumerable<TResult>> selector, Func<TSource, int, IEnumerable<TResult>> indexedSelector)
        {
            _source = source;
            _selector = selector;
            _indexedSelector = indexedSelector;
        }

        public override Iterator<TResult> Clone()
        {
            return new SelectManySingleIterator<TSource, TResult>(_source, _selector, _indexedSelector);
        }

        public override void Dispose()
        {
            if (_subEnumerator != null)
            {
                _subEnumerator.Dispose();
                _subEnumerator = null;
            }
            if (_sourceEnumerator != null)
            {
                _sourceEnumerator.Dispose();
                _sourceEnumerator = null;
            }
            base.Dispose();
        }

        public override bool MoveNext()
        {
            switch (_state)
            {
                case 1:
                    _sourceEnumerator = _source.GetEnumerator();
                    _index = -1;
                    _state = 2;
                    goto case 2;
                case 2:
                    if (!_sourceEnumerator.MoveNext())
                        break;
                    TSource element = _sourceEnumerator.Current;
                    IEnumerable<TResult> collection;
                    if (_selector != null)
                    {
                        collection = _selector(element);
                    }
                    else
                    {
                        checked { _index++; }
                        collection = _indexedSelector(element, _index);
                    }
                    _subEnumerator = collection.GetEnumerator();
                    _state = 3;
                    goto case 3;
                case 3:
                    if (!_subEnumerator.MoveNext())
                    {
                        _subEnumerator.Dispose();
                        _subEnumerator = null;
                        _state = 2;
                        goto case 2;
                    }
                    _current = _subEnumerator.Current;
                    return true;
            }
            Dispose();
            return false;
        }
    }
}
