// A DateTime/TimeSpan formatting table with the invariant culture: every
// standard format and many custom ones, calendar arithmetic, properties,
// parsing of ISO and invariant forms, TimeSpan's formats and parsing, and
// DateTimeOffset basics. (The clock itself is checked only for sanity.)
using System;
using System.Globalization;

class Program
{
    static void Main()
    {
        DateTime[] dates =
        {
            new DateTime(2024, 2, 29, 13, 5, 9, 123),
            new DateTime(1999, 12, 31, 23, 59, 59, 999, DateTimeKind.Utc),
            new DateTime(2000, 1, 1),
            new DateTime(1, 1, 1),
            new DateTime(9999, 12, 31, 0, 0, 0, DateTimeKind.Unspecified),
            new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddTicks(1234567),
        };
        string[] standard = { "d", "D", "f", "F", "g", "G", "m", "o", "r", "s", "t", "T", "u", "y" };
        string[] custom =
        {
            "yyyy-MM-dd HH:mm:ss.fff", "dddd, MMMM d, yyyy", "ddd dd MMM yy", "h:mm tt", "hh:mm:ss t",
            "H'h'mm", "%d/%M", "yyyyy", "y yy yyy", "fffffff FFFFFFF", "ss.FFF", "MMMMM", "\\d\\a\\y d", "'Q'M",
        };
        foreach (DateTime d in dates)
        {
            Console.WriteLine("== " + d.Ticks + " " + d.Kind);
            foreach (string f in standard)
                Console.WriteLine(f.PadRight(3) + d.ToString(f));
            foreach (string f in custom)
                Console.WriteLine(f.PadRight(26) + d.ToString(f));
            Console.WriteLine("  " + d.Year + "-" + d.Month + "-" + d.Day + " " + d.Hour + ":" + d.Minute + ":" + d.Second + "." + d.Millisecond + " " + d.DayOfWeek + " day " + d.DayOfYear + " date " + d.Date.ToString("s") + " time " + d.TimeOfDay);
        }
        DateTime leap = new DateTime(2024, 2, 29);
        Console.WriteLine(leap.AddYears(1).ToString("d") + " " + leap.AddMonths(12).ToString("d") + " " + leap.AddMonths(-1).ToString("d") + " " + new DateTime(2024, 1, 31).AddMonths(1).ToString("d") + " " + leap.AddDays(-59.5).ToString("s") + " " + leap.AddHours(36).ToString("s"));
        Console.WriteLine(leap.AddMinutes(1.5).ToString("o") + " " + leap.AddSeconds(-0.25).ToString("o") + " " + leap.AddMilliseconds(0.6).ToString("o"));
        Console.WriteLine(DateTime.IsLeapYear(1900) + " " + DateTime.IsLeapYear(2000) + " " + DateTime.IsLeapYear(2023) + " " + DateTime.DaysInMonth(2023, 2) + " " + DateTime.DaysInMonth(2024, 2) + " " + DateTime.DaysInMonth(2024, 4));
        DateTime a = new DateTime(2024, 3, 10, 8, 0, 0);
        DateTime b = new DateTime(2023, 12, 25, 17, 30, 0);
        TimeSpan diff = a - b;
        Console.WriteLine(diff + " " + diff.TotalDays.ToString("F4") + " " + (a > b) + " " + (a == b.Add(diff)) + " " + DateTime.Compare(a, b) + " " + a.CompareTo(a) + " " + (a - TimeSpan.FromDays(1)).ToString("s"));
        Console.WriteLine(DateTime.MinValue.ToString("o") + " " + DateTime.MaxValue.ToString("o") + " " + DateTime.SpecifyKind(a, DateTimeKind.Utc).Kind);
        Console.WriteLine(new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).ToString("o") + " " + new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).ToString("%K") + "|" + a.ToString("%K") + "|");
        Console.WriteLine(a.ToShortDateString() + " " + a.ToLongDateString() + " " + a.ToShortTimeString() + " " + a.ToLongTimeString());
        Console.WriteLine(DateTime.FromOADate(45000.75).ToString("s") + " " + a.ToOADate() + " " + DateTime.FromBinary(a.ToBinary()).ToString("s") + " " + DateTime.FromFileTimeUtc(133000000000000000).ToString("o"));

        // Parsing.
        string[] inputs =
        {
            "2024-03-01", "2024-03-01T10:20:30", "2024-03-01T10:20:30.1234567", "2024-03-01 10:20", "03/01/2024",
            "03/01/2024 14:05:06", "2024/3/1", "1 March 2024", "March 1, 2024", "Fri, 01 Mar 2024 10:20:30",
            "10:20:30", "12/31/99 11:59 PM", "2024-13-01", "29/02/2024", "",
        };
        foreach (string s in inputs)
        {
            DateTime r;
            bool ok = DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out r);
            string shown = !ok ? "no" : s.IndexOf(':') >= 0 && s.IndexOf('-') < 0 && s.IndexOf('/') < 0 && s.IndexOf(' ') < 0 ? r.ToString("HH:mm:ss") + " (today)" : r.ToString("o");
            Console.WriteLine("'" + s + "' -> " + shown);
        }
        DateTime utc = DateTime.Parse("2024-03-01T10:20:30Z", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
        Console.WriteLine(utc.ToString("o") + " " + utc.Kind);
        DateTime round = DateTime.Parse("2024-03-01T10:20:30.5000000Z", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
        Console.WriteLine(round.ToString("o") + " " + round.Kind);
        Console.WriteLine(DateTime.ParseExact("20240229 1305", "yyyyMMdd HHmm", CultureInfo.InvariantCulture).ToString("o"));
        Console.WriteLine(DateTime.ParseExact("Thu, 29 Feb 2024 13:05:09 GMT", "r", CultureInfo.InvariantCulture).ToUniversalTime().ToString("o"));
        DateTime exact;
        Console.WriteLine(DateTime.TryParseExact("2024-02-30", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out exact) + " " + DateTime.TryParseExact("2024-02-28", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out exact) + " " + exact.ToString("D"));

        // TimeSpan.
        TimeSpan[] spans =
        {
            new TimeSpan(1, 2, 3, 4, 567), TimeSpan.FromHours(-25.5), TimeSpan.Zero, new TimeSpan(123), TimeSpan.FromMilliseconds(1.5),
            TimeSpan.FromMinutes(90), TimeSpan.FromSeconds(0.1234), TimeSpan.FromDays(1.23456789), TimeSpan.MaxValue, TimeSpan.MinValue,
        };
        foreach (TimeSpan t in spans)
        {
            Console.WriteLine(t + " | " + t.ToString("c") + " | " + t.ToString("g") + " | " + t.ToString("G") + " | " + t.ToString(@"d\.hh\:mm\:ss\.fff") + " | " + t.ToString(@"%h") + " | " + t.ToString("hh':'mm' h'"));
            Console.WriteLine("  " + t.Days + " " + t.Hours + " " + t.Minutes + " " + t.Seconds + " " + t.Milliseconds + " " + t.Ticks + " " + t.TotalDays.ToString("R") + " " + t.TotalHours.ToString("R") + " " + t.TotalMinutes.ToString("R") + " " + t.TotalSeconds.ToString("R") + " " + t.TotalMilliseconds.ToString("R"));
        }
        TimeSpan x = new TimeSpan(2, 30, 0);
        Console.WriteLine((x + x) + " " + (x - TimeSpan.FromHours(3)) + " " + (-x) + " " + x.Duration() + " " + (x * 1.5) + " " + (x / 4) + " " + (x / TimeSpan.FromMinutes(10)) + " " + (x < TimeSpan.FromHours(3)) + " " + TimeSpan.Compare(x, x) + " " + x.Negate().Duration());
        string[] spanInputs = { "1.02:03:04.5", "10:20", "10:20:30", "-0:0:1", "5", "1:2:3:4", "23:59:59.9999999", "24:00", "1.2.3", "abc" };
        foreach (string s in spanInputs)
        {
            TimeSpan r;
            Console.WriteLine("'" + s + "' -> " + (TimeSpan.TryParse(s, out r) ? r.ToString() : "no"));
        }
        Console.WriteLine(TimeSpan.ParseExact("02:30", @"hh\:mm", CultureInfo.InvariantCulture) + " " + TimeSpan.Parse("1:2:3", CultureInfo.InvariantCulture));
        try
        {
            TimeSpan.MaxValue.Add(TimeSpan.FromTicks(1));
        }
        catch (OverflowException e)
        {
            Console.WriteLine("OverflowException: " + e.Message);
        }
        try
        {
            new DateTime(2023, 2, 29);
        }
        catch (ArgumentOutOfRangeException e)
        {
            Console.WriteLine("ArgumentOutOfRangeException: " + e.Message.Split('\n')[0]);
        }

        // DateTimeOffset.
        DateTimeOffset off = new DateTimeOffset(2024, 2, 29, 13, 5, 9, TimeSpan.FromHours(2));
        Console.WriteLine(off + " | " + off.ToString("o") + " | " + off.ToString("u") + " | " + off.ToString("yyyy-MM-dd HH:mm zzz") + " | " + off.UtcDateTime.ToString("o") + " | " + off.Offset + " | " + off.ToUnixTimeSeconds());
        DateTimeOffset other = off.ToOffset(TimeSpan.FromHours(-5));
        Console.WriteLine(other + " " + (other == off) + " " + other.EqualsExact(off) + " " + (other - off) + " " + DateTimeOffset.FromUnixTimeSeconds(0) + " " + DateTimeOffset.FromUnixTimeMilliseconds(1709211909123).ToString("o"));
        DateTimeOffset parsedOff = DateTimeOffset.Parse("2024-02-29T13:05:09+05:30", CultureInfo.InvariantCulture);
        Console.WriteLine(parsedOff.ToString("o") + " " + parsedOff.Offset + " " + parsedOff.AddDays(1).ToString("o"));

        // The clock: only what is the same on every run.
        DateTime now = DateTime.Now, utcNow = DateTime.UtcNow, today = DateTime.Today;
        Console.WriteLine(now.Kind + " " + utcNow.Kind + " " + today.Kind + " " + (today.TimeOfDay == TimeSpan.Zero) + " " + (utcNow.Year >= 2024) + " " + (Math.Abs((now.ToUniversalTime() - utcNow).TotalMinutes) < 1));
    }
}
