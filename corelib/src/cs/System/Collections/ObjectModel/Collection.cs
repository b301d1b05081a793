using System.Collections.Generic;

namespace System.Collections.ObjectModel
{
    // A list whose modifications go through four protected virtual methods
    // (InsertItem, SetItem, RemoveItem, ClearItems) that subclasses
    // override to observe or veto changes. It wraps a List<T>, or the
    // IList<T> it was given.
    public class Collection<T> : IList<T>, IList, IReadOnlyList<T>
    {
        private readonly IList<T> items;

        public Collection()
        {
            items = new List<T>();
        }

        public Collection(IList<T> list)
        {
            if (list == null)
                ThrowHelper.ThrowArgumentNullException("list");
            items = list;
        }

        public int Count
        {
            get { return items.Count; }
        }

        protected IList<T> Items
        {
            get { return items; }
        }

        public T this[int index]
        {
            get { return items[index]; }
            set
            {
                if (items.IsReadOnly)
                    ThrowHelper.ThrowReadOnly();
                if ((uint)index >= (uint)items.Count)
                    ThrowHelper.ThrowIndexArgumentOutOfRange("index");
                SetItem(index, value);
            }
        }

        public void Add(T item)
        {
            if (items.IsReadOnly)
                ThrowHelper.ThrowReadOnly();
            int index = items.Count;
            InsertItem(index, item);
        }

        public void Clear()
        {
            if (items.IsReadOnly)
                ThrowHelper.ThrowReadOnly();
            ClearItems();
        }

        public void CopyTo(T[] array, int index)
        {
            items.CopyTo(array, index);
        }

        public bool Contains(T item)
        {
            return items.Contains(item);
        }

        public IEnumerator<T> GetEnumerator()
        {
            return items.GetEnumerator();
        }

        public int IndexOf(T item)
        {
            return items.IndexOf(item);
        }

        public void Insert(int index, T item)
        {
            if (items.IsReadOnly)
                ThrowHelper.ThrowReadOnly();
            if ((uint)index > (uint)items.Count)
                ThrowHelper.ThrowIndexArgumentOutOfRange("index");
            InsertItem(index, item);
        }

        public bool Remove(T item)
        {
            if (items.IsReadOnly)
                ThrowHelper.ThrowReadOnly();
            int index = items.IndexOf(item);
            if (index < 0)
                return false;
            RemoveItem(index);
            return true;
        }

        public void RemoveAt(int index)
        {
            if (items.IsReadOnly)
                ThrowHelper.ThrowReadOnly();
            if ((uint)index >= (uint)items.Count)
                ThrowHelper.ThrowIndexArgumentOutOfRange("index");
            RemoveItem(index);
        }

        protected virtual void ClearItems()
        {
            items.Clear();
        }

        protected virtual void InsertItem(int index, T item)
        {
            items.Insert(index, item);
        }

        protected virtual void RemoveItem(int index)
        {
            items.RemoveAt(index);
        }

        protected virtual void SetItem(int index, T item)
        {
            items[index] = item;
        }

        bool ICollection<T>.IsReadOnly
        {
            get { return items.IsReadOnly; }
        }

        IEnumerator IEnumerable.GetEnumerator()
        {
            return ((IEnumerable)items).GetEnumerator();
        }

        bool ICollection.IsSynchronized
        {
            get { return false; }
        }

        object ICollection.SyncRoot
        {
            get
            {
                ICollection c = items as ICollection;
                return c != null ? c.SyncRoot : this;
            }
        }

        void ICollection.CopyTo(Array array, int index)
        {
            ThrowHelper.CheckNonGenericCopyTo(array, index, Count);
            EnumerableHelpers.CopyToArray(items, array, index);
        }

        object IList.this[int index]
        {
            get { return items[index]; }
            set
            {
                T item = ThrowHelper.CastValue<T>(value, "value");
                this[index] = item;
            }
        }

        bool IList.IsReadOnly
        {
            get { return items.IsReadOnly; }
        }

        bool IList.IsFixedSize
        {
            get
            {
                IList list = items as IList;
                if (list != null)
                    return list.IsFixedSize;
                return items.IsReadOnly;
            }
        }

        int IList.Add(object value)
        {
            if (items.IsReadOnly)
                ThrowHelper.ThrowReadOnly();
            T item = ThrowHelper.CastValue<T>(value, "value");
            Add(item);
            return Count - 1;
        }

        bool IList.Contains(object value)
        {
            if (ThrowHelper.IsCompatibleObject<T>(value))
                return Contains((T)value);
            return false;
        }

        int IList.IndexOf(object value)
        {
            if (ThrowHelper.IsCompatibleObject<T>(value))
                return IndexOf((T)value);
            return -1;
        }

        void IList.Insert(int index, object value)
        {
            if (items.IsReadOnly)
                ThrowHelper.ThrowReadOnly();
            T item = ThrowHelper.CastValue<T>(value, "value");
            Insert(index, item);
        }

        void IList.Remove(object value)
        {
            if (items.IsReadOnly)
                ThrowHelper.ThrowReadOnly();
            if (ThrowHelper.IsCompatibleObject<T>(value))
                Remove((T)value);
        }
    }
}
