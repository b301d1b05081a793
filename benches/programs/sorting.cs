// Sorting: quicksort and heapsort of ints, insertion sort of strings by length.
using System;

static class Program
{
    static uint seed = 12345;
    static int Next() { seed = seed * 1664525 + 1013904223; return (int)(seed >> 8); }

    static void QuickSort(int[] a, int lo, int hi)
    {
        while (lo < hi)
        {
            int p = a[(lo + hi) >> 1], i = lo, j = hi;
            while (i <= j)
            {
                while (a[i] < p) i++;
                while (a[j] > p) j--;
                if (i <= j) { int t = a[i]; a[i] = a[j]; a[j] = t; i++; j--; }
            }
            if (j - lo < hi - i) { QuickSort(a, lo, j); lo = i; } else { QuickSort(a, i, hi); hi = j; }
        }
    }

    static void Sift(int[] a, int root, int end)
    {
        while (2 * root + 1 <= end)
        {
            int child = 2 * root + 1;
            if (child < end && a[child] < a[child + 1]) child++;
            if (a[root] >= a[child]) return;
            int t = a[root]; a[root] = a[child]; a[child] = t;
            root = child;
        }
    }

    static void HeapSort(int[] a)
    {
        for (int s = (a.Length - 2) / 2; s >= 0; s--) Sift(a, s, a.Length - 1);
        for (int end = a.Length - 1; end > 0; end--) { int t = a[end]; a[end] = a[0]; a[0] = t; Sift(a, 0, end - 1); }
    }

    static bool Sorted(int[] a) { for (int i = 1; i < a.Length; i++) if (a[i - 1] > a[i]) return false; return true; }

    static int Main()
    {
        int[] a = new int[1000000];
        for (int i = 0; i < a.Length; i++) a[i] = Next();
        int[] b = (int[])a.Clone();
        QuickSort(a, 0, a.Length - 1);
        HeapSort(b);
        bool same = true;
        for (int i = 0; i < a.Length; i++) if (a[i] != b[i]) same = false;
        string[] words = new string[3000];
        for (int i = 0; i < words.Length; i++) words[i] = new string('x', Next() % 50);
        for (int i = 1; i < words.Length; i++)
        {
            string w = words[i]; int j = i - 1;
            while (j >= 0 && words[j].Length > w.Length) { words[j + 1] = words[j]; j--; }
            words[j + 1] = w;
        }
        bool wsorted = true;
        for (int i = 1; i < words.Length; i++) if (words[i - 1].Length > words[i].Length) wsorted = false;
        Console.WriteLine(Sorted(a) + " " + same + " " + wsorted + " " + a[500000]);
        return Sorted(a) && same && wsorted ? 0 : 1;
    }
}
