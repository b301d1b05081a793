namespace System.IO
{
    // Reads a string.
    public class StringReader : TextReader
    {
        private string _s;
        private int _pos;

        public StringReader(string s)
        {
            if (s == null)
                throw new ArgumentNullException("s");
            _s = s;
        }

        public override void Close()
        {
            Dispose(true);
        }

        protected override void Dispose(bool disposing)
        {
            _s = null;
            _pos = 0;
        }

        public override int Peek()
        {
            EnsureOpen();
            return _pos < _s.Length ? _s[_pos] : -1;
        }

        public override int Read()
        {
            EnsureOpen();
            return _pos < _s.Length ? _s[_pos++] : -1;
        }

        public override int Read(char[] buffer, int index, int count)
        {
            CheckBuffer(buffer, index, count);
            EnsureOpen();
            int n = _s.Length - _pos;
            if (n > count)
                n = count;
            if (n <= 0)
                return 0;
            _s.CopyTo(_pos, buffer, index, n);
            _pos += n;
            return n;
        }

        public override string ReadToEnd()
        {
            EnsureOpen();
            string rest = _pos == 0 ? _s : _s.Substring(_pos);
            _pos = _s.Length;
            return rest;
        }

        public override string ReadLine()
        {
            EnsureOpen();
            int i = _pos;
            while (i < _s.Length)
            {
                char c = _s[i];
                if (c == '\r' || c == '\n')
                {
                    string line = _s.Substring(_pos, i - _pos);
                    _pos = i + 1;
                    if (c == '\r' && _pos < _s.Length && _s[_pos] == '\n')
                        _pos++;
                    return line;
                }
                i++;
            }
            if (i > _pos)
            {
                string line = _s.Substring(_pos, i - _pos);
                _pos = i;
                return line;
            }
            return null;
        }

        private void EnsureOpen()
        {
            if (_s == null)
                throw new ObjectDisposedException(null, "Cannot read from a closed TextReader.");
        }
    }
}
