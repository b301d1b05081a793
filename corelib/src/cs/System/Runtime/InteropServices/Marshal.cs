using System.Runtime.CompilerServices;
using System.StubHelpers;

namespace System.Runtime.InteropServices
{
    // Native memory, conversions between managed and native data, and the
    // last P/Invoke error (docs/native-interop.md). Native memory is the C
    // heap (malloc/free), so memory from AllocHGlobal may be freed by C and
    // the other way round; AllocCoTaskMem is the same heap, as on .NET on
    // Linux. "Ansi" strings are UTF-8, as on .NET on Linux.
    //
    // The generic overloads of .NET (SizeOf<T>, PtrToStructure<T>, ...)
    // forward to the Type- and object-taking ones.
    public static class Marshal
    {
        public static readonly int SystemDefaultCharSize = 2;
        public static readonly int SystemMaxDBCSCharSize = 3;

        // ----- the C heap -----------------------------------------------------

        public static IntPtr AllocHGlobal(int cb)
        {
            return AllocHGlobal(new IntPtr(cb));
        }

        public static IntPtr AllocHGlobal(IntPtr cb)
        {
            if ((long)cb < 0)
                throw new OutOfMemoryException();
            return AllocHGlobalCore(cb);
        }

        public static IntPtr ReAllocHGlobal(IntPtr pv, IntPtr cb)
        {
            if ((long)cb < 0)
                throw new OutOfMemoryException();
            return ReAllocHGlobalCore(pv, cb);
        }

        public static void FreeHGlobal(IntPtr hglobal)
        {
            if (hglobal != IntPtr.Zero)
                FreeHGlobalCore(hglobal);
        }

        public static IntPtr AllocCoTaskMem(int cb)
        {
            return AllocHGlobal(new IntPtr(cb));
        }

        public static IntPtr ReAllocCoTaskMem(IntPtr pv, int cb)
        {
            return ReAllocHGlobal(pv, new IntPtr(cb));
        }

        public static void FreeCoTaskMem(IntPtr ptr)
        {
            FreeHGlobal(ptr);
        }

        [DllImport("QCall", EntryPoint = "Marshal_AllocHGlobal")]
        private static extern IntPtr AllocHGlobalCore(IntPtr cb);

        [DllImport("QCall", EntryPoint = "Marshal_ReAllocHGlobal")]
        private static extern IntPtr ReAllocHGlobalCore(IntPtr pv, IntPtr cb);

        [DllImport("QCall", EntryPoint = "Marshal_FreeHGlobal")]
        private static extern void FreeHGlobalCore(IntPtr hglobal);

        // ----- reads and writes -------------------------------------------------

        public static unsafe byte ReadByte(IntPtr ptr, int ofs)
        {
            return *((byte*)ptr + ofs);
        }

        public static byte ReadByte(IntPtr ptr)
        {
            return ReadByte(ptr, 0);
        }

        public static unsafe short ReadInt16(IntPtr ptr, int ofs)
        {
            return *(short*)((byte*)ptr + ofs);
        }

        public static short ReadInt16(IntPtr ptr)
        {
            return ReadInt16(ptr, 0);
        }

        public static unsafe int ReadInt32(IntPtr ptr, int ofs)
        {
            return *(int*)((byte*)ptr + ofs);
        }

        public static int ReadInt32(IntPtr ptr)
        {
            return ReadInt32(ptr, 0);
        }

        public static unsafe long ReadInt64(IntPtr ptr, int ofs)
        {
            return *(long*)((byte*)ptr + ofs);
        }

        public static long ReadInt64(IntPtr ptr)
        {
            return ReadInt64(ptr, 0);
        }

        public static unsafe IntPtr ReadIntPtr(IntPtr ptr, int ofs)
        {
            return *(IntPtr*)((byte*)ptr + ofs);
        }

        public static IntPtr ReadIntPtr(IntPtr ptr)
        {
            return ReadIntPtr(ptr, 0);
        }

        public static unsafe void WriteByte(IntPtr ptr, int ofs, byte val)
        {
            *((byte*)ptr + ofs) = val;
        }

        public static void WriteByte(IntPtr ptr, byte val)
        {
            WriteByte(ptr, 0, val);
        }

        public static unsafe void WriteInt16(IntPtr ptr, int ofs, short val)
        {
            *(short*)((byte*)ptr + ofs) = val;
        }

        public static void WriteInt16(IntPtr ptr, short val)
        {
            WriteInt16(ptr, 0, val);
        }

        public static void WriteInt16(IntPtr ptr, int ofs, char val)
        {
            WriteInt16(ptr, ofs, (short)val);
        }

        public static void WriteInt16(IntPtr ptr, char val)
        {
            WriteInt16(ptr, 0, (short)val);
        }

        public static unsafe void WriteInt32(IntPtr ptr, int ofs, int val)
        {
            *(int*)((byte*)ptr + ofs) = val;
        }

        public static void WriteInt32(IntPtr ptr, int val)
        {
            WriteInt32(ptr, 0, val);
        }

        public static unsafe void WriteInt64(IntPtr ptr, int ofs, long val)
        {
            *(long*)((byte*)ptr + ofs) = val;
        }

        public static void WriteInt64(IntPtr ptr, long val)
        {
            WriteInt64(ptr, 0, val);
        }

        public static unsafe void WriteIntPtr(IntPtr ptr, int ofs, IntPtr val)
        {
            *(IntPtr*)((byte*)ptr + ofs) = val;
        }

        public static void WriteIntPtr(IntPtr ptr, IntPtr val)
        {
            WriteIntPtr(ptr, 0, val);
        }

        // ----- copies between arrays and native memory ----------------------------

        private static void CheckCopy(Array array, int startIndex, IntPtr ptr, int length)
        {
            if (array == null)
                throw new ArgumentNullException(ptr == IntPtr.Zero ? "source" : "destination");
            if (ptr == IntPtr.Zero)
                throw new ArgumentNullException("destination");
            if (startIndex < 0)
                throw new ArgumentOutOfRangeException("startIndex", "Index was out of range. Must be non-negative and less than the size of the collection.");
            if (length < 0)
                throw new ArgumentOutOfRangeException("length", "Non-negative number required.");
            if (startIndex > array.Length - length)
                throw new ArgumentOutOfRangeException("length", "Requested range extends past the end of the array.");
        }

        private static unsafe void CopyBytes(byte* from, byte* to, long count)
        {
            for (long i = 0; i < count; i++)
                to[i] = from[i];
        }

        public static unsafe void Copy(byte[] source, int startIndex, IntPtr destination, int length)
        {
            CheckCopy(source, startIndex, destination, length);
            fixed (byte* p = source)
                CopyBytes(p + startIndex, (byte*)destination, length);
        }

        public static unsafe void Copy(char[] source, int startIndex, IntPtr destination, int length)
        {
            CheckCopy(source, startIndex, destination, length);
            fixed (char* p = source)
                CopyBytes((byte*)(p + startIndex), (byte*)destination, 2L * length);
        }

        public static unsafe void Copy(short[] source, int startIndex, IntPtr destination, int length)
        {
            CheckCopy(source, startIndex, destination, length);
            fixed (short* p = source)
                CopyBytes((byte*)(p + startIndex), (byte*)destination, 2L * length);
        }

        public static unsafe void Copy(int[] source, int startIndex, IntPtr destination, int length)
        {
            CheckCopy(source, startIndex, destination, length);
            fixed (int* p = source)
                CopyBytes((byte*)(p + startIndex), (byte*)destination, 4L * length);
        }

        public static unsafe void Copy(long[] source, int startIndex, IntPtr destination, int length)
        {
            CheckCopy(source, startIndex, destination, length);
            fixed (long* p = source)
                CopyBytes((byte*)(p + startIndex), (byte*)destination, 8L * length);
        }

        public static unsafe void Copy(float[] source, int startIndex, IntPtr destination, int length)
        {
            CheckCopy(source, startIndex, destination, length);
            fixed (float* p = source)
                CopyBytes((byte*)(p + startIndex), (byte*)destination, 4L * length);
        }

        public static unsafe void Copy(double[] source, int startIndex, IntPtr destination, int length)
        {
            CheckCopy(source, startIndex, destination, length);
            fixed (double* p = source)
                CopyBytes((byte*)(p + startIndex), (byte*)destination, 8L * length);
        }

        public static unsafe void Copy(IntPtr[] source, int startIndex, IntPtr destination, int length)
        {
            CheckCopy(source, startIndex, destination, length);
            fixed (IntPtr* p = source)
                CopyBytes((byte*)(p + startIndex), (byte*)destination, 8L * length);
        }

        public static unsafe void Copy(IntPtr source, byte[] destination, int startIndex, int length)
        {
            CheckCopy(destination, startIndex, source, length);
            fixed (byte* p = destination)
                CopyBytes((byte*)source, p + startIndex, length);
        }

        public static unsafe void Copy(IntPtr source, char[] destination, int startIndex, int length)
        {
            CheckCopy(destination, startIndex, source, length);
            fixed (char* p = destination)
                CopyBytes((byte*)source, (byte*)(p + startIndex), 2L * length);
        }

        public static unsafe void Copy(IntPtr source, short[] destination, int startIndex, int length)
        {
            CheckCopy(destination, startIndex, source, length);
            fixed (short* p = destination)
                CopyBytes((byte*)source, (byte*)(p + startIndex), 2L * length);
        }

        public static unsafe void Copy(IntPtr source, int[] destination, int startIndex, int length)
        {
            CheckCopy(destination, startIndex, source, length);
            fixed (int* p = destination)
                CopyBytes((byte*)source, (byte*)(p + startIndex), 4L * length);
        }

        public static unsafe void Copy(IntPtr source, long[] destination, int startIndex, int length)
        {
            CheckCopy(destination, startIndex, source, length);
            fixed (long* p = destination)
                CopyBytes((byte*)source, (byte*)(p + startIndex), 8L * length);
        }

        public static unsafe void Copy(IntPtr source, float[] destination, int startIndex, int length)
        {
            CheckCopy(destination, startIndex, source, length);
            fixed (float* p = destination)
                CopyBytes((byte*)source, (byte*)(p + startIndex), 4L * length);
        }

        public static unsafe void Copy(IntPtr source, double[] destination, int startIndex, int length)
        {
            CheckCopy(destination, startIndex, source, length);
            fixed (double* p = destination)
                CopyBytes((byte*)source, (byte*)(p + startIndex), 8L * length);
        }

        public static unsafe void Copy(IntPtr source, IntPtr[] destination, int startIndex, int length)
        {
            CheckCopy(destination, startIndex, source, length);
            fixed (IntPtr* p = destination)
                CopyBytes((byte*)source, (byte*)(p + startIndex), 8L * length);
        }

        // ----- strings ----------------------------------------------------------

        public static string PtrToStringAnsi(IntPtr ptr)
        {
            return StubHelpers.StubHelpers.PtrToStringUtf8(ptr, -1);
        }

        public static string PtrToStringAnsi(IntPtr ptr, int len)
        {
            if (len < 0)
                throw new ArgumentException("Non-negative number required.", "len");
            if (ptr == IntPtr.Zero)
                throw new ArgumentNullException("ptr");
            return StubHelpers.StubHelpers.PtrToStringUtf8(ptr, len);
        }

        public static string PtrToStringUTF8(IntPtr ptr)
        {
            return StubHelpers.StubHelpers.PtrToStringUtf8(ptr, -1);
        }

        public static string PtrToStringUTF8(IntPtr ptr, int byteLen)
        {
            if (byteLen < 0)
                throw new ArgumentOutOfRangeException("byteLen", "Non-negative number required.");
            if (ptr == IntPtr.Zero)
                throw new ArgumentNullException("ptr");
            return StubHelpers.StubHelpers.PtrToStringUtf8(ptr, byteLen);
        }

        public static unsafe string PtrToStringUni(IntPtr ptr)
        {
            if (ptr == IntPtr.Zero)
                return null;
            char* p = (char*)ptr;
            int n = 0;
            while (p[n] != '\0')
                n++;
            return StubHelpers.StubHelpers.StringFromChars(p, n);
        }

        public static unsafe string PtrToStringUni(IntPtr ptr, int len)
        {
            if (len < 0)
                throw new ArgumentException("Non-negative number required.", "len");
            if (ptr == IntPtr.Zero)
                throw new ArgumentNullException("ptr");
            return StubHelpers.StubHelpers.StringFromChars((char*)ptr, len);
        }

        public static string PtrToStringAuto(IntPtr ptr)
        {
            return PtrToStringUTF8(ptr);
        }

        public static IntPtr StringToHGlobalAnsi(string s)
        {
            return StubHelpers.StubHelpers.StringToUtf8(s);
        }

        public static IntPtr StringToCoTaskMemAnsi(string s)
        {
            return StubHelpers.StubHelpers.StringToUtf8(s);
        }

        public static IntPtr StringToCoTaskMemUTF8(string s)
        {
            return StubHelpers.StubHelpers.StringToUtf8(s);
        }

        public static IntPtr StringToHGlobalAuto(string s)
        {
            return StubHelpers.StubHelpers.StringToUtf8(s);
        }

        public static IntPtr StringToCoTaskMemAuto(string s)
        {
            return StubHelpers.StubHelpers.StringToUtf8(s);
        }

        public static unsafe IntPtr StringToHGlobalUni(string s)
        {
            if (s == null)
                return IntPtr.Zero;
            long bytes = 2L * s.Length + 2;
            IntPtr p = AllocHGlobal(new IntPtr(bytes));
            char* d = (char*)p;
            fixed (char* src = s)
            {
                for (int i = 0; i < s.Length; i++)
                    d[i] = src[i];
            }
            d[s.Length] = '\0';
            return p;
        }

        public static IntPtr StringToCoTaskMemUni(string s)
        {
            return StringToHGlobalUni(s);
        }

        public static void ZeroFreeGlobalAllocUnicode(IntPtr s)
        {
            FreeHGlobal(s);
        }

        // ----- structures -------------------------------------------------------

        private static IntPtr HandleOf(Type t, string paramName)
        {
            if (t == null)
                throw new ArgumentNullException(paramName);
            RuntimeType rt = t as RuntimeType;
            if (rt == null)
                throw new ArgumentException("Type must be a type provided by the runtime.", paramName);
            return rt.m_handle;
        }

        // The size of the native form of `t` (a value type, or a class with
        // sequential or explicit layout): what C sees, which differs from
        // the managed size when bool, char or string fields are converted.
        public static int SizeOf(Type t)
        {
            return SizeOfHelper(HandleOf(t, "t"));
        }

        public static int SizeOf(object structure)
        {
            if (structure == null)
                throw new ArgumentNullException("structure");
            return SizeOfHelper(HandleOf(structure.GetType(), "structure"));
        }

        public static IntPtr OffsetOf(Type t, string fieldName)
        {
            if (fieldName == null)
                throw new ArgumentNullException("fieldName");
            return new IntPtr(OffsetOfHelper(HandleOf(t, "t"), fieldName));
        }

        // Writes the native form of `structure` (a boxed struct, or an object
        // of a class with layout) at `ptr`. With fDeleteOld, first frees the
        // native strings a previous StructureToPtr left there.
        public static void StructureToPtr(object structure, IntPtr ptr, bool fDeleteOld)
        {
            if (structure == null)
                throw new ArgumentNullException("structure");
            if (ptr == IntPtr.Zero)
                throw new ArgumentNullException("ptr");
            StructureToPtrHelper(structure, ptr, fDeleteOld);
        }

        // A new boxed value (or object) of `structureType` read from the
        // native form at `ptr`.
        public static object PtrToStructure(IntPtr ptr, Type structureType)
        {
            if (ptr == IntPtr.Zero)
                return null;
            return PtrToStructureHelper(ptr, HandleOf(structureType, "structureType"));
        }

        // Reads the native form at `ptr` into an existing object of a class
        // with layout.
        public static void PtrToStructure(IntPtr ptr, object structure)
        {
            if (ptr == IntPtr.Zero)
                throw new ArgumentNullException("ptr");
            if (structure == null)
                throw new ArgumentNullException("structure");
            PtrToExistingStructureHelper(ptr, structure);
        }

        // Frees what the native form at `ptr` owns (its strings).
        public static void DestroyStructure(IntPtr ptr, Type structuretype)
        {
            if (ptr == IntPtr.Zero)
                throw new ArgumentNullException("ptr");
            DestroyStructureHelper(ptr, HandleOf(structuretype, "structuretype"));
        }

        // The generic overloads (as .NET's): the same rules through the
        // non-generic forms.
        public static int SizeOf<T>()
        {
            return SizeOf(typeof(T));
        }

        public static int SizeOf<T>(T structure)
        {
            return SizeOf((object)structure);
        }

        public static IntPtr OffsetOf<T>(string fieldName)
        {
            return OffsetOf(typeof(T), fieldName);
        }

        public static void StructureToPtr<T>(T structure, IntPtr ptr, bool fDeleteOld)
        {
            StructureToPtr((object)structure, ptr, fDeleteOld);
        }

        // A null pointer gives null, which a value type cannot take: a
        // NullReferenceException, as in .NET and mono.
        public static T PtrToStructure<T>(IntPtr ptr)
        {
            return (T)PtrToStructure(ptr, typeof(T));
        }

        public static void PtrToStructure<T>(IntPtr ptr, T structure)
        {
            PtrToStructure(ptr, (object)structure);
        }

        public static void DestroyStructure<T>(IntPtr ptr)
        {
            DestroyStructure(ptr, typeof(T));
        }

        // FCalls (vm/src/interop/fcalls.rs): the native layout comes from
        // interop::layout, the same rules the P/Invoke marshaler follows.
        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern int SizeOfHelper(IntPtr type);

        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern int OffsetOfHelper(IntPtr type, string fieldName);

        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern void StructureToPtrHelper(object structure, IntPtr ptr, bool fDeleteOld);

        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern object PtrToStructureHelper(IntPtr ptr, IntPtr type);

        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern void PtrToExistingStructureHelper(IntPtr ptr, object structure);

        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern void DestroyStructureHelper(IntPtr ptr, IntPtr type);

        // ----- delegates and function pointers ------------------------------------

        // A C function pointer that calls `d` (a thunk that lives as long as
        // the delegate: keep the delegate alive while C may call it).
        public static IntPtr GetFunctionPointerForDelegate(Delegate d)
        {
            if (d == null)
                throw new ArgumentNullException("d");
            return GetFunctionPointerForDelegateHelper(d);
        }

        // A delegate of type `t` whose Invoke calls the C function at `ptr`,
        // marshaling as a P/Invoke of the same signature would.
        public static Delegate GetDelegateForFunctionPointer(IntPtr ptr, Type t)
        {
            if (ptr == IntPtr.Zero)
                throw new ArgumentNullException("ptr");
            if (t == null)
                throw new ArgumentNullException("t");
            return GetDelegateForFunctionPointerHelper(ptr, HandleOf(t, "t"));
        }

        public static IntPtr GetFunctionPointerForDelegate<TDelegate>(TDelegate d)
        {
            return GetFunctionPointerForDelegate((Delegate)(object)d);
        }

        public static TDelegate GetDelegateForFunctionPointer<TDelegate>(IntPtr ptr)
        {
            return (TDelegate)(object)GetDelegateForFunctionPointer(ptr, typeof(TDelegate));
        }

        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern IntPtr GetFunctionPointerForDelegateHelper(Delegate d);

        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern Delegate GetDelegateForFunctionPointerHelper(IntPtr ptr, IntPtr type);

        // ----- errors -------------------------------------------------------------

        // errno as the last P/Invoke with SetLastError = true left it.
        public static int GetLastWin32Error()
        {
            return GetLastPInvokeError();
        }

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern int GetLastPInvokeError();

        [MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void SetLastPInvokeError(int error);

        public static int GetHRForLastWin32Error()
        {
            int e = GetLastPInvokeError();
            return (e & unchecked((int)0x80000000)) != 0 ? e : ((e & 0xFFFF) | unchecked((int)0x80070000));
        }

        public static Exception GetExceptionForHR(int errorCode)
        {
            if (errorCode >= 0)
                return null;
            switch (errorCode)
            {
                case unchecked((int)0x8007000E):
                    return new OutOfMemoryException();
                case unchecked((int)0x80070057):
                    return new ArgumentException();
                case unchecked((int)0x80004001):
                    return new NotImplementedException();
                case unchecked((int)0x80004002):
                    return new InvalidCastException();
                case unchecked((int)0x80004003):
                    return new NullReferenceException();
                case unchecked((int)0x80131509):
                    return new InvalidOperationException();
                case unchecked((int)0x80131515):
                    return new NotSupportedException();
                default:
                    return new COMException("Exception from HRESULT: 0x" + errorCode.ToString("X8"), errorCode);
            }
        }

        public static void ThrowExceptionForHR(int errorCode)
        {
            if (errorCode < 0)
                throw GetExceptionForHR(errorCode);
        }
    }
}
