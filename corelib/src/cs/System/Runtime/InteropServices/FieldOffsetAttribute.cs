namespace System.Runtime.InteropServices
{
    // A pseudo-attribute: the compiler stores it in the FieldLayout table.
    [AttributeUsage(AttributeTargets.Field, Inherited = false)]
    public sealed class FieldOffsetAttribute : Attribute
    {
        private readonly int _val;

        public FieldOffsetAttribute(int offset)
        {
            _val = offset;
        }

        public int Value
        {
            get { return _val; }
        }
    }
}
