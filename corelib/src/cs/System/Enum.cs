using System.Runtime.CompilerServices;

namespace System
{
    // The base of every enum. An enum value is boxed when these methods run
    // (`this` is the boxed value); the runtime answers questions about the
    // enum's named constants (FCalls, cached per type) and the formatting is
    // done here, with the CLR's rules.
    public abstract class Enum : ValueType, IComparable
    {
        protected Enum()
        {
        }

        // The name of the value; for [Flags] enums the names of the flags it
        // combines ("Read, Write"); otherwise the number.
        public override string ToString()
        {
            IntPtr type = ((RuntimeType)GetType()).m_handle;
            ulong value = InternalGetRawValue(this);
            int count = InternalGetCount(type);
            for (int i = 0; i < count; i++)
            {
                if (InternalGetValue(type, i) == value)
                    return InternalGetName(type, i);
            }
            int info = InternalGetInfo(type);
            if ((info & FlagsBit) == 0 || value == 0)
                return FormatNumber(value, info);
            // Flags, from the largest value down; names are listed ascending.
            ulong rest = value;
            string result = null;
            for (int i = count - 1; i >= 0 && rest != 0; i--)
            {
                ulong flag = InternalGetValue(type, i);
                if (flag != 0 && (rest & flag) == flag)
                {
                    rest -= flag;
                    string name = InternalGetName(type, i);
                    result = result == null ? name : String.Concat(name, ", ", result);
                }
            }
            if (rest != 0 || result == null)
                return FormatNumber(value, info);
            return result;
        }

        public override bool Equals(object obj)
        {
            if (obj == null || obj.GetType() != GetType())
                return false;
            return InternalGetRawValue(obj) == InternalGetRawValue(this);
        }

        // The underlying value's hash code.
        public override int GetHashCode()
        {
            ulong value = InternalGetRawValue(this);
            if ((InternalGetInfo(((RuntimeType)GetType()).m_handle) >> SizeShift) <= 4)
                return (int)value;
            return (int)value ^ (int)(value >> 32);
        }

        public bool HasFlag(Enum flag)
        {
            if (flag == null)
                throw new ArgumentNullException("flag");
            if (flag.GetType() != GetType())
                throw new ArgumentException("The argument type is not the same as the enum type.");
            ulong f = InternalGetRawValue(flag);
            return (InternalGetRawValue(this) & f) == f;
        }

        // Compares the underlying values (signed or unsigned as the
        // underlying type is); null sorts first. Comparer<TEnum>.Default
        // and sorting enums rely on it.
        public int CompareTo(object target)
        {
            if (target == null)
                return 1;
            if (target.GetType() != GetType())
                throw new ArgumentException(String.Concat("Object must be the same type as the enum. The type passed in was '", target.GetType().ToString(), "'; the enum type was '", GetType().ToString(), "'."));
            ulong mine = InternalGetRawValue(this);
            ulong theirs = InternalGetRawValue(target);
            if ((InternalGetInfo(((RuntimeType)GetType()).m_handle) & SignedBit) != 0)
            {
                long a = (long)mine;
                long b = (long)theirs;
                return a < b ? -1 : (a > b ? 1 : 0);
            }
            return mine < theirs ? -1 : (mine > theirs ? 1 : 0);
        }

        private static string FormatNumber(ulong value, int info)
        {
            if ((info & SignedBit) != 0)
                return ((long)value).ToString();
            return value.ToString();
        }

        private const int FlagsBit = 1;
        private const int SignedBit = 2;
        private const int SizeShift = 8;

        // FCalls (vm/src/fcall/enums.rs). Values are the underlying values
        // converted to ulong (sign-extended for signed underlying types),
        // sorted ascending; names are in the same order.

        // The value inside a boxed enum.
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern ulong InternalGetRawValue(object value);

        // Number of named constants.
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern int InternalGetCount(IntPtr enumType);

        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern ulong InternalGetValue(IntPtr enumType, int index);

        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern string InternalGetName(IntPtr enumType, int index);

        // Bit 0: [Flags]; bit 1: signed underlying type; bits 8..: its size in bytes.
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern int InternalGetInfo(IntPtr enumType);
    }
}
