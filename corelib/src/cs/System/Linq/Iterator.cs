using System.Collections;
using System.Collections.Generic;
using System.Threading;

namespace System.Linq
{
    // The base of the operators' sequences, as in .NET: an iterator is its
    // own first enumerator (on the thread that created it), later
    // GetEnumerator calls get clones. _state: 0 before GetEnumerator, 1
    // just after, then the operator's own states; -1 once finished.
    internal abstract class Iterator<TSource> : IEnumerable<TSource>, IEnumerator<TSource>
    {
        private readonly int _threadId;
        internal int _state;
        internal TSource _current;

        protected Iterator()
        {
            _threadId = Thread.CurrentThread.ManagedThreadId;
        }

        public TSource Current
        {
            get { return _current; }
        }

        // Whether Select over this iterator keeps its indexing (First,
        // Last, ElementAt, Skip, Take without running the selector on the
        // other elements): the iterators .NET's Select specializes.
        internal virtual bool SelectKeepsPartition
        {
            get { return false; }
        }

        // A fresh copy (state 0) of this iterator.
        public abstract Iterator<TSource> Clone();

        public virtual void Dispose()
        {
            _current = default(TSource);
            _state = -1;
        }

        public IEnumerator<TSource> GetEnumerator()
        {
            Iterator<TSource> enumerator = _state == 0 && _threadId == Thread.CurrentThread.ManagedThreadId ? this : Clone();
            enumerator._state = 1;
            return enumerator;
        }

        public abstract bool MoveNext();

        object IEnumerator.Current
        {
            get { return Current; }
        }

        IEnumerator IEnumerable.GetEnumerator()
        {
            return GetEnumerator();
        }

        void IEnumerator.Reset()
        {
            throw Error.NotSupported();
        }
    }

    // A sequence that can produce its array, list or count faster than by
    // enumerating (Count(), ToArray() and ToList() use it). GetCount with
    // onlyIfCheap returns -1 rather than enumerate; otherwise it runs the
    // operator's delegates for their side effects, as .NET does.
    internal interface IIListProvider<TElement> : IEnumerable<TElement>
    {
        TElement[] ToArray();

        List<TElement> ToList();

        int GetCount(bool onlyIfCheap);
    }

    // A sequence that can be skipped, taken and indexed without running the
    // operator on the elements it skips (Skip, Take, First, Last,
    // ElementAt use it, as .NET does).
    internal interface IPartition<TElement> : IIListProvider<TElement>
    {
        IPartition<TElement> Skip(int count);

        IPartition<TElement> Take(int count);

        TElement TryGetElementAt(int index, out bool found);

        TElement TryGetFirst(out bool found);

        TElement TryGetLast(out bool found);
    }

    // The empty sequence (Range(x, 0), Take(0), ...): one instance per T.
    internal sealed class EmptyPartition<TElement> : IPartition<TElement>, IEnumerator<TElement>
    {
        public static readonly IPartition<TElement> Instance = new EmptyPartition<TElement>();

        private EmptyPartition()
        {
        }

        public IEnumerator<TElement> GetEnumerator()
        {
            return this;
        }

        IEnumerator IEnumerable.GetEnumerator()
        {
            return this;
        }

        public bool MoveNext()
        {
            return false;
        }

        public TElement Current
        {
            get { return default(TElement); }
        }

        object IEnumerator.Current
        {
            get { return default(TElement); }
        }

        void IEnumerator.Reset()
        {
            throw Error.NotSupported();
        }

        void IDisposable.Dispose()
        {
        }

        public IPartition<TElement> Skip(int count)
        {
            return this;
        }

        public IPartition<TElement> Take(int count)
        {
            return this;
        }

        public TElement TryGetElementAt(int index, out bool found)
        {
            found = false;
            return default(TElement);
        }

        public TElement TryGetFirst(out bool found)
        {
            found = false;
            return default(TElement);
        }

        public TElement TryGetLast(out bool found)
        {
            found = false;
            return default(TElement);
        }

        public TElement[] ToArray()
        {
            return EmptyArray<TElement>.Value;
        }

        public List<TElement> ToList()
        {
            return new List<TElement>();
        }

        public int GetCount(bool onlyIfCheap)
        {
            return 0;
        }
    }
}
