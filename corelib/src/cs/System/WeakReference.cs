using System.Runtime.InteropServices;

namespace System
{
    // A reference the collector clears when its target becomes unreachable:
    // a weak GC handle (WeakTrackResurrection when tracking resurrection).
    public class WeakReference
    {
        private IntPtr m_handle;
        private bool m_trackResurrection;

        public WeakReference(object target) : this(target, false)
        {
        }

        public WeakReference(object target, bool trackResurrection)
        {
            m_trackResurrection = trackResurrection;
            m_handle = GCHandle.InternalAlloc(target,
                trackResurrection ? GCHandleType.WeakTrackResurrection : GCHandleType.Weak);
        }

        public virtual bool IsAlive
        {
            get { return m_handle != IntPtr.Zero && GCHandle.InternalGet(m_handle) != null; }
        }

        public virtual object Target
        {
            get { return m_handle == IntPtr.Zero ? null : GCHandle.InternalGet(m_handle); }
            set
            {
                if (m_handle != IntPtr.Zero)
                    GCHandle.InternalSet(m_handle, value);
            }
        }

        public virtual bool TrackResurrection
        {
            get { return m_trackResurrection; }
        }

        ~WeakReference()
        {
            IntPtr h = m_handle;
            m_handle = IntPtr.Zero;
            if (h != IntPtr.Zero)
                GCHandle.InternalFree(h);
        }
    }
}
