// The child of pingpong.cs: answers every ball on its startup channel, then
// echoes bytes reversed, a block, an empty message, and exits with the
// number of rounds when it receives "bye".
using System;
using Osprey.Isolation;

struct Ball
{
    public int Round;
    public long Hits;
    public double Speed;
}

class Program
{
    static unsafe int Main(string[] args)
    {
        int rounds = int.Parse(args[0]);
        Channel ch = Channel.Startup(0);
        ch.Send("hello; " + Channel.StartupChannels.Length + " startup channel, peer is another process: " + (ch.PeerProcessId != ChildProcess.CurrentId && ch.PeerProcessId != 0));
        for (int i = 0; i < rounds; i++)
        {
            Ball b;
            ch.Receive(&b, sizeof(Ball), -1);
            b.Hits++;
            b.Speed *= 2;
            ch.Send(&b, sizeof(Ball));
        }
        byte[] data = ch.ReceiveBytes();
        for (int i = 0, j = data.Length - 1; i < j; i++, j--)
        {
            byte t = data[i];
            data[i] = data[j];
            data[j] = t;
        }
        ch.Send(data);
        ExchangeBlock block = ch.ReceiveBlock();
        ch.Send(block);
        ch.Send(ch.ReceiveBytes());
        ch.Send(ch.ReceiveString());
        string last = ch.ReceiveString();
        return last == "bye" ? rounds : 99;
    }
}
