// Round trips through Convert, BitConverter and Guid: every base type to
// and from strings, bases 2/8/16, Base64, bytes, IConvertible and
// ChangeType, with the exceptions .NET throws for bad input.
using System;
using System.Globalization;

class Program
{
    delegate object Conversion();

    static void Try(string label, Conversion f)
    {
        string shown;
        try
        {
            object r = f();
            shown = r == null ? "null" : r.GetType().Name + " " + Convert.ToString(r, CultureInfo.InvariantCulture);
        }
        catch (Exception e)
        {
            shown = e.GetType().Name + ": " + e.Message;
        }
        Console.WriteLine(label + " -> " + shown);
    }

    static void Main()
    {
        // Numbers between types: rounding to even, range checks.
        Try("ToInt32(2.5)", delegate { return Convert.ToInt32(2.5); });
        Try("ToInt32(3.5)", delegate { return Convert.ToInt32(3.5); });
        Try("ToInt32(-2.5f)", delegate { return Convert.ToInt32(-2.5f); });
        Try("ToByte(255.5)", delegate { return Convert.ToByte(255.5); });
        Try("ToByte(254.5)", delegate { return Convert.ToByte(254.5); });
        Try("ToByte(-1)", delegate { return Convert.ToByte(-1); });
        Try("ToSByte(200)", delegate { return Convert.ToSByte(200); });
        Try("ToUInt16(65535L)", delegate { return Convert.ToUInt16(65535L); });
        Try("ToUInt32(-1)", delegate { return Convert.ToUInt32(-1); });
        Try("ToUInt64(1e19)", delegate { return Convert.ToUInt64(1e19); });
        Try("ToInt64(9.2e18)", delegate { return Convert.ToInt64(9.2e18); });
        Try("ToInt64(double.NaN)", delegate { return Convert.ToInt64(double.NaN); });
        Try("ToInt16(2.5m)", delegate { return Convert.ToInt16(2.5m); });
        Try("ToDecimal(1.1f)", delegate { return Convert.ToDecimal(1.1f); });
        Try("ToDouble(1.1m)", delegate { return Convert.ToDouble(1.1m); });
        Try("ToSingle(ulong.MaxValue)", delegate { return Convert.ToSingle(ulong.MaxValue); });
        Try("ToBoolean(0.0)", delegate { return Convert.ToBoolean(0.0); });
        Try("ToBoolean(-3)", delegate { return Convert.ToBoolean(-3); });
        Try("ToChar(65)", delegate { return Convert.ToChar(65); });
        Try("ToChar(70000)", delegate { return Convert.ToChar(70000); });
        Try("ToChar(1.5)", delegate { return Convert.ToChar(1.5); });
        Try("ToInt32('A')", delegate { return Convert.ToInt32('A'); });
        Try("ToDouble('A')", delegate { return Convert.ToDouble('A'); });
        Try("ToInt32(true)", delegate { return Convert.ToInt32(true); });
        Try("ToDateTime(5)", delegate { return Convert.ToDateTime(5); });

        // Strings, with and without a format provider.
        Try("ToInt32(\"-123\")", delegate { return Convert.ToInt32("-123"); });
        Try("ToInt32(null)", delegate { return Convert.ToInt32((string)null); });
        Try("ToInt32(\"12x\")", delegate { return Convert.ToInt32("12x"); });
        Try("ToInt64(\"9223372036854775808\")", delegate { return Convert.ToInt64("9223372036854775808"); });
        Try("ToDouble(\"1.5e3\")", delegate { return Convert.ToDouble("1.5e3", CultureInfo.InvariantCulture); });
        Try("ToBoolean(\" true \")", delegate { return Convert.ToBoolean(" true "); });
        Try("ToChar(\"ab\")", delegate { return Convert.ToChar("ab"); });
        Try("ToDecimal(\"1,000.25\")", delegate { return Convert.ToDecimal("1,000.25"); });
        Try("ToDateTime(\"2024-02-29 12:30\")", delegate { return Convert.ToDateTime("2024-02-29 12:30").ToString("o"); });
        Try("ToString(3.25, inv)", delegate { return Convert.ToString(3.25, CultureInfo.InvariantCulture); });
        Try("ToString(true)", delegate { return Convert.ToString(true); });

        // Objects through IConvertible.
        object boxed = 42;
        Try("ToDouble(object 42)", delegate { return Convert.ToDouble(boxed); });
        Try("ToString(object 42)", delegate { return Convert.ToString(boxed); });
        Try("ToInt32(object \"7\")", delegate { return Convert.ToInt32((object)"7"); });
        Try("ToInt32(object null)", delegate { return Convert.ToInt32((object)null); });
        Try("ToInt32(object DayOfWeek.Friday)", delegate { return Convert.ToInt32(DayOfWeek.Friday); });
        Try("GetTypeCode(1.5m)", delegate { return Convert.GetTypeCode(1.5m); });
        Try("GetTypeCode(null)", delegate { return Convert.GetTypeCode(null); });
        Try("((IConvertible)12).ToInt64", delegate { return ((IConvertible)12).ToInt64(null); });
        Try("((IConvertible)\"12\").GetTypeCode", delegate { return ((IConvertible)"12").GetTypeCode(); });
        Try("ChangeType(\"12\", int)", delegate { return Convert.ChangeType("12", typeof(int)); });
        Try("ChangeType(12.7, long)", delegate { return Convert.ChangeType(12.7, typeof(long)); });
        Try("ChangeType(3, string)", delegate { return Convert.ChangeType(3, typeof(string)); });
        Try("ChangeType(\"x\", TypeCode.Boolean)", delegate { return Convert.ChangeType("x", TypeCode.Boolean); });
        Try("ChangeType(null, int)", delegate { return Convert.ChangeType(null, typeof(int)); });

        // Bases.
        int[] ints = { 0, 1, 255, -1, int.MinValue, 1000000 };
        foreach (int v in ints)
        {
            string b2 = Convert.ToString(v, 2), b8 = Convert.ToString(v, 8), b16 = Convert.ToString(v, 16);
            Console.WriteLine(v + ": " + b2 + " " + b8 + " " + b16 + " back " + Convert.ToInt32(b2, 2) + " " + Convert.ToInt32(b8, 8) + " " + Convert.ToInt32(b16, 16));
        }
        Console.WriteLine(Convert.ToString((byte)200, 2) + " " + Convert.ToString((short)-2, 16) + " " + Convert.ToString(long.MinValue, 16));
        Try("ToByte(\"ff\", 16)", delegate { return Convert.ToByte("ff", 16); });
        Try("ToSByte(\"ff\", 16)", delegate { return Convert.ToSByte("ff", 16); });
        Try("ToInt16(\"0x7fff\", 16)", delegate { return Convert.ToInt16("0x7fff", 16); });
        Try("ToUInt64(\"ffffffffffffffff\", 16)", delegate { return Convert.ToUInt64("ffffffffffffffff", 16); });
        Try("ToInt32(\"-101\", 2)", delegate { return Convert.ToInt32("-101", 2); });
        Try("ToInt32(\"102\", 2)", delegate { return Convert.ToInt32("102", 2); });
        Try("ToByte(\"100\", 16)", delegate { return Convert.ToByte("100", 16); });
        Try("ToInt32(\"1\", 3)", delegate { return Convert.ToInt32("1", 3); });

        // Base64.
        byte[] data = new byte[40];
        for (int i = 0; i < data.Length; i++)
            data[i] = (byte)(i * 37 + 11);
        string b64 = Convert.ToBase64String(data);
        Console.WriteLine(b64);
        Console.WriteLine(Convert.ToBase64String(data, 3, 7) + " " + Convert.ToBase64String(new byte[0]) + "|" + Convert.ToBase64String(new byte[] { 1 }) + " " + Convert.ToBase64String(new byte[] { 1, 2 }));
        byte[] back = Convert.FromBase64String(b64);
        Console.WriteLine(back.Length + " " + BitConverter.ToString(back, 0, 8));
        byte[] many = new byte[100];
        Console.WriteLine(Convert.ToBase64String(many, Base64FormattingOptions.InsertLineBreaks).Replace("\r\n", "|"));
        Console.WriteLine(BitConverter.ToString(Convert.FromBase64String(" AQID\nBA== ")));
        Try("FromBase64String(\"abc\")", delegate { return Convert.FromBase64String("abc"); });
        Try("FromBase64String(\"a*cd\")", delegate { return Convert.FromBase64String("a*cd"); });

        // BitConverter.
        Console.WriteLine(BitConverter.IsLittleEndian);
        Console.WriteLine(BitConverter.ToString(BitConverter.GetBytes(0x12345678)) + " " + BitConverter.ToString(BitConverter.GetBytes((short)-2)) + " " + BitConverter.ToString(BitConverter.GetBytes(1.5)) + " " + BitConverter.ToString(BitConverter.GetBytes(1.5f)) + " " + BitConverter.ToString(BitConverter.GetBytes(true)) + " " + BitConverter.ToString(BitConverter.GetBytes('Z')));
        byte[] eight = BitConverter.GetBytes(-1234567890123L);
        Console.WriteLine(BitConverter.ToInt64(eight, 0) + " " + BitConverter.ToUInt32(eight, 0) + " " + BitConverter.ToInt16(eight, 6) + " " + BitConverter.ToUInt64(eight, 0));
        Console.WriteLine(BitConverter.ToDouble(BitConverter.GetBytes(Math.PI), 0).ToString("R") + " " + BitConverter.ToSingle(BitConverter.GetBytes(2.5f), 0) + " " + BitConverter.ToBoolean(new byte[] { 0, 2 }, 1) + " " + BitConverter.ToChar(BitConverter.GetBytes('q'), 0));
        Console.WriteLine(BitConverter.DoubleToInt64Bits(1.0).ToString("X") + " " + BitConverter.Int64BitsToDouble(0x4000000000000000) + " " + BitConverter.DoubleToInt64Bits(-0.0).ToString("X"));
        Try("ToInt32(short array)", delegate { return BitConverter.ToInt32(new byte[3], 0); });
        Try("ToInt32(index 5)", delegate { return BitConverter.ToInt32(new byte[4], 5); });

        // Guid.
        Guid g = new Guid("0f8fad5b-d9cb-469f-a165-70867728950e");
        Console.WriteLine(g + " " + g.ToString("N") + " " + g.ToString("B") + " " + g.ToString("P"));
        Console.WriteLine(g.ToString("X"));
        Console.WriteLine(BitConverter.ToString(g.ToByteArray()));
        Console.WriteLine(new Guid(g.ToByteArray()) == g);
        Console.WriteLine(Guid.Parse(g.ToString("N")) == g && Guid.Parse(g.ToString("B")) == g && Guid.Parse(g.ToString("X")) == g);
        Console.WriteLine(Guid.ParseExact("0F8FAD5BD9CB469FA16570867728950E", "N"));
        Console.WriteLine(new Guid(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11));
        Console.WriteLine(Guid.Empty + " " + (Guid.Empty == new Guid()) + " " + Guid.Empty.CompareTo(g) + " " + g.CompareTo(g) + " " + g.Equals((object)g));
        Guid parsed;
        Console.WriteLine(Guid.TryParse("not a guid", out parsed) + " " + parsed);
        Try("Guid.Parse(bad)", delegate { return Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950"); });
        Guid n1 = Guid.NewGuid(), n2 = Guid.NewGuid();
        string s1 = n1.ToString();
        Console.WriteLine((n1 != n2) + " " + s1.Length + " version " + s1[14] + " " + (Guid.Parse(s1) == n1));
    }
}
