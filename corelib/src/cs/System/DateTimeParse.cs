using System.Globalization;
using System.Text;

namespace System
{
    // DateTime parsing with the invariant culture. Parse understands ISO
    // 8601 ("2024-03-01", "2024-03-01T10:20:30.5", with "Z" or "+02:00"),
    // the invariant culture's "MM/dd/yyyy HH:mm:ss", "yyyy/MM/dd", dates with
    // month names ("1 March 2024", "March 1, 2024", "Fri, 01 Mar 2024
    // 10:20:30 GMT"), 12-hour times with AM/PM, and a time alone (today).
    // ParseExact matches a standard or custom format one element at a time.
    //
    // A time with a zone ("Z", "GMT", an offset) is converted to local time
    // (Kind Local), as .NET does, unless the styles ask for UTC or the
    // round-trip kind. The functions return null or the error message.
    internal static class DateTimeParse
    {
        private const int None = int.MinValue;

        // For DateTimeOffset: return the clock time and the offset apart.
        internal const DateTimeStyles KeepClock = (DateTimeStyles)(1 << 30);

        private static string NotRecognized(string s)
        {
            return String.Concat("String '", s, "' was not recognized as a valid DateTime.");
        }

        private static string UnknownWord(string s, int index)
        {
            return String.Concat("The string '", s, "' was not recognized as a valid DateTime. There is an unknown word starting at index '", index.ToString(), "'.");
        }

        private static bool IsDigit(char c)
        {
            return c >= '0' && c <= '9';
        }

        private static bool IsLetter(char c)
        {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        }

        // Reads digits at s[i..]; the value, their count in `digits`.
        private static int ReadNumber(string s, ref int i, out int digits)
        {
            int start = i;
            long value = 0;
            while (i < s.Length && IsDigit(s[i]))
            {
                if (value < 100000000)
                    value = value * 10 + (s[i] - '0');
                i++;
            }
            digits = i - start;
            return (int)value;
        }

        private static int FindName(string[] names, string word)
        {
            for (int i = 0; i < names.Length; i++)
            {
                if (String.Compare(names[i], word, StringComparison.OrdinalIgnoreCase) == 0)
                    return i;
            }
            return -1;
        }

        internal static string Parse(string s, DateTimeStyles styles, out DateTime result, out TimeSpan offset)
        {
            result = DateTime.MinValue;
            offset = TimeSpan.MinValue;
            int year = None, month = None, day = None;
            int hour = None, minute = 0, second = 0;
            long fraction = 0;
            int ampm = 0; // 1 AM, 2 PM
            bool utc = false;
            bool hasOffset = false;
            int[] loose = new int[3];
            int[] looseDigits = new int[3];
            int looseCount = 0;
            int i = 0;
            while (i < s.Length)
            {
                char c = s[i];
                if (Char.IsWhiteSpace(c) || c == ',')
                {
                    i++;
                    continue;
                }
                if (IsDigit(c))
                {
                    int d1;
                    int n1 = ReadNumber(s, ref i, out d1);
                    if (i < s.Length && s[i] == ':' && hour == None)
                    {
                        // A time: h:m[:s[.f]]
                        i++;
                        int dm;
                        if (i >= s.Length || !IsDigit(s[i]))
                            return NotRecognized(s);
                        hour = n1;
                        minute = ReadNumber(s, ref i, out dm);
                        if (i < s.Length && s[i] == ':')
                        {
                            i++;
                            int ds;
                            if (i >= s.Length || !IsDigit(s[i]))
                                return NotRecognized(s);
                            second = ReadNumber(s, ref i, out ds);
                            if (i < s.Length && s[i] == '.' && i + 1 < s.Length && IsDigit(s[i + 1]))
                            {
                                i++;
                                int k = 0;
                                while (i < s.Length && IsDigit(s[i]))
                                {
                                    if (k < 7)
                                    {
                                        fraction = fraction * 10 + (s[i] - '0');
                                        k++;
                                    }
                                    i++;
                                }
                                for (; k < 7; k++)
                                    fraction *= 10;
                            }
                        }
                        continue;
                    }
                    if (i < s.Length && (s[i] == '-' || s[i] == '/' || s[i] == '.') && year == None && month == None
                        && i + 1 < s.Length && IsDigit(s[i + 1]))
                    {
                        // A numeric date: y-M-d, y/M/d (four-digit first part) or M/d/y.
                        char sep = s[i];
                        i++;
                        int d2, d3;
                        int n2 = ReadNumber(s, ref i, out d2);
                        if (i >= s.Length || s[i] != sep || i + 1 >= s.Length || !IsDigit(s[i + 1]))
                            return NotRecognized(s);
                        i++;
                        int n3 = ReadNumber(s, ref i, out d3);
                        if (d1 >= 3)
                        {
                            year = n1;
                            month = n2;
                            day = n3;
                        }
                        else
                        {
                            month = n1;
                            day = n2;
                            year = TwoDigitYear(n3, d3);
                        }
                        // ISO's 'T' before the time.
                        if (i < s.Length && (s[i] == 'T' || s[i] == 't') && i + 1 < s.Length && IsDigit(s[i + 1]))
                            i++;
                        continue;
                    }
                    if (looseCount == 3)
                        return NotRecognized(s);
                    loose[looseCount] = n1;
                    looseDigits[looseCount] = d1;
                    looseCount++;
                    if (i < s.Length && s[i] == '.')
                        i++;
                    continue;
                }
                if ((c == '+' || c == '-') && hour != None && !hasOffset && !utc)
                {
                    // An offset: +hh, +hh:mm, +hhmm.
                    int sign = c == '-' ? -1 : 1;
                    i++;
                    int dh;
                    int h = ReadNumber(s, ref i, out dh);
                    int m = 0;
                    if (dh == 4)
                    {
                        m = h % 100;
                        h /= 100;
                    }
                    else if (dh > 2 || dh == 0)
                    {
                        return NotRecognized(s);
                    }
                    else if (i < s.Length && s[i] == ':')
                    {
                        i++;
                        int dm;
                        m = ReadNumber(s, ref i, out dm);
                        if (dm != 2)
                            return NotRecognized(s);
                    }
                    if (h > 14 || m > 59)
                        return NotRecognized(s);
                    offset = new TimeSpan(sign * (h * TimeSpan.TicksPerHour + m * TimeSpan.TicksPerMinute));
                    hasOffset = true;
                    continue;
                }
                if (IsLetter(c))
                {
                    int start = i;
                    while (i < s.Length && IsLetter(s[i]))
                        i++;
                    string word = s.Substring(start, i - start);
                    int index;
                    if ((index = FindName(DateTimeFormat.MonthNames, word)) >= 0 || (index = FindName(DateTimeFormat.AbbreviatedMonthNames, word)) >= 0)
                    {
                        if (month != None)
                            return NotRecognized(s);
                        month = index + 1;
                    }
                    else if (FindName(DateTimeFormat.DayNames, word) >= 0 || FindName(DateTimeFormat.AbbreviatedDayNames, word) >= 0)
                    {
                        // The day of the week is not checked against the date.
                    }
                    else if (String.Compare(word, "AM", StringComparison.OrdinalIgnoreCase) == 0 || String.Compare(word, "A", StringComparison.OrdinalIgnoreCase) == 0)
                    {
                        ampm = 1;
                    }
                    else if (String.Compare(word, "PM", StringComparison.OrdinalIgnoreCase) == 0 || String.Compare(word, "P", StringComparison.OrdinalIgnoreCase) == 0)
                    {
                        ampm = 2;
                    }
                    else if ((word == "Z" || word == "z" || String.Compare(word, "GMT", StringComparison.OrdinalIgnoreCase) == 0 || String.Compare(word, "UTC", StringComparison.OrdinalIgnoreCase) == 0) && !hasOffset)
                    {
                        utc = true;
                    }
                    else if (word == "T" && hour == None)
                    {
                    }
                    else
                    {
                        return UnknownWord(s, start);
                    }
                    if (i < s.Length && s[i] == '.')
                        i++;
                    continue;
                }
                return NotRecognized(s);
            }
            // Numbers that were not part of a numeric date: with a month
            // name, the day and the year.
            if (looseCount > 0)
            {
                if (month == None || day != None)
                {
                    if (looseCount == 1 && month == None && year == None && hour == None)
                        return NotRecognized(s);
                    if (month == None)
                        return NotRecognized(s);
                }
                for (int k = 0; k < looseCount; k++)
                {
                    if (looseDigits[k] >= 3 || loose[k] > 31 || (day != None && year == None))
                    {
                        if (year != None)
                            return NotRecognized(s);
                        year = TwoDigitYear(loose[k], looseDigits[k]);
                    }
                    else if (day == None)
                    {
                        day = loose[k];
                    }
                    else
                    {
                        return NotRecognized(s);
                    }
                }
            }
            if (hour == None && month == None && year == None)
                return NotRecognized(s);
            if (hour == None)
                hour = 0;
            if (ampm != 0)
            {
                if (hour < 1 || hour > 12)
                    return NotRecognized(s);
                if (ampm == 1 && hour == 12)
                    hour = 0;
                else if (ampm == 2 && hour != 12)
                    hour += 12;
            }
            if (month != None && day == None)
                day = 1;
            if (year == None || month == None)
            {
                if (month == None && year == None)
                {
                    if ((styles & DateTimeStyles.NoCurrentDateDefault) != 0)
                    {
                        year = 1;
                        month = 1;
                        day = 1;
                    }
                    else
                    {
                        DateTime today = (utc || hasOffset) ? DateTime.UtcNow : DateTime.Now;
                        today.GetDate(out year, out month, out day);
                    }
                }
                else if (year == None)
                {
                    year = DateTime.Now.Year;
                }
                else
                {
                    return NotRecognized(s);
                }
            }
            if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
                || hour > 23 || minute > 59 || second > 59)
                return NotRecognized(s);
            long ticks = new DateTime(year, month, day, hour, minute, second).Ticks + fraction;
            return Compose(s, ticks, utc, hasOffset, offset, styles, out result, out offset);
        }

        private static int TwoDigitYear(int value, int digits)
        {
            if (digits > 2)
                return value;
            return value <= 29 ? 2000 + value : 1900 + value;
        }

        // The DateTime for local-clock `ticks` read with a zone (UTC or
        // `offset`) or none, as `styles` ask.
        private static string Compose(string s, long ticks, bool utc, bool hasOffset, TimeSpan offsetIn, DateTimeStyles styles, out DateTime result, out TimeSpan offset)
        {
            offset = offsetIn;
            result = DateTime.MinValue;
            if (utc)
            {
                hasOffset = true;
                offset = TimeSpan.Zero;
            }
            if ((styles & KeepClock) != 0)
            {
                // DateTimeOffset: the clock time as written, and the offset
                // (TimeSpan.MinValue when the text had none).
                result = new DateTime(ticks, DateTimeKind.Unspecified);
                if (!hasOffset)
                    offset = TimeSpan.MinValue;
                return null;
            }
            else if (!hasOffset && (styles & DateTimeStyles.AssumeUniversal) != 0)
            {
                hasOffset = true;
                offset = TimeSpan.Zero;
            }
            if (!hasOffset)
            {
                DateTimeKind kind = (styles & DateTimeStyles.AssumeLocal) != 0 ? DateTimeKind.Local : DateTimeKind.Unspecified;
                result = new DateTime(ticks, kind);
                if ((styles & DateTimeStyles.AdjustToUniversal) != 0)
                    result = result.ToUniversalTime();
                return null;
            }
            long utcTicks = ticks - offset.Ticks;
            if (utcTicks < DateTime.MinTicks || utcTicks > DateTime.MaxTicks)
                return String.Concat("The UTC representation of the date '", s, "' falls outside the year range 1-9999.");
            DateTime u = new DateTime(utcTicks, DateTimeKind.Utc);
            if ((styles & DateTimeStyles.AdjustToUniversal) != 0 || (utc && (styles & DateTimeStyles.RoundtripKind) != 0))
                result = u;
            else
                result = u.ToLocalTime();
            return null;
        }

        // ----- ParseExact ---------------------------------------------------

        internal static string ParseExact(string s, string format, DateTimeStyles styles, out DateTime result, out TimeSpan offset)
        {
            result = DateTime.MinValue;
            offset = TimeSpan.MinValue;
            if (format.Length == 0)
                return "Format specifier was invalid.";
            bool utcFormat = false;
            if (format.Length == 1)
            {
                char f = format[0];
                if (f == 'u' || f == 'r' || f == 'R')
                    utcFormat = true;
                try
                {
                    format = Expand(f);
                }
                catch (FormatException)
                {
                    return "Format specifier was invalid.";
                }
            }
            int year = 1, month = 1, day = 1, hour = 0, minute = 0, second = 0;
            bool hasDate = false;
            long fraction = 0;
            int ampm = 0;
            bool hasOffset = false;
            bool utc = utcFormat;
            int pos = 0;
            int fi = 0;
            bool allowWhite = (styles & DateTimeStyles.AllowWhiteSpaces) != 0;
            if ((styles & DateTimeStyles.AllowLeadingWhite) != 0)
            {
                while (pos < s.Length && Char.IsWhiteSpace(s[pos]))
                    pos++;
            }
            while (fi < format.Length)
            {
                char c = format[fi];
                int n = 1;
                while (fi + n < format.Length && format[fi + n] == c && "dMyhHmsfFtzg".IndexOf(c) >= 0)
                    n++;
                if ((styles & DateTimeStyles.AllowInnerWhite) != 0 && pos < s.Length && Char.IsWhiteSpace(s[pos]) && c != ' ')
                {
                    while (pos < s.Length && Char.IsWhiteSpace(s[pos]))
                        pos++;
                }
                switch (c)
                {
                    case 'd':
                        if (n <= 2)
                        {
                            if (!Digits(s, ref pos, n, 2, out day))
                                return NotRecognized(s);
                            hasDate = true;
                        }
                        else if (!Name(s, ref pos, n == 3 ? DateTimeFormat.AbbreviatedDayNames : DateTimeFormat.DayNames))
                        {
                            return NotRecognized(s);
                        }
                        break;
                    case 'M':
                        if (n <= 2)
                        {
                            if (!Digits(s, ref pos, n, 2, out month))
                                return NotRecognized(s);
                        }
                        else
                        {
                            int start = pos;
                            if (!Name(s, ref pos, n == 3 ? DateTimeFormat.AbbreviatedMonthNames : DateTimeFormat.MonthNames))
                                return NotRecognized(s);
                            month = FindName(n == 3 ? DateTimeFormat.AbbreviatedMonthNames : DateTimeFormat.MonthNames, s.Substring(start, pos - start)) + 1;
                        }
                        hasDate = true;
                        break;
                    case 'y':
                        {
                            int start = pos;
                            if (!Digits(s, ref pos, n <= 2 ? n : n, n <= 2 ? 2 : Math.Max(n, 4), out year))
                                return NotRecognized(s);
                            if (n <= 2)
                                year = TwoDigitYear(year, pos - start);
                            hasDate = true;
                        }
                        break;
                    case 'h':
                        if (!Digits(s, ref pos, n > 2 ? 2 : n, 2, out hour))
                            return NotRecognized(s);
                        if (hour == 12)
                            hour = 0;
                        if (ampm == 0)
                            ampm = -1;
                        break;
                    case 'H':
                        if (!Digits(s, ref pos, n > 2 ? 2 : n, 2, out hour))
                            return NotRecognized(s);
                        break;
                    case 'm':
                        if (!Digits(s, ref pos, n > 2 ? 2 : n, 2, out minute))
                            return NotRecognized(s);
                        break;
                    case 's':
                        if (!Digits(s, ref pos, n > 2 ? 2 : n, 2, out second))
                            return NotRecognized(s);
                        break;
                    case 'f':
                    case 'F':
                        {
                            if (n > 7)
                                return "Format specifier was invalid.";
                            int start = pos;
                            long value = 0;
                            while (pos < s.Length && pos - start < n && IsDigit(s[pos]))
                                value = value * 10 + (s[pos++] - '0');
                            int got = pos - start;
                            if (c == 'f' && got != n)
                                return NotRecognized(s);
                            if (got == 0 && c == 'F' && start > 0 && s[start - 1] != '.' && fi > 0 && format[fi - 1] == '.')
                                return NotRecognized(s);
                            for (int k = got; k < 7; k++)
                                value *= 10;
                            fraction = value;
                        }
                        break;
                    case 't':
                        if (pos < s.Length && (s[pos] == 'A' || s[pos] == 'a' || s[pos] == 'P' || s[pos] == 'p'))
                        {
                            bool pm = s[pos] == 'P' || s[pos] == 'p';
                            pos++;
                            if (n >= 2)
                            {
                                if (pos >= s.Length || (s[pos] != 'M' && s[pos] != 'm'))
                                    return NotRecognized(s);
                                pos++;
                            }
                            ampm = pm ? 2 : 1;
                        }
                        else
                        {
                            return NotRecognized(s);
                        }
                        break;
                    case 'z':
                    case 'K':
                        if (c == 'K' && pos < s.Length && (s[pos] == 'Z' || s[pos] == 'z'))
                        {
                            pos++;
                            utc = true;
                            break;
                        }
                        if (c == 'K' && (pos >= s.Length || (s[pos] != '+' && s[pos] != '-')))
                            break;
                        if (pos < s.Length && (s[pos] == 'Z' || s[pos] == 'z'))
                        {
                            pos++;
                            utc = true;
                            break;
                        }
                        if (pos >= s.Length || (s[pos] != '+' && s[pos] != '-'))
                            return NotRecognized(s);
                        {
                            int sign = s[pos] == '-' ? -1 : 1;
                            pos++;
                            int h, m = 0;
                            if (!Digits(s, ref pos, c == 'z' && n == 1 ? 1 : 2, 2, out h))
                                return NotRecognized(s);
                            if (c == 'K' || n >= 3)
                            {
                                if (pos >= s.Length || s[pos] != ':')
                                    return NotRecognized(s);
                                pos++;
                                if (!Digits(s, ref pos, 2, 2, out m))
                                    return NotRecognized(s);
                            }
                            offset = new TimeSpan(sign * (h * TimeSpan.TicksPerHour + m * TimeSpan.TicksPerMinute));
                            hasOffset = true;
                        }
                        break;
                    case 'g':
                        if (String.CompareOrdinal(s, pos, "A.D.", 0, 4) != 0)
                            return NotRecognized(s);
                        pos += 4;
                        break;
                    case '\'':
                    case '"':
                        {
                            StringBuilder literal = new StringBuilder();
                            n = DateTimeFormat.ParseQuoted(format, fi, literal);
                            string text = literal.ToString();
                            if (String.CompareOrdinal(s, pos, text, 0, text.Length) != 0)
                                return NotRecognized(s);
                            pos += text.Length;
                        }
                        break;
                    case '\\':
                        if (fi + 1 >= format.Length || pos >= s.Length || s[pos] != format[fi + 1])
                            return NotRecognized(s);
                        pos++;
                        n = 2;
                        break;
                    case '%':
                        break;
                    default:
                        if (Char.IsWhiteSpace(c) && allowWhite)
                        {
                            while (pos < s.Length && Char.IsWhiteSpace(s[pos]))
                                pos++;
                            break;
                        }
                        if (pos >= s.Length || s[pos] != c)
                            return NotRecognized(s);
                        pos++;
                        break;
                }
                fi += n;
            }
            if ((styles & DateTimeStyles.AllowTrailingWhite) != 0)
            {
                while (pos < s.Length && Char.IsWhiteSpace(s[pos]))
                    pos++;
            }
            if (pos != s.Length)
                return NotRecognized(s);
            if (ampm == 2)
                hour += 12;
            if (!hasDate && (styles & DateTimeStyles.NoCurrentDateDefault) == 0)
            {
                DateTime today = DateTime.Now;
                today.GetDate(out year, out month, out day);
            }
            if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
                || hour > 23 || minute > 59 || second > 59)
                return NotRecognized(s);
            long ticks = new DateTime(year, month, day, hour, minute, second).Ticks + fraction;
            if (utcFormat && !hasOffset)
                utc = true;
            return Compose(s, ticks, utc, hasOffset, offset, styles, out result, out offset);
        }

        private static string Expand(char f)
        {
            switch (f)
            {
                case 'd':
                    return DateTimeFormat.ShortDatePattern;
                case 'D':
                    return DateTimeFormat.LongDatePattern;
                case 'f':
                    return DateTimeFormat.LongDatePattern + " " + DateTimeFormat.ShortTimePattern;
                case 'F':
                    return DateTimeFormat.LongDatePattern + " " + DateTimeFormat.LongTimePattern;
                case 'g':
                    return DateTimeFormat.ShortDatePattern + " " + DateTimeFormat.ShortTimePattern;
                case 'G':
                    return DateTimeFormat.ShortDatePattern + " " + DateTimeFormat.LongTimePattern;
                case 'm':
                case 'M':
                    return DateTimeFormat.MonthDayPattern;
                case 'o':
                case 'O':
                    return DateTimeFormat.RoundtripPattern;
                case 'r':
                case 'R':
                    return DateTimeFormat.RFC1123Pattern;
                case 's':
                    return DateTimeFormat.SortablePattern;
                case 't':
                    return DateTimeFormat.ShortTimePattern;
                case 'T':
                    return DateTimeFormat.LongTimePattern;
                case 'u':
                    return DateTimeFormat.UniversalSortablePattern;
                case 'y':
                case 'Y':
                    return DateTimeFormat.YearMonthPattern;
            }
            throw new FormatException();
        }

        // Between `min` and `max` digits at s[pos..].
        private static bool Digits(string s, ref int pos, int min, int max, out int value)
        {
            value = 0;
            int start = pos;
            while (pos < s.Length && pos - start < max && IsDigit(s[pos]))
                value = value * 10 + (s[pos++] - '0');
            return pos - start >= min;
        }

        // One of `names` (ignoring case) at s[pos..], the longest that fits.
        private static bool Name(string s, ref int pos, string[] names)
        {
            int best = -1;
            for (int k = 0; k < names.Length; k++)
            {
                string n = names[k];
                if (pos + n.Length <= s.Length && String.Compare(s, pos, n, 0, n.Length, StringComparison.OrdinalIgnoreCase) == 0)
                {
                    if (best < 0 || n.Length > names[best].Length)
                        best = k;
                }
            }
            if (best < 0)
                return false;
            pos += names[best].Length;
            return true;
        }
    }
}
