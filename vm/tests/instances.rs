//! Runtime instances are independent: two programs run at the same time in
//! two kernel processes of one OS process, each with its own runtime (loader,
//! code heap, heaps, literals), its own arguments and its own console.

mod common;

use osprey_kernel::host::{self, ProcessConfig};
use osprey_kernel::ConsoleMode;
use osprey_vm::{Runtime, RuntimeOptions};

fn compile(name: &str, source: &str) -> Vec<u8> {
    common::compile(name, source, false)
}

/// Runs `bytes` in a new kernel process with captured console.
fn spawn(name: &str, bytes: Vec<u8>, args: &[&str]) -> host::ProcessHandle {
    let config = ProcessConfig {
        name: name.into(),
        args: args.iter().map(|s| s.to_string()).collect(),
        console: ConsoleMode::Capture,
        stack_size: 0,
        ..ProcessConfig::default()
    };
    let name = name.to_string();
    host::spawn(config, move || {
        let rt = Runtime::new(RuntimeOptions::default()).expect("runtime");
        let asm = rt.load_assembly(bytes, &name).expect("load");
        let os = osprey_kernel::client::Os::resolve().unwrap();
        let args = os.startup_args().unwrap();
        let mut thread = rt.new_thread();
        rt.run_main(&mut thread, asm, &args)
            .unwrap_or_else(|e| panic!("{e}"))
    })
    .expect("spawn")
}

#[test]
fn two_programs_run_at_once_in_two_instances() {
    // Each program loops long enough to overlap with the other, prints its
    // arguments and a computed result, and returns its own exit code.
    let counter = compile(
        "counter",
        r#"using System;
class Counter {
    static long Sum(int n) { long s = 0; for (int i = 0; i < n; i++) s += i % 7; return s; }
    static int Main(string[] args) {
        Console.WriteLine("counter " + args[0]);
        for (int round = 0; round < 20; round++) Console.WriteLine(Sum(200000 + round));
        return 3;
    }
}"#,
    );
    let greeter = compile(
        "greeter",
        r#"using System;
class Greeter {
    static int Fib(int n) { return n < 2 ? n : Fib(n - 1) + Fib(n - 2); }
    static int Main(string[] args) {
        for (int i = 0; i < args.Length; i++) Console.WriteLine("hello " + args[i]);
        Console.WriteLine(Fib(27));
        return 4;
    }
}"#,
    );
    let a = spawn("counter", counter, &["one"]);
    let b = spawn("greeter", greeter, &["x", "y"]);
    let (a, b) = (a.join(), b.join());

    assert_eq!(a.exit_code, 3);
    assert_eq!(b.exit_code, 4);
    let a_out = String::from_utf8(a.stdout).unwrap();
    let b_out = String::from_utf8(b.stdout).unwrap();
    let mut expected_a = String::from("counter one\n");
    for round in 0..20 {
        let n = 200000 + round;
        let s: i64 = (0..n).map(|i: i64| i % 7).sum();
        expected_a.push_str(&format!("{s}\n"));
    }
    assert_eq!(a_out, expected_a);
    assert_eq!(b_out, "hello x\nhello y\n196418\n");
}

#[test]
fn instances_do_not_share_loaded_state() {
    // Two runtimes one after the other: each starts from a fresh corelib and
    // code heap, and gives everything back when it ends.
    let prog = compile(
        "literal",
        r#"class P { static int Main() { System.Console.WriteLine("same literal"); return 0; } }"#,
    );
    let first = spawn("literal-1", prog.clone(), &[]).join();
    let second = spawn("literal-2", prog, &[]).join();
    assert_eq!(first.stdout, b"same literal\n");
    assert_eq!(second.stdout, b"same literal\n");
    // Each runtime returns every page it took (heaps, code heap) when it is
    // dropped, so the kernel finds nothing left to reclaim.
    assert_eq!(first.reclaimed_bytes, 0);
    assert_eq!(second.reclaimed_bytes, 0);
}
