using System.Runtime.CompilerServices;

namespace System
{
    public abstract class ValueType
    {
        protected ValueType()
        {
        }

        // Field by field, as mono does it: the runtime compares the fields it
        // can on its own (integers, chars, bools, floats with NaN equal to
        // NaN, pointers, strings by value) and hands back the others
        // (references, structs, enums, IntPtr, ...) one at a time, boxed
        // when they are value types, to be compared here with their own
        // Equals. A field that is null on both sides is equal.
        public override bool Equals(object obj)
        {
            if (obj == null)
                return false;
            int count = InternalEquals(this, obj);
            for (int i = 0; i < count; i++)
            {
                object mine = InternalGetField(this, i, false);
                object theirs = InternalGetField(obj, i, false);
                if (mine == null)
                {
                    if (theirs == null)
                        continue;
                    return false;
                }
                if (!mine.Equals(theirs))
                    return false;
            }
            return count >= 0;
        }

        // Mono's hash: a per-run seed xor each int32 field, each pointer
        // field's address >> 3 and each string field's (h * 31 + c) hash,
        // then xor the GetHashCode() of every other non-null field.
        public override int GetHashCode()
        {
            int count;
            int hash = InternalGetHashCode(this, out count);
            for (int i = 0; i < count; i++)
            {
                object field = InternalGetField(this, i, true);
                if (field != null)
                    hash ^= field.GetHashCode();
            }
            return hash;
        }

        public override string ToString()
        {
            return GetType().ToString();
        }

        // ----- FCalls (vm/src/fcall/valuetype.rs) -------------------------

        // -1: different types, or a field the runtime compares differs;
        // otherwise the number of fields left to compare with Equals.
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern int InternalEquals(object a, object b);

        // The hash of the fields the runtime hashes; `remaining`: the number
        // of fields left to hash with GetHashCode.
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern int InternalGetHashCode(object o, out int remaining);

        // The index-th field left to Equals (or GetHashCode when forHash),
        // boxed when it is a value type.
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern object InternalGetField(object o, int index, bool forHash);
    }
}
