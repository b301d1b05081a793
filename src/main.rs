//! The `osprey` command. All of it lives in `osprey_vm::cli`; this crate only
//! exists so that `cargo run -- ...` works from the repository root.

fn main() {
    std::process::exit(osprey_vm::cli::main());
}
