// A parallel sum over every processor: each worker sums a slice of a large
// array (and a slice of a computed series) and the results are combined
// under a lock; the answers match the sequential ones.
using System;
using System.Threading;

class Slice
{
    public int From, To;
    public long Sum;
    public double Series;
}

class Program
{
    static int[] data;
    static long total;
    static double series;
    static readonly object gate = new object();

    static void Work(object o)
    {
        Slice s = (Slice)o;
        long sum = 0;
        double x = 0;
        for (int i = s.From; i < s.To; i++)
        {
            sum += data[i];
            x += 1.0 / ((double)i * i + 1);
        }
        s.Sum = sum;
        s.Series = x;
        lock (gate)
        {
            total += sum;
        }
    }

    static int Main(string[] args)
    {
        int n = args.Length > 0 ? int.Parse(args[0]) : 4000000;
        data = new int[n];
        for (int i = 0; i < n; i++)
            data[i] = (int)((i * 2654435761L) % 1000);
        long sequential = 0;
        double seqSeries = 0;
        for (int i = 0; i < n; i++)
        {
            sequential += data[i];
        }
        int workers = Math.Max(2, Environment.ProcessorCount);
        Slice[] slices = new Slice[workers];
        Thread[] threads = new Thread[workers];
        for (int w = 0; w < workers; w++)
        {
            slices[w] = new Slice { From = (int)((long)n * w / workers), To = (int)((long)n * (w + 1) / workers) };
            threads[w] = new Thread(Work);
            threads[w].Start(slices[w]);
        }
        for (int w = 0; w < workers; w++)
            threads[w].Join();
        long combined = 0;
        for (int w = 0; w < workers; w++)
        {
            combined += slices[w].Sum;
            series += slices[w].Series;
        }
        // The same additions in the same order as the workers did them.
        for (int w = 0; w < workers; w++)
        {
            double x = 0;
            for (int i = slices[w].From; i < slices[w].To; i++)
                x += 1.0 / ((double)i * i + 1);
            seqSeries += x;
        }
        Console.WriteLine("sequential: " + sequential);
        Console.WriteLine("parallel:   " + combined);
        Console.WriteLine("locked:     " + total);
        Console.WriteLine("series:     " + series.ToString("R"));
        Console.WriteLine("same series: " + (series == seqSeries));
        bool ok = sequential == combined && combined == total && series == seqSeries;
        Console.WriteLine(ok ? "ok" : "MISMATCH");
        return ok ? 0 : 1;
    }
}
