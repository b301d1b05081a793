namespace System.Globalization
{
    [Flags]
    public enum NumberStyles
    {
        None = 0,
        AllowLeadingWhite = 1,
        AllowTrailingWhite = 2,
        AllowLeadingSign = 4,
        AllowTrailingSign = 8,
        AllowParentheses = 16,
        AllowDecimalPoint = 32,
        AllowThousands = 64,
        AllowExponent = 128,
        AllowCurrencySymbol = 256,
        AllowHexSpecifier = 512,
        Integer = AllowLeadingWhite | AllowTrailingWhite | AllowLeadingSign,
        HexNumber = AllowLeadingWhite | AllowTrailingWhite | AllowHexSpecifier,
        Number = AllowLeadingWhite | AllowTrailingWhite | AllowLeadingSign | AllowTrailingSign | AllowDecimalPoint | AllowThousands,
        Float = AllowLeadingWhite | AllowTrailingWhite | AllowLeadingSign | AllowDecimalPoint | AllowExponent,
        Currency = AllowLeadingWhite | AllowTrailingWhite | AllowLeadingSign | AllowTrailingSign | AllowParentheses | AllowDecimalPoint | AllowThousands | AllowCurrencySymbol,
        Any = AllowLeadingWhite | AllowTrailingWhite | AllowLeadingSign | AllowTrailingSign | AllowParentheses | AllowDecimalPoint | AllowThousands | AllowExponent | AllowCurrencySymbol,
    }

    // The invariant culture's number symbols (Osprey's only culture), and
    // the checks .NET makes on NumberStyles arguments.
    public sealed class NumberFormatInfo : IFormatProvider, ICloneable
    {
        private static readonly NumberFormatInfo s_invariant = new NumberFormatInfo();

        public NumberFormatInfo()
        {
        }

        public static NumberFormatInfo InvariantInfo
        {
            get { return s_invariant; }
        }

        public static NumberFormatInfo CurrentInfo
        {
            get { return s_invariant; }
        }

        public static NumberFormatInfo GetInstance(IFormatProvider formatProvider)
        {
            return s_invariant;
        }

        public bool IsReadOnly
        {
            get { return this == s_invariant; }
        }

        public string NegativeSign
        {
            get { return "-"; }
        }

        public string PositiveSign
        {
            get { return "+"; }
        }

        public string NumberDecimalSeparator
        {
            get { return "."; }
        }

        public string NumberGroupSeparator
        {
            get { return ","; }
        }

        public int NumberDecimalDigits
        {
            get { return 2; }
        }

        public string CurrencySymbol
        {
            get { return "\u00A4"; }
        }

        public string CurrencyDecimalSeparator
        {
            get { return "."; }
        }

        public string CurrencyGroupSeparator
        {
            get { return ","; }
        }

        public int CurrencyDecimalDigits
        {
            get { return 2; }
        }

        public string PercentSymbol
        {
            get { return "%"; }
        }

        public string PerMilleSymbol
        {
            get { return "\u2030"; }
        }

        public string NaNSymbol
        {
            get { return "NaN"; }
        }

        public string PositiveInfinitySymbol
        {
            get { return "Infinity"; }
        }

        public string NegativeInfinitySymbol
        {
            get { return "-Infinity"; }
        }

        public object GetFormat(Type formatType)
        {
            return formatType == typeof(NumberFormatInfo) ? this : null;
        }

        public object Clone()
        {
            return new NumberFormatInfo();
        }

        private const NumberStyles InvalidNumberStyles = ~(NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite
            | NumberStyles.AllowLeadingSign | NumberStyles.AllowTrailingSign | NumberStyles.AllowParentheses
            | NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands | NumberStyles.AllowExponent
            | NumberStyles.AllowCurrencySymbol | NumberStyles.AllowHexSpecifier);

        internal static void ValidateParseStyleInteger(NumberStyles style)
        {
            if ((style & InvalidNumberStyles) != 0)
                throw new ArgumentException("An undefined NumberStyles value is being used.", "style");
            if ((style & NumberStyles.AllowHexSpecifier) != 0 && (style & ~NumberStyles.HexNumber) != 0)
                throw new ArgumentException("With the AllowHexSpecifier bit set in the enum bit field, the only other valid bits that can be combined into the enum value must be a subset of those in HexNumber.");
        }

        internal static void ValidateParseStyleFloatingPoint(NumberStyles style)
        {
            if ((style & InvalidNumberStyles) != 0)
                throw new ArgumentException("An undefined NumberStyles value is being used.", "style");
            if ((style & NumberStyles.AllowHexSpecifier) != 0)
                throw new ArgumentException("The number style AllowHexSpecifier is not supported on floating point data types.");
        }
    }
}
