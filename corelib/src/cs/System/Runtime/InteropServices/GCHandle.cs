using System.Runtime.CompilerServices;

namespace System.Runtime.InteropServices
{
    public enum GCHandleType
    {
        Weak = 0,
        WeakTrackResurrection = 1,
        Normal = 2,
        Pinned = 3,
    }

    // A handle to an object in the runtime's handle table (docs/gc.md):
    // Normal and Pinned handles are roots (Pinned ones keep the object in
    // place); Weak ones are cleared when the object dies.
    public struct GCHandle
    {
        private IntPtr handle;

        private GCHandle(IntPtr handle)
        {
            this.handle = handle;
        }

        public static GCHandle Alloc(object value)
        {
            return new GCHandle(InternalAlloc(value, GCHandleType.Normal));
        }

        public static GCHandle Alloc(object value, GCHandleType type)
        {
            if ((uint)type > (uint)GCHandleType.Pinned)
                throw new ArgumentOutOfRangeException("type", "Enum value was out of legal range.");
            return new GCHandle(InternalAlloc(value, type));
        }

        public void Free()
        {
            IntPtr h = handle;
            if (h == IntPtr.Zero)
                throw new InvalidOperationException("Handle is not initialized.");
            handle = IntPtr.Zero;
            InternalFree(h);
        }

        public object Target
        {
            get
            {
                Check();
                return InternalGet(handle);
            }
            set
            {
                Check();
                InternalSet(handle, value);
            }
        }

        public bool IsAllocated
        {
            get { return handle != IntPtr.Zero; }
        }

        // The address of the pinned object's data: the first element of an
        // array, the first character of a string, the first field otherwise.
        public IntPtr AddrOfPinnedObject()
        {
            Check();
            return InternalAddrOfPinnedObject(handle);
        }

        public static explicit operator IntPtr(GCHandle value)
        {
            return value.handle;
        }

        public static explicit operator GCHandle(IntPtr value)
        {
            if (value == IntPtr.Zero)
                throw new InvalidOperationException("Handle is not initialized.");
            return new GCHandle(value);
        }

        public static IntPtr ToIntPtr(GCHandle value)
        {
            return value.handle;
        }

        public static GCHandle FromIntPtr(IntPtr value)
        {
            return (GCHandle)value;
        }

        private void Check()
        {
            if (handle == IntPtr.Zero)
                throw new InvalidOperationException("Handle is not initialized.");
        }

        // FCalls (vm/src/fcall/gc.rs). A bad handle raises InvalidOperationException.
        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern IntPtr InternalAlloc(object value, GCHandleType type);

        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern void InternalFree(IntPtr handle);

        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern object InternalGet(IntPtr handle);

        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern void InternalSet(IntPtr handle, object value);

        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern IntPtr InternalAddrOfPinnedObject(IntPtr handle);
    }
}
