namespace System
{
    // Splitting a string at separators (characters, or strings compared
    // ordinally; white space when no separator is given), as .NET does:
    // `count` limits the number of pieces (the last one holds the rest of
    // the string), and RemoveEmptyEntries drops the empty pieces.
    //
    // This file is also compiled against Mono's mscorlib by
    // corelib/tests/managed_logic.rs (see String.Construction.cs).
    public sealed partial class String
    {
        public string[] Split(char separator, StringSplitOptions options = StringSplitOptions.None)
        {
            return SplitChars(new char[] { separator }, int.MaxValue, options);
        }

        public string[] Split(char separator, int count, StringSplitOptions options = StringSplitOptions.None)
        {
            return SplitChars(new char[] { separator }, count, options);
        }

        public string[] Split(params char[] separator)
        {
            return SplitChars(separator, int.MaxValue, StringSplitOptions.None);
        }

        public string[] Split(char[] separator, int count)
        {
            return SplitChars(separator, count, StringSplitOptions.None);
        }

        public string[] Split(char[] separator, StringSplitOptions options)
        {
            return SplitChars(separator, int.MaxValue, options);
        }

        public string[] Split(char[] separator, int count, StringSplitOptions options)
        {
            return SplitChars(separator, count, options);
        }

        public string[] Split(string separator, StringSplitOptions options = StringSplitOptions.None)
        {
            return SplitStrings(separator ?? Empty, null, int.MaxValue, options);
        }

        public string[] Split(string separator, int count, StringSplitOptions options = StringSplitOptions.None)
        {
            return SplitStrings(separator ?? Empty, null, count, options);
        }

        public string[] Split(string[] separator, StringSplitOptions options)
        {
            return SplitStrings(null, separator, int.MaxValue, options);
        }

        public string[] Split(string[] separator, int count, StringSplitOptions options)
        {
            return SplitStrings(null, separator, count, options);
        }

        // Splits at any of `separators` (white space if null or empty).
        private string[] SplitChars(char[] separators, int count, StringSplitOptions options)
        {
            CheckSplitArguments(count, options);
            bool omitEmptyEntries = options == StringSplitOptions.RemoveEmptyEntries;
            if (count == 0 || (omitEmptyEntries && _stringLength == 0))
                return new string[0];
            if (count == 1)
                return new string[] { this };

            // Where the separators are (each one character long).
            int[] positions = new int[8];
            int found = 0;
            bool whiteSpace = separators == null || separators.Length == 0;
            for (int i = 0; i < _stringLength; i++)
            {
                char c = this[i];
                if (whiteSpace ? Char.IsWhiteSpace(c) : ArrayContains(separators, c))
                    positions = AddPosition(positions, found++, i);
            }
            return SplitAt(positions, null, 1, found, count, omitEmptyEntries);
        }

        // Splits at `separator` or, if it is null, at any of `separators`
        // (white space if that is null or empty; empty strings in it are
        // ignored). Where two separators start at the same place, the first
        // one listed wins.
        private string[] SplitStrings(string separator, string[] separators, int count, StringSplitOptions options)
        {
            CheckSplitArguments(count, options);
            bool omitEmptyEntries = options == StringSplitOptions.RemoveEmptyEntries;
            bool singleSeparator = separator != null;
            if (!singleSeparator && (separators == null || separators.Length == 0))
                return SplitChars(null, count, options);
            if (count == 0 || (omitEmptyEntries && _stringLength == 0))
                return new string[0];
            if (count == 1 || (singleSeparator && separator._stringLength == 0))
                return new string[] { this };

            int[] positions = new int[8];
            int[] lengths = singleSeparator ? null : new int[8];
            int found = 0;
            for (int i = 0; i < _stringLength; i++)
            {
                if (singleSeparator)
                {
                    if (separator._stringLength <= _stringLength - i && MatchesAt(this, i, separator, false))
                    {
                        positions = AddPosition(positions, found++, i);
                        i += separator._stringLength - 1;
                    }
                    continue;
                }
                for (int j = 0; j < separators.Length; j++)
                {
                    string s = separators[j];
                    if (IsNullOrEmpty(s))
                        continue;
                    if (s._stringLength <= _stringLength - i && MatchesAt(this, i, s, false))
                    {
                        lengths = AddPosition(lengths, found, s._stringLength);
                        positions = AddPosition(positions, found++, i);
                        i += s._stringLength - 1;
                        break;
                    }
                }
            }
            int defaultLength = singleSeparator ? separator._stringLength : 0;
            return SplitAt(positions, lengths, defaultLength, found, count, omitEmptyEntries);
        }

        private static void CheckSplitArguments(int count, StringSplitOptions options)
        {
            if (count < 0)
                throw new ArgumentOutOfRangeException("count", "Count cannot be less than zero.");
            if (options < StringSplitOptions.None || options > StringSplitOptions.RemoveEmptyEntries)
                throw new ArgumentException(String.Concat("Illegal enum value: ", Number.Int32ToDecStr((int)options), "."));
        }

        // list[index] = value, growing the list when it is full.
        private static int[] AddPosition(int[] list, int index, int value)
        {
            if (index == list.Length)
            {
                int[] larger = new int[list.Length * 2];
                for (int i = 0; i < list.Length; i++)
                    larger[i] = list[i];
                list = larger;
            }
            list[index] = value;
            return list;
        }

        // The pieces between the `found` separators at `positions` (of
        // lengths `lengths`, or all `defaultLength` long), at most `count`
        // of them.
        private string[] SplitAt(int[] positions, int[] lengths, int defaultLength, int found, int count, bool omitEmptyEntries)
        {
            if (found == 0)
                return new string[] { this };
            int currentIndex = 0;
            int arrayIndex = 0;

            if (!omitEmptyEntries)
            {
                count--;
                int splits = found < count ? found : count;
                string[] pieces = new string[splits + 1];
                for (int i = 0; i < splits && currentIndex < _stringLength; i++)
                {
                    pieces[arrayIndex++] = Substring(currentIndex, positions[i] - currentIndex);
                    currentIndex = positions[i] + (lengths == null ? defaultLength : lengths[i]);
                }
                if (currentIndex < _stringLength && splits >= 0)
                    pieces[arrayIndex] = Substring(currentIndex);
                else if (arrayIndex == splits)
                    // A separator at the very end: the last piece is empty.
                    pieces[arrayIndex] = Empty;
                return pieces;
            }

            int maxItems = found < count ? found + 1 : count;
            string[] result = new string[maxItems];
            for (int i = 0; i < found && currentIndex < _stringLength; i++)
            {
                if (positions[i] - currentIndex > 0)
                    result[arrayIndex++] = Substring(currentIndex, positions[i] - currentIndex);
                currentIndex = positions[i] + (lengths == null ? defaultLength : lengths[i]);
                if (arrayIndex == count - 1)
                {
                    // Separators right here belong to no piece: skip them.
                    while (i < found - 1 && currentIndex == positions[++i])
                        currentIndex += lengths == null ? defaultLength : lengths[i];
                    break;
                }
            }
            if (currentIndex < _stringLength)
                result[arrayIndex++] = Substring(currentIndex);
            if (arrayIndex == maxItems)
                return result;
            string[] trimmed = new string[arrayIndex];
            for (int i = 0; i < arrayIndex; i++)
                trimmed[i] = result[i];
            return trimmed;
        }
    }
}
