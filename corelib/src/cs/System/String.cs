using System.Runtime.CompilerServices;

namespace System
{
    // An immutable sequence of UTF-16 code units.
    //
    // Layout (the runtime and the binder rely on it): exactly two instance
    // fields, in this order, the length and then the first character; the
    // other characters follow the first in memory. Strings are created only
    // by FastAllocateString and filled in place by corelib before anyone
    // else sees them.
    //
    // The members are spread over several files: String.Construction.cs
    // (the constructors), String.Concat.cs, String.Comparison.cs,
    // String.Searching.cs, String.Manipulation.cs, String.Split.cs and
    // String.Format.cs.
    public sealed partial class String : IComparable, IComparable<string>, IEquatable<string>
    {
#pragma warning disable 169, 649 // both are set by the runtime's allocator
        private int _stringLength;
        private char _firstChar;
#pragma warning restore 169, 649

        public static readonly string Empty = "";

        // FCall. Returns a new string of `length` characters, all '\0'.
        // A negative or too large length throws OutOfMemoryException (as in
        // CoreCLR): corelib relies on that to reject lengths that overflow.
        [MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern string FastAllocateString(int length);

        public int Length
        {
            get { return _stringLength; }
        }

        [IndexerName("Chars")]
        public unsafe char this[int index]
        {
            get
            {
                if ((uint)index >= (uint)_stringLength)
                    throw new IndexOutOfRangeException();
                fixed (char* p = &_firstChar)
                    return p[index];
            }
        }

        public static bool IsNullOrEmpty(string value)
        {
            return value == null || value._stringLength == 0;
        }

        // True for null, "" and strings of white space only
        // (Char.IsWhiteSpace).
        public static bool IsNullOrWhiteSpace(string value)
        {
            if (value == null)
                return true;
            for (int i = 0; i < value._stringLength; i++)
            {
                if (!Char.IsWhiteSpace(value[i]))
                    return false;
            }
            return true;
        }

        // Ordinal (code unit by code unit) equality.
        public static bool Equals(string a, string b)
        {
            if ((object)a == (object)b)
                return true;
            if ((object)a == null || (object)b == null)
                return false;
            return EqualsHelper(a, b);
        }

        public bool Equals(string value)
        {
            if ((object)this == (object)value)
                return true;
            if ((object)value == null)
                return false;
            return EqualsHelper(this, value);
        }

        public override bool Equals(object obj)
        {
            if ((object)this == obj)
                return true;
            string str = obj as string;
            if ((object)str == null)
                return false;
            return EqualsHelper(this, str);
        }

        public static bool operator ==(string a, string b)
        {
            return Equals(a, b);
        }

        public static bool operator !=(string a, string b)
        {
            return !Equals(a, b);
        }

        private static unsafe bool EqualsHelper(string a, string b)
        {
            int length = a._stringLength;
            if (length != b._stringLength)
                return false;
            fixed (char* pa = a)
            fixed (char* pb = b)
            {
                for (int i = 0; i < length; i++)
                {
                    if (pa[i] != pb[i])
                        return false;
                }
            }
            return true;
        }

        // Mono 6.8's hash, which programs print: Marvin32 over the UTF-16
        // bytes with mono's fixed seed (System.Marvin.DefaultSeed,
        // 0xC47310). (.NET Core randomizes the seed per process.)
        public override unsafe int GetHashCode()
        {
            fixed (char* p = &_firstChar)
            {
                return Marvin32((byte*)p, _stringLength * 2, 0xC47310UL);
            }
        }

        // Marvin32 (the corefx algorithm) over `count` bytes at `data`.
        private static unsafe int Marvin32(byte* data, int count, ulong seed)
        {
            uint p0 = (uint)seed;
            uint p1 = (uint)(seed >> 32);
            int i = 0;
            while (count - i >= 8)
            {
                p0 += *(uint*)(data + i);
                MarvinBlock(ref p0, ref p1);
                p0 += *(uint*)(data + i + 4);
                MarvinBlock(ref p0, ref p1);
                i += 8;
            }
            if (count - i >= 4)
            {
                p0 += *(uint*)(data + i);
                MarvinBlock(ref p0, ref p1);
                i += 4;
            }
            switch (count - i)
            {
                case 0:
                    p0 += 0x80u;
                    break;
                case 1:
                    p0 += 0x8000u | data[i];
                    break;
                case 2:
                    p0 += 0x800000u | *(ushort*)(data + i);
                    break;
                default:
                    p0 += 0x80000000u | ((uint)data[i + 2] << 16) | *(ushort*)(data + i);
                    break;
            }
            MarvinBlock(ref p0, ref p1);
            MarvinBlock(ref p0, ref p1);
            return (int)(p1 ^ p0);
        }

        private static void MarvinBlock(ref uint rp0, ref uint rp1)
        {
            uint p0 = rp0;
            uint p1 = rp1;
            p1 ^= p0;
            p0 = (p0 << 20) | (p0 >> 12);
            p0 += p1;
            p1 = (p1 << 9) | (p1 >> 23);
            p1 ^= p0;
            p0 = (p0 << 27) | (p0 >> 5);
            p0 += p1;
            p1 = (p1 << 19) | (p1 >> 13);
            rp0 = p0;
            rp1 = p1;
        }

        public override string ToString()
        {
            return this;
        }
    }
}
