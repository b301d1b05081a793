// The Dispose pattern at scale: 200 000 live objects with finalizers each
// call GC.SuppressFinalize (O(1): a header bit), then the finalizers of
// undisposed garbage run, and GC.ReRegisterForFinalize undoes a suppression.
using System;
class D : IDisposable {
  public static int Finalized; public static int Disposed;
  public int Id; public D(int i){Id=i;}
  public void Dispose(){ Disposed++; GC.SuppressFinalize(this); }
  ~D(){ Finalized++; }
}
class P {
  static D[] keep;
  static void Make(int n, bool dispose){ for (int i=0;i<n;i++){ var d=new D(i); if (dispose) d.Dispose(); } }
  static int Main(string[] args){
    int count = args.Length > 0 ? int.Parse(args[0]) : 200000;
    keep = new D[count];
    for (int i=0;i<keep.Length;i++) keep[i]=new D(i);
    for (int i=0;i<keep.Length;i++) keep[i].Dispose();
    keep = null;
    Make(1000, true);
    Make(1000, false);
    GC.Collect(); GC.WaitForPendingFinalizers();
    Console.WriteLine("disposed " + (D.Disposed == count + 1000) + " finalized " + (D.Finalized >= 990 && D.Finalized <= 1000));
    D r = new D(5); GC.SuppressFinalize(r); GC.ReRegisterForFinalize(r); r = null;
    GC.Collect(); GC.WaitForPendingFinalizers();
    Console.WriteLine("reregistered finalized: " + (D.Finalized >= 991));
    return 0;
  }
}
