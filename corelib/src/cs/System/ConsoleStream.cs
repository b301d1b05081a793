using System.IO;
using System.Text;

namespace System
{
    // Console.OpenStandardInput/Output/Error: the console as bytes.
    // Standard input is read through the kernel; output is decoded as UTF-8
    // (a character split between two writes is kept until its end arrives)
    // and written like Console.Write.
    internal sealed class ConsoleStream : Stream
    {
        private readonly int _stream;
        private readonly FileAccess _access;
        private Decoder _decoder;

        internal ConsoleStream(int stream, FileAccess access)
        {
            _stream = stream;
            _access = access;
        }

        public override bool CanRead
        {
            get { return _access == FileAccess.Read; }
        }

        public override bool CanWrite
        {
            get { return _access == FileAccess.Write; }
        }

        public override bool CanSeek
        {
            get { return false; }
        }

        public override long Length
        {
            get { throw new NotSupportedException("Stream does not support seeking."); }
        }

        public override long Position
        {
            get { throw new NotSupportedException("Stream does not support seeking."); }
            set { throw new NotSupportedException("Stream does not support seeking."); }
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            CheckBuffer(buffer, offset, count);
            if (_access != FileAccess.Read)
                throw new NotSupportedException("Stream does not support reading.");
            return Console.ReadStdIn(buffer, offset, count);
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            CheckBuffer(buffer, offset, count);
            if (_access != FileAccess.Write)
                throw new NotSupportedException("Stream does not support writing.");
            if (_decoder == null)
                _decoder = new UTF8Encoding(false).GetDecoder();
            char[] chars = new char[_decoder.GetCharCount(buffer, offset, count)];
            int n = _decoder.GetChars(buffer, offset, count, chars, 0);
            if (n > 0)
                Console.WriteDirect(_stream, new string(chars, 0, n));
        }

        public override long Seek(long offset, SeekOrigin origin)
        {
            throw new NotSupportedException("Stream does not support seeking.");
        }

        public override void SetLength(long value)
        {
            throw new NotSupportedException("Stream does not support seeking.");
        }
    }
}
