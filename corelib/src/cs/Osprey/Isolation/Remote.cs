using System;

namespace Osprey.Isolation
{
    // Builds a message: values appended in order (little-endian integers,
    // IEEE doubles, strings and byte arrays with their lengths). What
    // generated proxies (`osprey proxygen`) send for each call.
    public sealed unsafe class MessageWriter
    {
        private byte[] _buffer = new byte[64];
        private int _length;

        public MessageWriter()
        {
        }

        public int Length
        {
            get { return _length; }
        }

        private void Reserve(int n)
        {
            if (_length + n <= _buffer.Length)
                return;
            int size = _buffer.Length * 2;
            while (size < _length + n)
                size *= 2;
            byte[] grown = new byte[size];
            for (int i = 0; i < _length; i++)
                grown[i] = _buffer[i];
            _buffer = grown;
        }

        private void Put(void* data, int n)
        {
            Reserve(n);
            byte* p = (byte*)data;
            for (int i = 0; i < n; i++)
                _buffer[_length + i] = p[i];
            _length += n;
        }

        public void WriteBoolean(bool value)
        {
            byte b = value ? (byte)1 : (byte)0;
            Put(&b, 1);
        }

        public void WriteInt32(int value)
        {
            Put(&value, 4);
        }

        public void WriteInt64(long value)
        {
            Put(&value, 8);
        }

        public void WriteDouble(double value)
        {
            Put(&value, 8);
        }

        // A string: its length (-1 for null) and UTF-16 units.
        public void WriteString(string value)
        {
            if (value == null)
            {
                WriteInt32(-1);
                return;
            }
            WriteInt32(value.Length);
            fixed (char* p = value)
                Put(p, value.Length * 2);
        }

        // A byte array: its length (-1 for null) and bytes.
        public void WriteBytes(byte[] value)
        {
            if (value == null)
            {
                WriteInt32(-1);
                return;
            }
            WriteInt32(value.Length);
            fixed (byte* p = value)
                Put(p, value.Length);
        }

        // Appends what `other` holds.
        public void Append(MessageWriter other)
        {
            if (other == null)
                throw new ArgumentNullException("other");
            fixed (byte* p = other._buffer)
                Put(p, other._length);
        }

        public byte[] ToArray()
        {
            byte[] bytes = new byte[_length];
            for (int i = 0; i < _length; i++)
                bytes[i] = _buffer[i];
            return bytes;
        }
    }

    // Reads a message MessageWriter built, in the same order.
    public sealed unsafe class MessageReader
    {
        private readonly byte[] _data;
        private int _position;

        public MessageReader(byte[] data)
        {
            if (data == null)
                throw new ArgumentNullException("data");
            _data = data;
        }

        public int Remaining
        {
            get { return _data.Length - _position; }
        }

        private void Take(void* into, int n)
        {
            if (n < 0 || n > _data.Length - _position)
                throw new InvalidOperationException("The message is shorter than what is read from it.");
            byte* p = (byte*)into;
            for (int i = 0; i < n; i++)
                p[i] = _data[_position + i];
            _position += n;
        }

        public bool ReadBoolean()
        {
            byte b;
            Take(&b, 1);
            return b != 0;
        }

        public int ReadInt32()
        {
            int v;
            Take(&v, 4);
            return v;
        }

        public long ReadInt64()
        {
            long v;
            Take(&v, 8);
            return v;
        }

        public double ReadDouble()
        {
            double v;
            Take(&v, 8);
            return v;
        }

        public string ReadString()
        {
            int n = ReadInt32();
            if (n < 0)
                return null;
            if (n > Remaining / 2)
                throw new InvalidOperationException("The message is shorter than what is read from it.");
            string s = new string('\0', n);
            fixed (char* p = s)
                Take(p, n * 2);
            return s;
        }

        public byte[] ReadBytes()
        {
            int n = ReadInt32();
            if (n < 0)
                return null;
            if (n > Remaining)
                throw new InvalidOperationException("The message is shorter than what is read from it.");
            byte[] b = new byte[n];
            fixed (byte* p = b)
                Take(p, n);
            return b;
        }
    }

    // What a generated dispatcher implements: runs method number `method`
    // of the exported object with the arguments in `args`, writing its
    // result to `result`.
    public interface IRemoteDispatcher
    {
        void Dispatch(int method, MessageReader args, MessageWriter result);
    }

    // Calls across processes: each call is one request and one response
    // over a channel. A request is [method number][arguments]; a response
    // is [0][result] or [1][exception type name][message], which the caller
    // throws as a RemoteException.
    public static unsafe class RemoteCall
    {
        private const byte Returned = 0;
        private const byte Threw = 1;

        // A request for method number `method`.
        public static MessageWriter Request(int method)
        {
            MessageWriter w = new MessageWriter();
            w.WriteInt32(method);
            return w;
        }

        // Sends the request and waits for the response.
        public static MessageReader Invoke(Channel channel, MessageWriter request)
        {
            if (channel == null)
                throw new ArgumentNullException("channel");
            channel.Send(request.ToArray());
            MessageReader r = new MessageReader(channel.ReceiveBytes());
            if (r.ReadBoolean())
            {
                string type = r.ReadString();
                string message = r.ReadString();
                throw new RemoteException(type, message);
            }
            return r;
        }

        // Serves calls on `channel` until the other end closes it: each
        // request runs on `dispatcher`, and its result or exception goes
        // back. Returns how many calls were served.
        public static int Serve(Channel channel, IRemoteDispatcher dispatcher)
        {
            if (channel == null)
                throw new ArgumentNullException("channel");
            if (dispatcher == null)
                throw new ArgumentNullException("dispatcher");
            int served = 0;
            while (true)
            {
                byte[] request;
                try
                {
                    request = channel.ReceiveBytes();
                }
                catch (ChannelClosedException)
                {
                    return served;
                }
                MessageWriter reply = new MessageWriter();
                try
                {
                    MessageReader args = new MessageReader(request);
                    int method = args.ReadInt32();
                    MessageWriter result = new MessageWriter();
                    dispatcher.Dispatch(method, args, result);
                    reply.WriteBoolean(false);
                    reply.Append(result);
                }
                catch (Exception e)
                {
                    reply = new MessageWriter();
                    reply.WriteBoolean(true);
                    reply.WriteString(e.GetType().FullName);
                    reply.WriteString(e.Message);
                }
                served++;
                try
                {
                    channel.Send(reply.ToArray());
                }
                catch (ChannelClosedException)
                {
                    return served;
                }
            }
        }
    }
}
