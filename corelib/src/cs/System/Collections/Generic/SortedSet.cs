namespace System.Collections.Generic
{
    // A set kept in the order of a comparer, in a red-black tree: .NET's
    // SortedSet<T>. GetViewBetween returns a live view of a range of the
    // same tree (a SortedSet<T> whose members see and change only that
    // range).
    public class SortedSet<T> : ISet<T>, ICollection, IReadOnlyCollection<T>
    {
        internal sealed class Node
        {
            internal T Item;
            internal Node Left;
            internal Node Right;
            internal Node Parent;
            internal bool IsRed;

            internal Node(T item, Node parent)
            {
                Item = item;
                Parent = parent;
                IsRed = true;
            }
        }

        private Node _root;
        private int _count;
        private int _version;
        private readonly IComparer<T> _comparer;

        // A view: the set it is a view of, and its bounds (inclusive).
        private readonly SortedSet<T> _underlying;
        private readonly T _lowerBound;
        private readonly T _upperBound;
        private readonly bool _hasLower;
        private readonly bool _hasUpper;
        // The view's count, valid while _viewVersion is the tree's version.
        private int _viewCount;
        private int _viewVersion = -1;

        public SortedSet()
            : this((IComparer<T>)null)
        {
        }

        public SortedSet(IComparer<T> comparer)
        {
            _comparer = comparer ?? Comparer<T>.Default;
        }

        public SortedSet(IEnumerable<T> collection)
            : this(collection, null)
        {
        }

        public SortedSet(IEnumerable<T> collection, IComparer<T> comparer)
            : this(comparer)
        {
            if (collection == null)
                ThrowHelper.ThrowArgumentNullException("collection");
            foreach (T item in collection)
                AddCore(item);
        }

        private SortedSet(SortedSet<T> underlying, T lowerBound, T upperBound, bool hasLower, bool hasUpper)
        {
            _comparer = underlying._comparer;
            _underlying = underlying;
            _lowerBound = lowerBound;
            _upperBound = upperBound;
            _hasLower = hasLower;
            _hasUpper = hasUpper;
        }

        // The set owning the tree (this one unless this is a view).
        internal SortedSet<T> Tree
        {
            get { return _underlying ?? this; }
        }

        internal int TreeVersion
        {
            get { return Tree._version; }
        }

        internal void UpdateVersion()
        {
            Tree._version++;
        }

        public IComparer<T> Comparer
        {
            get { return _comparer; }
        }

        public int Count
        {
            get
            {
                if (_underlying == null)
                    return _count;
                SortedSet<T> tree = _underlying;
                if (_viewVersion != tree._version)
                {
                    int n = 0;
                    for (Node node = FirstNode(); node != null; node = NextNode(node))
                        n++;
                    _viewCount = n;
                    _viewVersion = tree._version;
                }
                return _viewCount;
            }
        }

        bool ICollection<T>.IsReadOnly
        {
            get { return false; }
        }

        bool ICollection.IsSynchronized
        {
            get { return false; }
        }

        object ICollection.SyncRoot
        {
            get { return this; }
        }

        // The smallest element (default(T) when empty).
        public T Min
        {
            get
            {
                Node node = FirstNode();
                return node == null ? default(T) : node.Item;
            }
        }

        public T Max
        {
            get
            {
                Node node = LastNode();
                return node == null ? default(T) : node.Item;
            }
        }

        // ----- Range checks (views) ----------------------------------------

        // Whether `item` is within the view's bounds (always, for a set).
        internal bool IsWithinRange(T item)
        {
            if (_hasLower && _comparer.Compare(item, _lowerBound) < 0)
                return false;
            if (_hasUpper && _comparer.Compare(item, _upperBound) > 0)
                return false;
            return true;
        }

        // The first node of the range, in order.
        internal Node FirstNode()
        {
            Node root = Tree._root;
            if (!_hasLower)
            {
                Node node = root;
                if (node == null)
                    return null;
                while (node.Left != null)
                    node = node.Left;
                return IsWithinRange(node.Item) ? node : null;
            }
            // The smallest node >= the lower bound.
            Node candidate = null;
            Node current = root;
            while (current != null)
            {
                if (_comparer.Compare(current.Item, _lowerBound) >= 0)
                {
                    candidate = current;
                    current = current.Left;
                }
                else
                {
                    current = current.Right;
                }
            }
            return candidate != null && IsWithinRange(candidate.Item) ? candidate : null;
        }

        internal Node LastNode()
        {
            Node root = Tree._root;
            if (!_hasUpper)
            {
                Node node = root;
                if (node == null)
                    return null;
                while (node.Right != null)
                    node = node.Right;
                return IsWithinRange(node.Item) ? node : null;
            }
            Node candidate = null;
            Node current = root;
            while (current != null)
            {
                if (_comparer.Compare(current.Item, _upperBound) <= 0)
                {
                    candidate = current;
                    current = current.Right;
                }
                else
                {
                    current = current.Left;
                }
            }
            return candidate != null && IsWithinRange(candidate.Item) ? candidate : null;
        }

        // The in-order successor within the range, or null.
        internal Node NextNode(Node node)
        {
            Node next = Successor(node);
            if (next != null && _hasUpper && _comparer.Compare(next.Item, _upperBound) > 0)
                return null;
            return next;
        }

        internal Node PreviousNode(Node node)
        {
            Node previous = Predecessor(node);
            if (previous != null && _hasLower && _comparer.Compare(previous.Item, _lowerBound) < 0)
                return null;
            return previous;
        }

        private static Node Successor(Node node)
        {
            if (node.Right != null)
            {
                node = node.Right;
                while (node.Left != null)
                    node = node.Left;
                return node;
            }
            Node parent = node.Parent;
            while (parent != null && node == parent.Right)
            {
                node = parent;
                parent = parent.Parent;
            }
            return parent;
        }

        private static Node Predecessor(Node node)
        {
            if (node.Left != null)
            {
                node = node.Left;
                while (node.Right != null)
                    node = node.Right;
                return node;
            }
            Node parent = node.Parent;
            while (parent != null && node == parent.Left)
            {
                node = parent;
                parent = parent.Parent;
            }
            return parent;
        }

        // The node holding an element equal to `item` (in range), or null.
        internal Node FindNode(T item)
        {
            if (!IsWithinRange(item))
                return null;
            Node current = Tree._root;
            while (current != null)
            {
                int order = _comparer.Compare(item, current.Item);
                if (order == 0)
                    return current;
                current = order < 0 ? current.Left : current.Right;
            }
            return null;
        }

        // ----- Adding and removing ------------------------------------------

        // false if an equal element is there already.
        public bool Add(T item)
        {
            return AddIfNotPresent(item);
        }

        void ICollection<T>.Add(T item)
        {
            AddIfNotPresent(item);
        }

        internal virtual bool AddIfNotPresent(T item)
        {
            if (_underlying != null && !IsWithinRange(item))
                ThrowHelper.ThrowArgumentOutOfRangeException("item", "Specified argument was out of the range of valid values.");
            return AddCore(item);
        }

        // Inserts into the tree; false (and no change) if present. As on
        // .NET, enumerators are invalidated either way.
        private bool AddCore(T item)
        {
            SortedSet<T> tree = Tree;
            tree._version++;
            Node parent = null;
            Node current = tree._root;
            int order = 0;
            while (current != null)
            {
                order = _comparer.Compare(item, current.Item);
                if (order == 0)
                    return false;
                parent = current;
                current = order < 0 ? current.Left : current.Right;
            }
            Node node = new Node(item, parent);
            if (parent == null)
                tree._root = node;
            else if (order < 0)
                parent.Left = node;
            else
                parent.Right = node;
            tree.InsertFixup(node);
            tree._count++;
            return true;
        }

        // As on .NET, enumerators are invalidated even when nothing is
        // removed (unless the set is empty).
        public bool Remove(T item)
        {
            SortedSet<T> tree = Tree;
            if (tree._root != null)
                tree._version++;
            Node node = FindNode(item);
            if (node == null)
                return false;
            Tree.DeleteNode(node);
            return true;
        }

        public void Clear()
        {
            if (_underlying == null)
            {
                _root = null;
                _count = 0;
                _version++;
                return;
            }
            List<T> toRemove = new List<T>();
            for (Node node = FirstNode(); node != null; node = NextNode(node))
                toRemove.Add(node.Item);
            SortedSet<T> tree = _underlying;
            foreach (T item in toRemove)
                tree.Remove(item);
        }

        public bool Contains(T item)
        {
            return FindNode(item) != null;
        }

        // The element of the set equal to `equalValue`.
        public bool TryGetValue(T equalValue, out T actualValue)
        {
            Node node = FindNode(equalValue);
            if (node != null)
            {
                actualValue = node.Item;
                return true;
            }
            actualValue = default(T);
            return false;
        }

        // Removes the elements `match` accepts; returns how many.
        public int RemoveWhere(Predicate<T> match)
        {
            if (match == null)
                ThrowHelper.ThrowArgumentNullException("match");
            List<T> matches = new List<T>(Count);
            for (Node node = FirstNode(); node != null; node = NextNode(node))
            {
                if (match(node.Item))
                    matches.Add(node.Item);
            }
            int actuallyRemoved = 0;
            for (int i = matches.Count - 1; i >= 0; i--)
            {
                if (Remove(matches[i]))
                    actuallyRemoved++;
            }
            return actuallyRemoved;
        }

        // ----- Red-black balancing ----------------------------------------

        private void RotateLeft(Node x)
        {
            Node y = x.Right;
            x.Right = y.Left;
            if (y.Left != null)
                y.Left.Parent = x;
            y.Parent = x.Parent;
            if (x.Parent == null)
                _root = y;
            else if (x == x.Parent.Left)
                x.Parent.Left = y;
            else
                x.Parent.Right = y;
            y.Left = x;
            x.Parent = y;
        }

        private void RotateRight(Node x)
        {
            Node y = x.Left;
            x.Left = y.Right;
            if (y.Right != null)
                y.Right.Parent = x;
            y.Parent = x.Parent;
            if (x.Parent == null)
                _root = y;
            else if (x == x.Parent.Right)
                x.Parent.Right = y;
            else
                x.Parent.Left = y;
            y.Right = x;
            x.Parent = y;
        }

        private static bool IsRed(Node node)
        {
            return node != null && node.IsRed;
        }

        private void InsertFixup(Node z)
        {
            while (IsRed(z.Parent))
            {
                Node parent = z.Parent;
                Node grandparent = parent.Parent;
                if (parent == grandparent.Left)
                {
                    Node uncle = grandparent.Right;
                    if (IsRed(uncle))
                    {
                        parent.IsRed = false;
                        uncle.IsRed = false;
                        grandparent.IsRed = true;
                        z = grandparent;
                    }
                    else
                    {
                        if (z == parent.Right)
                        {
                            z = parent;
                            RotateLeft(z);
                            parent = z.Parent;
                        }
                        parent.IsRed = false;
                        grandparent.IsRed = true;
                        RotateRight(grandparent);
                    }
                }
                else
                {
                    Node uncle = grandparent.Left;
                    if (IsRed(uncle))
                    {
                        parent.IsRed = false;
                        uncle.IsRed = false;
                        grandparent.IsRed = true;
                        z = grandparent;
                    }
                    else
                    {
                        if (z == parent.Left)
                        {
                            z = parent;
                            RotateRight(z);
                            parent = z.Parent;
                        }
                        parent.IsRed = false;
                        grandparent.IsRed = true;
                        RotateLeft(grandparent);
                    }
                }
            }
            _root.IsRed = false;
        }

        // Replaces the subtree at u by the one at v (v may be null).
        private void Transplant(Node u, Node v)
        {
            if (u.Parent == null)
                _root = v;
            else if (u == u.Parent.Left)
                u.Parent.Left = v;
            else
                u.Parent.Right = v;
            if (v != null)
                v.Parent = u.Parent;
        }

        // Unlinks `z` from the tree and rebalances.
        internal void DeleteNode(Node z)
        {
            Node x;
            Node xParent;
            bool removedRed;
            if (z.Left == null)
            {
                x = z.Right;
                xParent = z.Parent;
                removedRed = z.IsRed;
                Transplant(z, z.Right);
            }
            else if (z.Right == null)
            {
                x = z.Left;
                xParent = z.Parent;
                removedRed = z.IsRed;
                Transplant(z, z.Left);
            }
            else
            {
                Node y = z.Right;
                while (y.Left != null)
                    y = y.Left;
                removedRed = y.IsRed;
                x = y.Right;
                if (y.Parent == z)
                {
                    xParent = y;
                }
                else
                {
                    xParent = y.Parent;
                    Transplant(y, y.Right);
                    y.Right = z.Right;
                    y.Right.Parent = y;
                }
                Transplant(z, y);
                y.Left = z.Left;
                y.Left.Parent = y;
                y.IsRed = z.IsRed;
            }
            if (!removedRed)
                DeleteFixup(x, xParent);
            z.Left = null;
            z.Right = null;
            z.Parent = null;
            _count--;
            _version++;
        }

        private void DeleteFixup(Node x, Node parent)
        {
            while (x != _root && !IsRed(x))
            {
                if (x == parent.Left)
                {
                    Node w = parent.Right;
                    if (IsRed(w))
                    {
                        w.IsRed = false;
                        parent.IsRed = true;
                        RotateLeft(parent);
                        w = parent.Right;
                    }
                    if (!IsRed(w.Left) && !IsRed(w.Right))
                    {
                        w.IsRed = true;
                        x = parent;
                        parent = x.Parent;
                    }
                    else
                    {
                        if (!IsRed(w.Right))
                        {
                            w.Left.IsRed = false;
                            w.IsRed = true;
                            RotateRight(w);
                            w = parent.Right;
                        }
                        w.IsRed = parent.IsRed;
                        parent.IsRed = false;
                        if (w.Right != null)
                            w.Right.IsRed = false;
                        RotateLeft(parent);
                        x = _root;
                        parent = null;
                    }
                }
                else
                {
                    Node w = parent.Left;
                    if (IsRed(w))
                    {
                        w.IsRed = false;
                        parent.IsRed = true;
                        RotateRight(parent);
                        w = parent.Left;
                    }
                    if (!IsRed(w.Right) && !IsRed(w.Left))
                    {
                        w.IsRed = true;
                        x = parent;
                        parent = x.Parent;
                    }
                    else
                    {
                        if (!IsRed(w.Left))
                        {
                            w.Right.IsRed = false;
                            w.IsRed = true;
                            RotateLeft(w);
                            w = parent.Left;
                        }
                        w.IsRed = parent.IsRed;
                        parent.IsRed = false;
                        if (w.Left != null)
                            w.Left.IsRed = false;
                        RotateRight(parent);
                        x = _root;
                        parent = null;
                    }
                }
            }
            if (x != null)
                x.IsRed = false;
        }

        // ----- Copying and enumerating ----------------------------------------

        public void CopyTo(T[] array)
        {
            CopyTo(array, 0, Count);
        }

        public void CopyTo(T[] array, int index)
        {
            CopyTo(array, index, Count);
        }

        public void CopyTo(T[] array, int index, int count)
        {
            if (array == null)
                ThrowHelper.ThrowArgumentNullException("array");
            if (index < 0)
                ThrowHelper.ThrowNeedNonNegNum("index");
            if (count < 0)
                ThrowHelper.ThrowNeedNonNegNum("count");
            if (count > array.Length - index)
                ThrowHelper.ThrowArrayPlusOffTooSmall();
            count += index;
            for (Node node = FirstNode(); node != null && index < count; node = NextNode(node))
                array[index++] = node.Item;
        }

        void ICollection.CopyTo(Array array, int index)
        {
            ThrowHelper.CheckNonGenericCopyTo(array, index, Count);
            T[] tArray = array as T[];
            if (tArray != null)
            {
                CopyTo(tArray, index);
                return;
            }
            object[] objects = array as object[];
            if (objects == null)
                throw new ArgumentException(ThrowHelper.InvalidArrayType, "array");
            try
            {
                for (Node node = FirstNode(); node != null; node = NextNode(node))
                    objects[index++] = node.Item;
            }
            catch (ArrayTypeMismatchException)
            {
                throw new ArgumentException(ThrowHelper.InvalidArrayType, "array");
            }
        }

        public Enumerator GetEnumerator()
        {
            return new Enumerator(this, false);
        }

        IEnumerator<T> IEnumerable<T>.GetEnumerator()
        {
            return new Enumerator(this, false);
        }

        IEnumerator IEnumerable.GetEnumerator()
        {
            return new Enumerator(this, false);
        }

        // The elements in descending order (deferred; throws if the set is
        // modified while enumerating).
        public IEnumerable<T> Reverse()
        {
            return new ReverseEnumerable(this);
        }

        private sealed class ReverseEnumerable : IEnumerable<T>
        {
            private readonly SortedSet<T> _set;

            internal ReverseEnumerable(SortedSet<T> set)
            {
                _set = set;
            }

            public IEnumerator<T> GetEnumerator()
            {
                return new Enumerator(_set, true);
            }

            IEnumerator IEnumerable.GetEnumerator()
            {
                return new Enumerator(_set, true);
            }
        }

        // A live view of the elements from lowerValue to upperValue
        // (inclusive).
        public virtual SortedSet<T> GetViewBetween(T lowerValue, T upperValue)
        {
            if (_comparer.Compare(lowerValue, upperValue) > 0)
                throw new ArgumentException("Must be less than or equal to upperValue.", "lowerValue");
            if (_underlying != null)
            {
                if (_hasLower && _comparer.Compare(lowerValue, _lowerBound) < 0)
                    ThrowHelper.ThrowArgumentOutOfRangeException("lowerValue", "Specified argument was out of the range of valid values.");
                if (_hasUpper && _comparer.Compare(upperValue, _upperBound) > 0)
                    ThrowHelper.ThrowArgumentOutOfRangeException("upperValue", "Specified argument was out of the range of valid values.");
            }
            return new SortedSet<T>(Tree, lowerValue, upperValue, true, true);
        }

        // ----- Set operations -------------------------------------------------

        public void UnionWith(IEnumerable<T> other)
        {
            if (other == null)
                ThrowHelper.ThrowArgumentNullException("other");
            foreach (T item in other)
                AddIfNotPresent(item);
        }

        public void IntersectWith(IEnumerable<T> other)
        {
            if (other == null)
                ThrowHelper.ThrowArgumentNullException("other");
            if (Count == 0 || other == this)
                return;
            List<T> keep = new List<T>();
            foreach (T item in other)
            {
                if (Contains(item))
                    keep.Add(item);
            }
            Clear();
            foreach (T item in keep)
                AddIfNotPresent(item);
        }

        public void ExceptWith(IEnumerable<T> other)
        {
            if (other == null)
                ThrowHelper.ThrowArgumentNullException("other");
            if (Count == 0)
                return;
            if (other == this)
            {
                Clear();
                return;
            }
            foreach (T item in other)
                Remove(item);
        }

        public void SymmetricExceptWith(IEnumerable<T> other)
        {
            if (other == null)
                ThrowHelper.ThrowArgumentNullException("other");
            if (Count == 0)
            {
                UnionWith(other);
                return;
            }
            if (other == this)
            {
                Clear();
                return;
            }
            // Each distinct element of `other` once, in the set's order.
            SortedSet<T> distinct = new SortedSet<T>(other, _comparer);
            foreach (T item in distinct)
            {
                if (!Remove(item))
                    AddIfNotPresent(item);
            }
        }

        public bool IsSubsetOf(IEnumerable<T> other)
        {
            if (other == null)
                ThrowHelper.ThrowArgumentNullException("other");
            if (Count == 0)
                return true;
            int found = CountFoundDistinct(other);
            return found == Count;
        }

        public bool IsProperSubsetOf(IEnumerable<T> other)
        {
            if (other == null)
                ThrowHelper.ThrowArgumentNullException("other");
            int found;
            int unfound;
            CountFoundAndUnfound(other, out found, out unfound);
            return found == Count && unfound > 0;
        }

        public bool IsSupersetOf(IEnumerable<T> other)
        {
            if (other == null)
                ThrowHelper.ThrowArgumentNullException("other");
            foreach (T item in other)
            {
                if (!Contains(item))
                    return false;
            }
            return true;
        }

        public bool IsProperSupersetOf(IEnumerable<T> other)
        {
            if (other == null)
                ThrowHelper.ThrowArgumentNullException("other");
            if (Count == 0)
                return false;
            int found;
            int unfound;
            CountFoundAndUnfound(other, out found, out unfound);
            return unfound == 0 && found < Count;
        }

        public bool Overlaps(IEnumerable<T> other)
        {
            if (other == null)
                ThrowHelper.ThrowArgumentNullException("other");
            if (Count == 0)
                return false;
            foreach (T item in other)
            {
                if (Contains(item))
                    return true;
            }
            return false;
        }

        public bool SetEquals(IEnumerable<T> other)
        {
            if (other == null)
                ThrowHelper.ThrowArgumentNullException("other");
            int found;
            int unfound;
            CountFoundAndUnfound(other, out found, out unfound);
            return unfound == 0 && found == Count;
        }

        // How many distinct elements of `other` are in the set.
        private int CountFoundDistinct(IEnumerable<T> other)
        {
            int found;
            int unfound;
            CountFoundAndUnfound(other, out found, out unfound);
            return found;
        }

        private void CountFoundAndUnfound(IEnumerable<T> other, out int found, out int unfound)
        {
            SortedSet<T> seen = new SortedSet<T>(_comparer);
            found = 0;
            unfound = 0;
            foreach (T item in other)
            {
                if (Contains(item))
                {
                    if (seen.AddCore(item))
                        found++;
                }
                else
                {
                    unfound++;
                }
            }
        }

        // An equality comparer of SortedSet<T>s by their elements.
        public static IEqualityComparer<SortedSet<T>> CreateSetComparer()
        {
            return CreateSetComparer(null);
        }

        public static IEqualityComparer<SortedSet<T>> CreateSetComparer(IEqualityComparer<T> memberEqualityComparer)
        {
            return new SortedSetEqualityComparer<T>(memberEqualityComparer);
        }

        // Ascending (or descending) order over the set or view; MoveNext
        // throws once the tree has been modified.
        public struct Enumerator : IEnumerator<T>, IEnumerator
        {
            private readonly SortedSet<T> _set;
            private readonly int _version;
            private readonly bool _reverse;
            private Node _next;
            private Node _current;
            // 0: not started; 1: running; 2: ended.
            private int _state;

            internal Enumerator(SortedSet<T> set, bool reverse)
            {
                _set = set;
                _version = set.TreeVersion;
                _reverse = reverse;
                _next = null;
                _current = null;
                _state = 0;
            }

            public bool MoveNext()
            {
                if (_version != _set.TreeVersion)
                    ThrowHelper.ThrowVersionChanged();
                if (_state == 0)
                {
                    _next = _reverse ? _set.LastNode() : _set.FirstNode();
                    _state = 1;
                }
                if (_state == 2 || _next == null)
                {
                    _state = 2;
                    _current = null;
                    return false;
                }
                _current = _next;
                _next = _reverse ? _set.PreviousNode(_current) : _set.NextNode(_current);
                return true;
            }

            public void Dispose()
            {
            }

            public T Current
            {
                get { return _current == null ? default(T) : _current.Item; }
            }

            object IEnumerator.Current
            {
                get
                {
                    if (_current == null)
                        ThrowHelper.ThrowEnumOpCantHappen();
                    return _current.Item;
                }
            }

            void IEnumerator.Reset()
            {
                if (_version != _set.TreeVersion)
                    ThrowHelper.ThrowVersionChanged();
                _state = 0;
                _next = null;
                _current = null;
            }
        }
    }

    // SortedSet<T>.CreateSetComparer's comparer.
    internal sealed class SortedSetEqualityComparer<T> : IEqualityComparer<SortedSet<T>>
    {
        private readonly IEqualityComparer<T> _memberEqualityComparer;

        public SortedSetEqualityComparer(IEqualityComparer<T> memberEqualityComparer)
        {
            _memberEqualityComparer = memberEqualityComparer ?? EqualityComparer<T>.Default;
        }

        public bool Equals(SortedSet<T> x, SortedSet<T> y)
        {
            if (x == null)
                return y == null;
            if (y == null)
                return false;
            if (x.Comparer.Equals(y.Comparer))
                return x.SetEquals(y);
            foreach (T a in x)
            {
                bool found = false;
                foreach (T b in y)
                {
                    if (_memberEqualityComparer.Equals(a, b))
                    {
                        found = true;
                        break;
                    }
                }
                if (!found)
                    return false;
            }
            return true;
        }

        public int GetHashCode(SortedSet<T> obj)
        {
            int hashCode = 0;
            if (obj != null)
            {
                foreach (T t in obj)
                    hashCode = hashCode ^ (_memberEqualityComparer.GetHashCode(t) & 0x7FFFFFFF);
            }
            return hashCode;
        }

        public override bool Equals(object obj)
        {
            SortedSetEqualityComparer<T> comparer = obj as SortedSetEqualityComparer<T>;
            return comparer != null && _memberEqualityComparer == comparer._memberEqualityComparer;
        }

        public override int GetHashCode()
        {
            return _memberEqualityComparer.GetHashCode();
        }
    }
}
