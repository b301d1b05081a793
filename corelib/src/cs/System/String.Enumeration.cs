using System.Collections;
using System.Collections.Generic;

namespace System
{
    // A string is a sequence of its characters (LINQ over strings,
    // IEnumerable<char> parameters). `foreach` over a string does not use
    // this: mcs compiles it to an indexed loop.
    public sealed partial class String : IEnumerable<char>
    {
        public CharEnumerator GetEnumerator()
        {
            return new CharEnumerator(this);
        }

        IEnumerator<char> IEnumerable<char>.GetEnumerator()
        {
            return new CharEnumerator(this);
        }

        IEnumerator IEnumerable.GetEnumerator()
        {
            return new CharEnumerator(this);
        }
    }
}
