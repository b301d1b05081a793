using System;
using System.Runtime.InteropServices;

namespace Microsoft.Win32.SafeHandles
{
    // A SafeHandle whose invalid values are 0 and -1 (most C handles).
    public abstract class SafeHandleZeroOrMinusOneIsInvalid : SafeHandle
    {
        protected SafeHandleZeroOrMinusOneIsInvalid(bool ownsHandle)
            : base(IntPtr.Zero, ownsHandle)
        {
        }

        public override bool IsInvalid
        {
            get { return handle == IntPtr.Zero || handle == new IntPtr(-1); }
        }
    }

    // A SafeHandle whose invalid value is -1 (file descriptors).
    public abstract class SafeHandleMinusOneIsInvalid : SafeHandle
    {
        protected SafeHandleMinusOneIsInvalid(bool ownsHandle)
            : base(new IntPtr(-1), ownsHandle)
        {
        }

        public override bool IsInvalid
        {
            get { return handle == new IntPtr(-1); }
        }
    }
}
