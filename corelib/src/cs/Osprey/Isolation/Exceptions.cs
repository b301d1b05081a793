using System;

namespace Osprey.Isolation
{
    // The other end of a channel is closed (its holder disposed it or
    // ended): nothing can be sent, and nothing is left to receive.
    public class ChannelClosedException : InvalidOperationException
    {
        public ChannelClosedException()
            : base("The channel is closed.")
        {
        }

        public ChannelClosedException(string message)
            : base(message)
        {
        }
    }

    // An exception thrown by the implementation of a remote interface call,
    // carried back over the channel: its type name and message.
    public class RemoteException : Exception
    {
        private readonly string _remoteType;

        public RemoteException(string remoteType, string message)
            : base(message)
        {
            _remoteType = remoteType;
        }

        // The full name of the exception's type in the other process.
        public string RemoteTypeName
        {
            get { return _remoteType; }
        }
    }
}
