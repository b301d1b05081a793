// The programs a user writes in their first hour (issue 16): every type and
// member the issue found missing, used together as a beginner would use
// them. A shopping list comes in on stdin ("name;quantity;price" lines,
// prices in invariant notation); the program totals it in decimal, dates the
// receipt, draws a seeded raffle, round-trips an order id through Guid,
// BitConverter and Convert, names enum values, clones strings, and ends with
// Environment.Exit. The members, in the issue's order: Console.ReadLine,
// DateTime, TimeSpan, Random, Guid, Environment.Exit, Environment.TickCount,
// decimal arithmetic (Decimal..ctor(Int32)), IConvertible/TypeCode,
// BitConverter, Convert overloads, Enum.GetName, Double.TryParse(string,
// NumberStyles, IFormatProvider, out double), String.Clone/ICloneable,
// MarshalByRefObject. (Environment.TickCount64 is in corelib but not in
// mono's mscorlib, so a sample cannot call it.)
using System;
using System.Globalization;

enum Aisle { Produce = 1, Dairy = 2, Bakery = 4, Frozen = 8 }

[Flags]
enum Tags { None = 0, Organic = 1, Local = 2, OnSale = 4 }

// A class deriving from MarshalByRefObject, as many tutorial "service"
// classes do (remoting is not used; the base must simply exist).
class Till : MarshalByRefObject
{
    decimal total;
    int lines;

    public void Ring(decimal amount) { total += amount; lines++; }
    public decimal Total { get { return total; } }
    public int Lines { get { return lines; } }
}

class Program
{
    static int Main(string[] args)
    {
        int start = Environment.TickCount;
        Console.WriteLine("First hour with " + args.Length + " argument(s): " + string.Join(",", args));

        // --- Console.ReadLine until end of input; double.TryParse with styles
        var till = new Till();
        string line;
        int lineNo = 0, bad = 0;
        while ((line = Console.ReadLine()) != null)
        {
            lineNo++;
            if (line.Trim().Length == 0 || line.StartsWith("#")) continue;
            string[] parts = line.Split(';');
            int qty;
            double price;
            if (parts.Length != 3 || !int.TryParse(parts[1], out qty)
                || !double.TryParse(parts[2], NumberStyles.Float | NumberStyles.AllowThousands,
                                    CultureInfo.InvariantCulture, out price))
            {
                bad++;
                Console.WriteLine("line {0}: cannot read '{1}'", lineNo, line);
                continue;
            }
            decimal unit = Math.Round((decimal)price, 2);
            decimal amount = new decimal(qty) * unit;
            till.Ring(amount);
            Console.WriteLine("{0,-10}{1,4} x {2,8:F2} = {3,9:F2}", parts[0], qty, unit, amount);
        }
        Console.WriteLine("lines {0}, rung {1}, unreadable {2}", lineNo, till.Lines, bad);

        // --- decimal money arithmetic
        decimal subtotal = till.Total;
        decimal taxRate = new decimal(8) / 100 + 0.0025m;   // 8.25 %
        decimal tax = Math.Round(subtotal * taxRate, 2, MidpointRounding.AwayFromZero);
        decimal total = subtotal + tax;
        Console.WriteLine("subtotal {0} tax {1} ({2}) total {3}", subtotal, tax, taxRate, total);
        Console.WriteLine("split three ways: {0} each, {1} left", Math.Floor(total / 3 * 100) / 100,
                          total - 3 * (Math.Floor(total / 3 * 100) / 100));
        Console.WriteLine("1/3 = {0}; scale kept: {1} {2}; ceiling {3}; {4:N3} {5:F1} {6}",
                          1m / 3m, 1.50m * 2, 10.000m - 0.5m, decimal.Ceiling(total),
                          total, total, (int)total + (double)tax);
        try
        {
            decimal huge = decimal.MaxValue;
            huge += 1;
            Console.WriteLine("no overflow?! " + huge);
        }
        catch (OverflowException e)
        {
            Console.WriteLine("OverflowException: " + e.Message);
        }

        // --- DateTime and TimeSpan
        DateTime receipt = new DateTime(2024, 2, 28, 17, 45, 30);
        DateTime due = receipt.AddDays(30).AddHours(-1.5);
        TimeSpan open = due - receipt;
        Console.WriteLine(receipt.ToString("yyyy-MM-dd HH:mm:ss") + " " + receipt.DayOfWeek + " day " + receipt.DayOfYear);
        Console.WriteLine(due.ToString("dddd d MMMM yyyy, h:mm tt", CultureInfo.InvariantCulture) + " " + due.ToString("o"));
        Console.WriteLine("open for " + open + " = " + open.TotalHours + " h; days " + open.Days + " hours " + open.Hours + " minutes " + open.Minutes);
        Console.WriteLine(DateTime.IsLeapYear(2024) + " " + DateTime.DaysInMonth(2024, 2) + " " + DateTime.DaysInMonth(2023, 2) + " " + receipt.AddDays(1).Day + " " + (due > receipt) + " " + receipt.CompareTo(due));
        DateTime parsed = DateTime.Parse("2024-03-29T16:15:30", CultureInfo.InvariantCulture);
        Console.WriteLine(parsed == due ? "parsed the due date back" : "parse mismatch " + parsed);
        TimeSpan lunch = TimeSpan.FromMinutes(45) + TimeSpan.FromSeconds(30);
        Console.WriteLine(lunch + " " + lunch.TotalSeconds + " " + TimeSpan.Parse("1.02:03:04") + " " + TimeSpan.FromHours(1.5).ToString("c") + " " + lunch.ToString(@"hh\:mm\:ss"));
        DateTime now = DateTime.Now, utc = DateTime.UtcNow;
        Console.WriteLine("now is plausible: " + (now.Year >= 2024 && now.Kind == DateTimeKind.Local && utc.Kind == DateTimeKind.Utc && DateTime.Today <= now && now.Ticks > receipt.Ticks));

        // --- a seeded raffle: Random's sequence is .NET's for a given seed
        var rng = new Random(2024);
        Console.Write("raffle:");
        for (int i = 0; i < 6; i++) Console.Write(" " + rng.Next(1, 50));
        Console.WriteLine(" bonus " + rng.Next(10) + " " + rng.NextDouble().ToString("F6", CultureInfo.InvariantCulture));
        byte[] coupon = new byte[4];
        rng.NextBytes(coupon);
        Console.WriteLine("coupon " + BitConverter.ToString(coupon));

        // --- Guid round trips
        var order = new Guid("6f9619ff-8b86-d011-b42d-00c04fc964ff");
        Console.WriteLine(order + " " + order.ToString("N") + " " + order.ToString("B"));
        Guid back = Guid.Parse(order.ToString("D").ToUpperInvariant());
        byte[] raw = order.ToByteArray();
        Console.WriteLine((back == order) + " " + new Guid(raw).Equals(order) + " " + BitConverter.ToString(raw, 0, 4) + " " + (Guid.NewGuid() != Guid.NewGuid()) + " " + Guid.NewGuid().ToString().Length + " " + Guid.Empty);

        // --- BitConverter and Convert
        byte[] bits = BitConverter.GetBytes(1234567890);
        Console.WriteLine(BitConverter.ToString(bits) + " " + BitConverter.ToInt32(bits, 0) + " " + BitConverter.IsLittleEndian + " " + BitConverter.ToDouble(BitConverter.GetBytes(Math.PI), 0) + " " + BitConverter.DoubleToInt64Bits(1.0).ToString("X"));
        string b64 = Convert.ToBase64String(bits);
        Console.WriteLine(b64 + " " + BitConverter.ToInt32(Convert.FromBase64String(b64), 0));
        Console.WriteLine(Convert.ToString(255, 2) + " " + Convert.ToString(255, 16) + " " + Convert.ToInt32("ff", 16) + " " + Convert.ToInt64("-42") + " " + Convert.ToByte("7") + " " + Convert.ToDouble("2.5", CultureInfo.InvariantCulture));
        object boxed = 42;
        Console.WriteLine(Convert.ToDecimal(boxed) / 8 + " " + Convert.ToInt32(2.5) + " " + Convert.ToInt32(3.5) + " " + Convert.ToBoolean("True") + " " + Convert.ToChar(65) + " " + Convert.ToString((object)null) + "|" + Convert.ToInt32((object)null) + " " + Convert.ToDateTime("2024-01-02", CultureInfo.InvariantCulture).ToString("d MMM yyyy", CultureInfo.InvariantCulture));
        try { Convert.ToByte(300); }
        catch (OverflowException e) { Console.WriteLine("OverflowException: " + e.Message); }
        try { Convert.ToInt32("twelve"); }
        catch (FormatException e) { Console.WriteLine("FormatException: " + e.Message); }

        // --- IConvertible and TypeCode
        object[] values = { 7, 2.75, 1.5m, true, 'x', "12", 3L, (byte)9 };
        foreach (object v in values)
        {
            IConvertible c = (IConvertible)v;
            string asDouble;
            try { asDouble = c.ToDouble(CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture); }
            catch (InvalidCastException e) { asDouble = e.Message; }
            Console.WriteLine("{0,-5} {1,-8} {2,-6} {3} {4}", v, c.GetTypeCode(), c.ToInt64(null),
                              Type.GetTypeCode(v.GetType()) == c.GetTypeCode(), asDouble);
        }
        Console.WriteLine(Convert.ChangeType("99", typeof(int)).GetType().Name + " " + Convert.GetTypeCode(null) + " " + Convert.ChangeType(4.0, TypeCode.String));

        // --- Enum names
        Console.WriteLine(Enum.GetName(typeof(Aisle), 4) + " " + Enum.GetName(typeof(Aisle), Aisle.Frozen) + " " + (Enum.GetName(typeof(Aisle), 3) == null) + " " + string.Join("/", Enum.GetNames(typeof(Aisle))));
        Tags t = Tags.Organic | Tags.OnSale;
        Console.WriteLine(t + " " + t.HasFlag(Tags.OnSale) + " " + (Tags)Enum.Parse(typeof(Tags), "Local, Organic") + " " + Enum.IsDefined(typeof(Aisle), 8) + " " + Enum.Format(typeof(Aisle), Aisle.Dairy, "D") + " " + ((Aisle)16));

        // --- String.Clone and ICloneable
        string name = "receipt";
        object copy = name.Clone();
        ICloneable cloneable = name;
        int[] counts = { 3, 1, 2 };
        int[] counts2 = (int[])((ICloneable)counts).Clone();
        counts2[0] = 99;
        Console.WriteLine(ReferenceEquals(copy, name) + " " + cloneable.Clone() + " " + counts[0] + " " + counts2[0] + " " + (till is MarshalByRefObject));

        // --- Environment.TickCount and Environment.Exit
        int elapsed = Environment.TickCount - start;
        Console.WriteLine("elapsed is sane: " + (elapsed >= 0 && elapsed < 60000));
        Console.Out.Flush();
        Environment.Exit(bad == 0 ? 0 : 10 + bad);
        Console.WriteLine("not reached");
        return 1;
    }
}
