// Money arithmetic with decimal: exact sums of cents, .NET's scale rules
// (1.10 + 2.20 keeps two places, products add scales, quotients keep up to
// 28 digits), banker's rounding by default and away from zero on request,
// formatting, parsing and overflow.
using System;
using System.Globalization;

class Program
{
    struct Line
    {
        public string Item;
        public int Quantity;
        public decimal Price;

        public Line(string item, int quantity, decimal price)
        {
            Item = item;
            Quantity = quantity;
            Price = price;
        }
    }

    static void Main()
    {
        Line[] invoice =
        {
            new Line("coffee", 3, 4.35m),
            new Line("bagel", 2, 2.10m),
            new Line("juice", 1, 3.995m),
            new Line("muffin", 12, 1.25m),
            new Line("tea", 5, 0.99m),
        };
        decimal subtotal = 0m;
        foreach (Line line in invoice)
        {
            decimal amount = line.Quantity * line.Price;
            subtotal += amount;
            Console.WriteLine(line.Item.PadRight(8) + line.Quantity.ToString().PadLeft(3) + " x " + line.Price.ToString("F3").PadLeft(7) + " = " + amount.ToString("N2").PadLeft(9) + "  (" + amount + ")");
        }
        decimal taxRate = 0.0825m;
        decimal tax = subtotal * taxRate;
        Console.WriteLine("subtotal " + subtotal + " tax(raw) " + tax);
        Console.WriteLine("tax to even " + Math.Round(tax, 2) + " away " + Math.Round(tax, 2, MidpointRounding.AwayFromZero));
        decimal total = subtotal + Math.Round(tax, 2);
        Console.WriteLine("total " + total.ToString("C") + " " + total.ToString("0.00") + " " + total.ToString("#,##0.00;(#,##0.00)"));

        // Splitting a bill: shares of the quotient and the leftover cents.
        decimal bill = 100m;
        int people = 3;
        decimal share = Math.Round(bill / people, 2);
        decimal leftover = bill - share * people;
        Console.WriteLine("share " + share + " leftover " + leftover + " exact " + (bill / people));

        // Sums of cents stay exact (unlike double).
        decimal cents = 0m;
        double dcents = 0;
        for (int i = 0; i < 1000; i++)
        {
            cents += 0.01m;
            dcents += 0.01;
        }
        Console.WriteLine("1000 x 0.01 = " + cents + " (double " + dcents.ToString("R") + ")");

        // Scale rules.
        Console.WriteLine(1.10m + 2.20m);
        Console.WriteLine(1.5m * 2.00m);
        Console.WriteLine(10m / 4m);
        Console.WriteLine(1m / 3m);
        Console.WriteLine(2m / 3m);
        Console.WriteLine(4.00m / 2m);
        Console.WriteLine(7m % 2.5m);
        Console.WriteLine(-7.5m % 2m);
        Console.WriteLine(0.1m + 0.2m == 0.3m);
        Console.WriteLine(1.0m == 1.00m);
        Console.WriteLine(decimal.Compare(2.5m, 2.49m) + " " + 2.5m.CompareTo(2.50m));

        // Rounding modes (decimal's Math.Round is exact: 2.5 -> 2, 3.5 -> 4).
        decimal[] halves = { 0.5m, 1.5m, 2.5m, -2.5m, 2.45m, 2.55m, 2.675m };
        foreach (decimal h in halves)
            Console.WriteLine(h + ": " + Math.Round(h) + " " + Math.Round(h, MidpointRounding.AwayFromZero) + " " + Math.Round(h, 1) + " " + Math.Floor(h) + " " + Math.Ceiling(h) + " " + decimal.Truncate(h));

        // Conversions.
        Console.WriteLine((decimal)0.1 + " " + (decimal)1.0 / 3 + " " + (decimal)123.456f + " " + (double)1.1m + " " + (int)9.99m + " " + (long)-9.99m);
        Console.WriteLine(Convert.ToDecimal("12.50") + " " + Convert.ToInt32(2.5m) + " " + Convert.ToInt32(3.5m) + " " + decimal.ToInt64(1e15m));

        // Parsing.
        string[] inputs = { "19.99", "  -0.50 ", "1,234,567.891", "1e3", "0.00", "abc" };
        foreach (string s in inputs)
        {
            decimal d;
            Console.WriteLine("'" + s + "' -> " + (decimal.TryParse(s, out d) ? d.ToString() : "invalid"));
        }
        Console.WriteLine(decimal.Parse("1e3", NumberStyles.Float) + " " + decimal.Parse("(42)", NumberStyles.Currency) + " " + decimal.Parse("12.3400", CultureInfo.InvariantCulture));

        // Limits.
        Console.WriteLine(decimal.MaxValue + " " + decimal.MinValue);
        try
        {
            decimal big = decimal.MaxValue;
            big += 1m;
            Console.WriteLine(big);
        }
        catch (OverflowException e)
        {
            Console.WriteLine("OverflowException: " + e.Message);
        }
        try
        {
            decimal zero = 0m;
            Console.WriteLine(1m / zero);
        }
        catch (DivideByZeroException e)
        {
            Console.WriteLine("DivideByZeroException: " + e.Message);
        }
        try
        {
            decimal huge = 1e20m;
            Console.WriteLine((int)huge);
        }
        catch (OverflowException e)
        {
            Console.WriteLine("OverflowException: " + e.Message);
        }
        int[] bits = decimal.GetBits(-123.45m);
        Console.WriteLine(bits[0] + " " + bits[1] + " " + bits[2] + " " + bits[3] + " " + new decimal(bits) + " " + new decimal(12345, 0, 0, true, 2));
    }
}
