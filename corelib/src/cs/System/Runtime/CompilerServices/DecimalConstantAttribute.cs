namespace System.Runtime.CompilerServices
{
    [AttributeUsage(AttributeTargets.Field | AttributeTargets.Parameter, Inherited = false)]
    public sealed class DecimalConstantAttribute : Attribute
    {
#pragma warning disable 414 // read by the Value property, which comes with decimal arithmetic
        private readonly byte _scale;
        private readonly byte _sign;
        private readonly uint _hi;
        private readonly uint _mid;
        private readonly uint _low;
#pragma warning restore 414

        // The value of a decimal constant: sign (0 or 0x80), scale, and the
        // 96-bit integer in three parts. (The Value property comes with
        // decimal arithmetic.)
        [CLSCompliant(false)]
        public DecimalConstantAttribute(byte scale, byte sign, uint hi, uint mid, uint low)
        {
            _scale = scale;
            _sign = sign;
            _hi = hi;
            _mid = mid;
            _low = low;
        }

        public DecimalConstantAttribute(byte scale, byte sign, int hi, int mid, int low)
        {
            _scale = scale;
            _sign = sign;
            _hi = (uint)hi;
            _mid = (uint)mid;
            _low = (uint)low;
        }
    }
}
