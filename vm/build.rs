//! Checks the FCall list against corelib before the VM compiles: every
//! registration in src/fcall/mod.rs must name a corelib internal call with
//! exactly its signature (build/fcall_registrations.rs). A mismatch, such as
//! `sig: "double(double)"` for a `float64` method, fails the build with one
//! line per problem instead of leaving the method unbound until a program
//! calls it.

#[path = "src/loader/names.rs"]
#[allow(dead_code)]
mod names;

#[path = "build/fcall_registrations.rs"]
mod fcall_registrations;

fn main() {
    for f in [
        "src/fcall/mod.rs",
        "src/loader/names.rs",
        "build/fcall_registrations.rs",
    ] {
        println!("cargo:rerun-if-changed={f}");
    }
    println!(
        "cargo:rerun-if-changed={}",
        osprey_corelib::CORELIB_DLL_PATH
    );
    let source = match std::fs::read_to_string("src/fcall/mod.rs") {
        Ok(s) => s,
        Err(e) => fail(&[format!("cannot read src/fcall/mod.rs: {e}")]),
    };
    let problems = fcall_registrations::registrations(&source)
        .and_then(|regs| fcall_registrations::check(&regs, osprey_corelib::CORELIB_DLL));
    match problems {
        Ok(p) if p.is_empty() => {}
        Ok(p) => fail(&p),
        Err(e) => fail(&[e]),
    }
}

fn fail(problems: &[String]) -> ! {
    for p in problems {
        println!("cargo::error={p}");
    }
    std::process::exit(1)
}
