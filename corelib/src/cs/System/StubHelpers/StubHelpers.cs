using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace System.StubHelpers
{
    // What the IL stubs of P/Invokes call (vm/src/interop/stub.rs; the
    // runtime reaches these methods through the binder, binder/src/bindings.rs).
    // Every conversion the marshaler makes that is not a plain copy is here.
    internal static class StubHelpers
    {
        // A NUL-terminated UTF-8 copy of `s` on the C heap (0 for null).
        [DllImport("QCall", EntryPoint = "StubHelpers_StringToUtf8")]
        internal static extern IntPtr StringToUtf8(string s);

        [DllImport("QCall", EntryPoint = "StubHelpers_Utf8Length")]
        private static extern int Utf8Length(string s);

        // The string spelled by the UTF-8 bytes at `p` (`length` bytes, or up
        // to the NUL for -1); null for a null pointer.
        internal static string PtrToStringUtf8(IntPtr p, int length)
        {
            string result = null;
            PtrToStringUtf8Core(p, length, new StringHandleOnStack(ref result));
            return result;
        }

        [DllImport("QCall", EntryPoint = "StubHelpers_PtrToStringUtf8")]
        private static extern void PtrToStringUtf8Core(IntPtr p, int length, StringHandleOnStack result);

        internal static unsafe string StringFromChars(char* p, int length)
        {
            if (length == 0)
                return "";
            string s = new string('\0', length);
            fixed (char* d = s)
            {
                for (int i = 0; i < length; i++)
                    d[i] = p[i];
            }
            return s;
        }

        internal static void FreeNative(IntPtr p)
        {
            Marshal.FreeHGlobal(p);
        }

        internal static IntPtr AllocNative(IntPtr bytes)
        {
            return Marshal.AllocHGlobal(bytes);
        }

        // FCalls (vm/src/interop/fcalls.rs): the most bytes `s` takes in
        // UTF-8 with its NUL (0 for null), and the encoding itself into a
        // buffer of that size (on the stub's stack or the C heap).
        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern IntPtr Utf8MaxBytes(string s);

        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern void EncodeUtf8(string s, IntPtr buffer);

        // A char as one byte: ASCII as itself, anything else '?' (UTF-8
        // cannot put it in one byte; .NET's best-fit mapping does the same).
        internal static byte CharToAnsi(char c)
        {
            return c < 0x80 ? (byte)c : (byte)'?';
        }

        internal static char AnsiToChar(byte b)
        {
            return b < 0x80 ? (char)b : '\uFFFD';
        }

        // A returned char* becomes a string and is freed, as .NET's
        // marshaler does (return IntPtr to keep ownership in C).
        internal static string PtrToStringAndFree(IntPtr p, bool utf16)
        {
            if (p == IntPtr.Zero)
                return null;
            string s = utf16 ? Marshal.PtrToStringUni(p) : PtrToStringUtf8(p, -1);
            Marshal.FreeHGlobal(p);
            return s;
        }

        // A StringBuilder as an out buffer: room for Capacity characters and
        // the NUL, holding the builder's text.
        internal static unsafe IntPtr StringBuilderToNative(StringBuilder sb, bool utf16)
        {
            if (sb == null)
                return IntPtr.Zero;
            string text = sb.ToString();
            int capacity = sb.Capacity;
            if (utf16)
            {
                IntPtr p = Marshal.AllocHGlobal(new IntPtr(2L * capacity + 2));
                char* d = (char*)p;
                int n = text.Length < capacity ? text.Length : capacity;
                for (int i = 0; i < n; i++)
                    d[i] = text[i];
                d[n] = '\0';
                return p;
            }
            // UTF-8: up to 3 bytes per UTF-16 unit.
            long bytes = 3L * capacity + 1;
            int len = Utf8Length(text);
            if (len + 1 > bytes)
                bytes = len + 1;
            IntPtr buf = Marshal.AllocHGlobal(new IntPtr(bytes));
            IntPtr copy = StringToUtf8(text);
            byte* from = (byte*)copy;
            byte* to = (byte*)buf;
            for (int i = 0; i <= len; i++)
                to[i] = from[i];
            Marshal.FreeHGlobal(copy);
            return buf;
        }

        // After the call: the builder holds what C wrote (up to the NUL).
        internal static void StringBuilderFromNative(StringBuilder sb, IntPtr p, bool utf16)
        {
            if (sb == null || p == IntPtr.Zero)
                return;
            string s = utf16 ? Marshal.PtrToStringUni(p) : PtrToStringUtf8(p, -1);
            sb.Clear();
            sb.Append(s);
        }

        // A callback's StringBuilder parameter (vm/src/interop/reverse.rs):
        // a builder holding the text of the buffer C passed.
        internal static StringBuilder StringBuilderForCallback(IntPtr p, bool utf16)
        {
            string s = utf16 ? Marshal.PtrToStringUni(p) : PtrToStringUtf8(p, -1);
            return new StringBuilder(s);
        }

        // After the callback: the builder's text back into C's buffer, cut
        // to the length of the text C passed (the buffer still holds it: the
        // callback worked on the builder), never splitting a character.
        internal static unsafe void StringBuilderToCallerBuffer(StringBuilder sb, IntPtr p, bool utf16)
        {
            string text = sb.ToString();
            if (utf16)
            {
                char* d = (char*)p;
                int room = 0;
                while (d[room] != '\0')
                    room++;
                int n = text.Length < room ? text.Length : room;
                if (n > 0 && n < text.Length && char.IsHighSurrogate(text[n - 1]))
                    n--;
                for (int i = 0; i < n; i++)
                    d[i] = text[i];
                d[n] = '\0';
                return;
            }
            byte* b = (byte*)p;
            int bytes = 0;
            while (b[bytes] != 0)
                bytes++;
            IntPtr copy = StringToUtf8(text);
            byte* from = (byte*)copy;
            int len = 0;
            while (from[len] != 0)
                len++;
            if (len > bytes)
            {
                len = bytes;
                // Back to the start of a character.
                while (len > 0 && (from[len] & 0xC0) == 0x80)
                    len--;
            }
            for (int i = 0; i < len; i++)
                b[i] = from[i];
            b[len] = 0;
            Marshal.FreeHGlobal(copy);
        }

        internal static IntPtr DelegateToNative(Delegate d)
        {
            return d == null ? IntPtr.Zero : Marshal.GetFunctionPointerForDelegateHelper(d);
        }

        internal static Delegate NativeToDelegate(IntPtr fn, IntPtr type)
        {
            return fn == IntPtr.Zero ? null : Marshal.GetDelegateForFunctionPointerHelper(fn, type);
        }

        // Takes a reference on the handle for the call and returns its value.
        internal static IntPtr SafeHandleAddRef(SafeHandle h, ref bool added)
        {
            if (h == null)
                throw new ArgumentNullException("pHandle");
            h.DangerousAddRef(ref added);
            return h.DangerousGetHandle();
        }

        internal static void SafeHandleRelease(SafeHandle h, bool added)
        {
            if (added)
                h.DangerousRelease();
        }

        internal static void SafeHandleSet(SafeHandle h, IntPtr value)
        {
            h.SetHandleInternal(value);
        }

        // A struct passed by reference whose fields need conversion (boxed
        // by the stub), or an object of a formatted class: a zeroed C heap
        // buffer of its native size, holding its native form when copyIn;
        // IntPtr.Zero for null. The stub frees it with FreeStructureNative.
        internal static unsafe IntPtr StructureToNative(object structure, bool copyIn)
        {
            if (structure == null)
                return IntPtr.Zero;
            // Rounded up to 8 bytes: a struct passed by value is read in
            // whole eightbytes.
            int size = (Marshal.SizeOf(structure) + 7) & ~7;
            IntPtr p = Marshal.AllocHGlobal(size);
            byte* b = (byte*)p;
            for (int i = 0; i < size; i++)
                b[i] = 0;
            if (copyIn)
                Marshal.StructureToPtr(structure, p, false);
            return p;
        }

        // Reads the native form at `native` back into `structure` (a box or
        // a formatted class's object), in place (vm/src/interop/fcalls.rs).
        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern void StructureFromNative(IntPtr native, object structure);

        // Frees the strings the native form owns, then the buffer.
        internal static void FreeStructureNative(IntPtr native, object structure)
        {
            if (native == IntPtr.Zero)
                return;
            Marshal.DestroyStructure(native, structure.GetType());
            Marshal.FreeHGlobal(native);
        }

        // A zeroed C heap buffer for the native form of struct type `type`
        // returned by value (its size rounded up to 8 bytes: the JIT stores
        // whole eightbytes of a result that comes back in registers).
        internal static unsafe IntPtr AllocStructureNative(IntPtr type)
        {
            int size = (Marshal.SizeOfHelper(type) + 7) & ~7;
            IntPtr p = Marshal.AllocHGlobal(size);
            byte* b = (byte*)p;
            for (int i = 0; i < size; i++)
                b[i] = 0;
            return p;
        }

        // Frees what the native form of a `type` at `native` owns (the
        // strings a callee returned in a struct), then the buffer.
        internal static void FreeStructureNativeOfType(IntPtr native, IntPtr type)
        {
            if (native == IntPtr.Zero)
                return;
            Marshal.DestroyStructureHelper(native, type);
            Marshal.FreeHGlobal(native);
        }

        internal static void ThrowForHR(int hr)
        {
            Marshal.ThrowExceptionForHR(hr);
        }
    }
}
