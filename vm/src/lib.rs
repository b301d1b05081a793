//! osprey-vm: the runtime (skeleton).
pub mod cli {
    /// Entry point of the `osprey` command.
    pub fn main() -> i32 {
        eprintln!("osprey: not yet implemented");
        1
    }
}
