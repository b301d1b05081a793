//! The exceptions corelib's object-model members raise, checked message by
//! message. Exception handling does not exist yet, so each case is its own
//! program whose unhandled exception is compared; the expected texts are
//! what mono 6.8 prints for the same calls (`e.GetType().FullName + ": " +
//! e.Message`). Behaviour that does not throw is compared with mono by the
//! samples (samples/om-array-values, samples/om-valuetype-equals).

mod common;

fn unhandled(name: &str, statement: &str) -> Option<String> {
    let source = format!(
        "using System;\nstruct Pt {{ public int X; }}\nenum Col {{ R, G }}\n\
         class P {{ static int Main() {{\n{statement}\nreturn 0; }} }}\n"
    );
    let o = common::run(name, common::compile(name, &source, false), &[]);
    assert_eq!(o.stdout, "", "{name}");
    o.error
}

#[test]
fn array_get_and_set_value_raise_what_mono_raises() {
    let widening = "System.ArgumentException: not a widening conversion\nParameter name: value";
    for (name, statement, expected) in [
        ("get_low", "new int[3].GetValue(-1);", "System.IndexOutOfRangeException: Index has to be between upper and lower bound of the array."),
        ("get_high", "new int[3].GetValue(3);", "System.IndexOutOfRangeException: Index has to be between upper and lower bound of the array."),
        ("set_high", "new int[3].SetValue(1, 3);", "System.IndexOutOfRangeException: Index has to be >= lower bound and <= upper bound of the array."),
        ("get_md", "new int[2, 2].GetValue(0);", "System.ArgumentException: Only single dimensional arrays are supported for the requested action."),
        ("set_md", "new int[2, 2].SetValue(1, 0);", "System.ArgumentException: Only single dimensional arrays are supported for the requested action."),
        ("long_to_int", "new int[1].SetValue(9L, 0);", widening),
        ("uint_to_int", "new int[1].SetValue(9u, 0);", widening),
        ("double_to_int", "new int[1].SetValue(1.5, 0);", widening),
        ("int_to_uint", "new uint[1].SetValue(5, 0);", widening),
        ("sbyte_to_ushort", "new ushort[1].SetValue((sbyte)1, 0);", widening),
        ("double_to_float", "new float[1].SetValue(1.0, 0);", widening),
        ("bool_to_int", "new int[1].SetValue(true, 0);", widening),
        ("int_to_bool", "new bool[1].SetValue(1, 0);", widening),
        ("bool_to_enum", "new Col[1].SetValue(true, 0);", widening),
        ("string_to_int", "new int[1].SetValue(\"x\", 0);", "System.InvalidCastException: "),
        ("int_to_intptr", "new IntPtr[1].SetValue(1, 0);", "System.InvalidCastException: "),
        ("intptr_to_long", "new long[1].SetValue(IntPtr.Zero, 0);", "System.InvalidCastException: "),
        ("enum_to_bool", "new bool[1].SetValue(Col.G, 0);", "System.InvalidCastException: "),
        ("int_to_struct", "new Pt[1].SetValue(1, 0);", "System.InvalidCastException: "),
        ("object_to_string", "new string[1].SetValue(new object(), 0);", "System.InvalidCastException: "),
        ("int_to_covariant", "object[] a = new string[1]; a.SetValue(3, 0);", "System.InvalidCastException: "),
        ("object_to_icomparable", "new IComparable[1].SetValue(new object(), 0);", "System.InvalidCastException: "),
    ] {
        assert_eq!(unhandled(name, statement).as_deref(), Some(expected), "{statement}");
    }
}

#[test]
fn array_enumerator_current_outside_the_elements_raises_what_mono_raises() {
    for (name, statement, expected) in [
        (
            "current_before",
            "object x = ((System.Collections.IEnumerable)new int[1]).GetEnumerator().Current;",
            "System.InvalidOperationException: Enumeration has not started. Call MoveNext.",
        ),
        (
            "current_after",
            "System.Collections.IEnumerator e = new int[0].GetEnumerator(); e.MoveNext(); object x = e.Current;",
            "System.InvalidOperationException: Enumeration already finished.",
        ),
    ] {
        assert_eq!(unhandled(name, statement).as_deref(), Some(expected), "{statement}");
    }
}
