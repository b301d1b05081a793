using System; using System.Collections.Generic;
struct P : IEquatable<P>, IComparable<P> { public int X; public bool Equals(P o) { Console.Write("[eq]"); return X == o.X; } public int CompareTo(P o) { return X.CompareTo(o.X); } public override int GetHashCode() { return X; } }
struct Q { public int X; }
class K : IComparable { public int V; public int CompareTo(object o) { return V.CompareTo(((K)o).V); } }
class W { public string S = "w"; }
class Prog { static T Make<T>() where T : new() { return new T(); }
  static void Main() {
    Console.WriteLine(EqualityComparer<P>.Default.GetType().Name + " " + EqualityComparer<P>.Default.Equals(new P{X=1}, new P{X=1}));
    Console.WriteLine(EqualityComparer<Q>.Default.GetType().Name + " " + EqualityComparer<Q>.Default.Equals(new Q{X=1}, new Q{X=2}));
    Console.WriteLine(EqualityComparer<P?>.Default.GetType().Name + " " + EqualityComparer<string>.Default.GetType().Name + " " + EqualityComparer<object>.Default.GetType().Name);
    Console.WriteLine(Comparer<P>.Default.GetType().Name + " " + Comparer<P>.Default.Compare(new P{X=1}, new P{X=2}));
    Console.WriteLine(Comparer<K>.Default.GetType().Name + " " + Comparer<K>.Default.Compare(new K{V=3}, new K{V=2}));
    Console.WriteLine(Comparer<int?>.Default.GetType().Name + " " + Comparer<int?>.Default.Compare(null, 1));
    var l = new List<K> { new K{V=3}, new K{V=1}, new K{V=2} }; l.Sort(); foreach (var k in l) Console.Write(k.V); Console.WriteLine();
    Console.WriteLine(Make<W>().S + " " + Make<int>() + " " + Make<List<int>>().Count + " " + Activator.CreateInstance<P>().X);
    var d = new Dictionary<P, string>(); d[new P{X=5}] = "five"; Console.WriteLine(d[new P{X=5}]);
    Console.WriteLine(new Lazy<W>().Value.S);
  }
}
