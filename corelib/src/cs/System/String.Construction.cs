using System.Runtime.CompilerServices;

namespace System
{
    // String constructors and copying characters out.
    //
    // This file is also compiled against Mono's mscorlib by
    // corelib/tests/managed_logic.rs (the class renamed to HostString, a
    // wrapper around a Mono string, see tests/host/Driver.cs): inside
    // instance methods use `_stringLength`, `&_firstChar` and `this` only
    // in the ways the test's substitutions expect.
    public sealed partial class String
    {
        // The constructors. A string cannot be allocated first and then
        // initialised by a constructor, because its size depends on the
        // arguments; so, as in CoreCLR, the constructors have no body and
        // the JIT compiles `newobj String::.ctor(args)` as a call to the
        // static `String::Ctor(args)` below, which allocates and fills the
        // string and returns it.

        // `value`'s characters; "" for null or empty.
        [MethodImpl(MethodImplOptions.InternalCall)]
        public extern String(char[] value);

        // `length` characters of `value` from `startIndex`.
        [MethodImpl(MethodImplOptions.InternalCall)]
        public extern String(char[] value, int startIndex, int length);

        // `count` copies of `c`.
        [MethodImpl(MethodImplOptions.InternalCall)]
        public extern String(char c, int count);

        private static string Ctor(char[] value)
        {
            if (value == null || value.Length == 0)
                return Empty;
            return CopyChars(value, 0, value.Length);
        }

        private static string Ctor(char[] value, int startIndex, int length)
        {
            if (value == null)
                throw new ArgumentNullException("value");
            if (startIndex < 0)
                throw new ArgumentOutOfRangeException("startIndex", "StartIndex cannot be less than zero.");
            if (length < 0)
                throw new ArgumentOutOfRangeException("length", "Length cannot be less than zero.");
            if (startIndex > value.Length - length)
                throw new ArgumentOutOfRangeException("startIndex", "Index was out of range. Must be non-negative and less than the size of the collection.");
            if (length == 0)
                return Empty;
            return CopyChars(value, startIndex, length);
        }

        private static unsafe string Ctor(char c, int count)
        {
            if (count <= 0)
            {
                if (count == 0)
                    return Empty;
                throw new ArgumentOutOfRangeException("count", "Count cannot be less than zero.");
            }
            string result = FastAllocateString(count);
            fixed (char* p = result)
            {
                for (int i = 0; i < count; i++)
                    p[i] = c;
            }
            return result;
        }

        // A new string holding value[start .. start + length). The caller
        // has checked the range.
        internal static unsafe string CopyChars(char[] value, int start, int length)
        {
            string result = FastAllocateString(length);
            fixed (char* p = result)
            {
                for (int i = 0; i < length; i++)
                    p[i] = value[start + i];
            }
            return result;
        }

        // The characters, as a new array.
        public unsafe char[] ToCharArray()
        {
            int length = _stringLength;
            char[] chars = new char[length];
            fixed (char* p = &_firstChar)
            {
                for (int i = 0; i < length; i++)
                    chars[i] = p[i];
            }
            return chars;
        }

        public unsafe char[] ToCharArray(int startIndex, int length)
        {
            if (startIndex < 0 || startIndex > _stringLength || startIndex > _stringLength - length)
                throw new ArgumentOutOfRangeException("startIndex", "Index was out of range. Must be non-negative and less than the size of the collection.");
            if (length < 0)
                throw new ArgumentOutOfRangeException("length", "Index was out of range. Must be non-negative and less than the size of the collection.");
            char[] chars = new char[length];
            fixed (char* p = &_firstChar)
            {
                for (int i = 0; i < length; i++)
                    chars[i] = p[startIndex + i];
            }
            return chars;
        }

        // Copies `count` characters from `sourceIndex` into
        // destination[destinationIndex ..].
        public unsafe void CopyTo(int sourceIndex, char[] destination, int destinationIndex, int count)
        {
            if (destination == null)
                throw new ArgumentNullException("destination");
            if (count < 0)
                throw new ArgumentOutOfRangeException("count", "Count cannot be less than zero.");
            if (sourceIndex < 0)
                throw new ArgumentOutOfRangeException("sourceIndex", "Index was out of range. Must be non-negative and less than the size of the collection.");
            if (count > _stringLength - sourceIndex)
                throw new ArgumentOutOfRangeException("sourceIndex", "Index and count must refer to a location within the string.");
            if (destinationIndex > destination.Length - count || destinationIndex < 0)
                throw new ArgumentOutOfRangeException("destinationIndex", "Index and count must refer to a location within the string.");
            fixed (char* p = &_firstChar)
            {
                for (int i = 0; i < count; i++)
                    destination[destinationIndex + i] = p[sourceIndex + i];
            }
        }
    }
}
