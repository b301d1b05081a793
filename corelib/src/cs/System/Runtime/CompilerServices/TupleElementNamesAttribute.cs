using System.Collections.Generic;

namespace System.Runtime.CompilerServices
{
    // The element names of the ValueTuples in a signature (mcs emits it for
    // `(int a, string b) F()`); names only the compiler reads.
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.Property | AttributeTargets.ReturnValue | AttributeTargets.Event)]
    [CLSCompliant(false)]
    public sealed class TupleElementNamesAttribute : Attribute
    {
        private readonly string[] _transformNames;

        public TupleElementNamesAttribute(string[] transformNames)
        {
            if (transformNames == null)
                throw new ArgumentNullException("transformNames");
            _transformNames = transformNames;
        }

        public IList<string> TransformNames
        {
            get { return _transformNames; }
        }
    }
}
