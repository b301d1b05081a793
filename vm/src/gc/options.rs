//! The collector's configuration: [`GcOptions`], from the command line
//! (`--gc`, `--gc-heap-limit`) and the environment (`OSPREY_GC`,
//! `OSPREY_GCSTRESS`, `OSPREY_GC_VERIFY`, `OSPREY_GC_HEAP_LIMIT`,
//! `OSPREY_GC_NURSERY`, `OSPREY_GC_LOG`; docs/gc.md). A bad value is a
//! [`GcOptionError`] naming the option and what it accepts: a usage error,
//! never an internal one.

use osprey_kernel::client::Os;

use super::heap::BLOCK_SIZE;

/// Which collector a runtime uses.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Default)]
pub enum CollectorKind {
    /// Non-moving mark-sweep.
    MarkSweep,
    /// Copying nursery + mark-sweep old space, with a card-marking barrier.
    #[default]
    Generational,
}

impl CollectorKind {
    /// Parses `marksweep` / `generational` (also `ms` / `gen`).
    pub fn parse(s: &str) -> Option<CollectorKind> {
        match s.trim() {
            "marksweep" | "mark-sweep" | "ms" => Some(CollectorKind::MarkSweep),
            "generational" | "gen" => Some(CollectorKind::Generational),
            _ => None,
        }
    }

    /// The name `parse` accepts.
    pub fn name(self) -> &'static str {
        match self {
            CollectorKind::MarkSweep => "marksweep",
            CollectorKind::Generational => "generational",
        }
    }
}

/// The smallest nursery: one block.
pub const MIN_NURSERY: usize = BLOCK_SIZE;
/// The largest nursery (the heap reserves two nurseries of address space).
pub const MAX_NURSERY: usize = 4 << 30;
/// The smallest heap limit.
pub const MIN_HEAP_LIMIT: usize = 1 << 20;
/// The largest heap limit (address space and card table for it are reserved up front).
pub const MAX_HEAP_LIMIT: usize = 1 << 40;

/// What a GC option accepts (how a bad value is explained).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Accepted {
    /// A collector's name.
    Collector,
    /// A stress interval: a whole number, 0 for off.
    Interval,
    /// A whole number of seconds, at least 1.
    Seconds,
    /// A size in bytes, or with a K, M or G suffix, within bounds.
    Size {
        /// The smallest value.
        min: usize,
        /// The largest value.
        max: usize,
    },
}

impl std::fmt::Display for Accepted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Accepted::Collector => f.write_str("generational or marksweep"),
            Accepted::Interval => f.write_str(
                "a whole number N: collect at every Nth allocation and safepoint (1 is the strictest, 0 turns stress off)",
            ),
            Accepted::Seconds => f.write_str("a whole number of seconds, at least 1"),
            Accepted::Size { min, max } => write!(
                f,
                "a size in bytes, or with a K, M or G suffix, from {} to {}",
                show_size(*min),
                show_size(*max)
            ),
        }
    }
}

/// `64K`, `1M`, `4G`: a size as the options accept it.
fn show_size(n: usize) -> String {
    for (unit, shift) in [("G", 30), ("M", 20), ("K", 10)] {
        if n >= 1 << shift && n % (1 << shift) == 0 {
            return format!("{}{unit}", n >> shift);
        }
    }
    n.to_string()
}

/// A GC option with a value it does not accept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GcOptionError {
    /// The option or environment variable (`OSPREY_GC`, `--gc-heap-limit`).
    pub name: &'static str,
    /// Its value.
    pub value: String,
    /// What it accepts.
    pub accepted: Accepted,
}

impl std::fmt::Display for GcOptionError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}={:?} is not valid: {} accepts {}",
            self.name, self.value, self.name, self.accepted
        )
    }
}

impl std::error::Error for GcOptionError {}

/// The collector's configuration (docs/gc.md lists the variables).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GcOptions {
    /// The algorithm (`--gc=`, `OSPREY_GC`).
    pub kind: CollectorKind,
    /// Stress: 0 = off; N = collect at every Nth allocation and every Nth
    /// safepoint poll, moving every movable object (`OSPREY_GCSTRESS`).
    pub stress: u32,
    /// Verify the heap after every collection (`OSPREY_GC_VERIFY`; on
    /// under stress).
    pub verify: bool,
    /// The most bytes the heap may hold (`--gc-heap-limit`, `OSPREY_GC_HEAP_LIMIT`).
    pub heap_limit: usize,
    /// Bytes of nursery (generational; `OSPREY_GC_NURSERY`).
    pub nursery: usize,
    /// Log every collection to stderr, and a summary at exit (`OSPREY_GC_LOG`).
    pub log: bool,
}

impl Default for GcOptions {
    fn default() -> GcOptions {
        GcOptions {
            kind: CollectorKind::default(),
            stress: 0,
            verify: false,
            heap_limit: 4 << 30,
            nursery: 4 << 20,
            log: false,
        }
    }
}

/// Parses a byte count with an optional K/M/G suffix.
pub fn parse_size(s: &str) -> Option<usize> {
    let s = s.trim();
    let (digits, mult) = match s.chars().last()? {
        'k' | 'K' => (&s[..s.len() - 1], 1usize << 10),
        'm' | 'M' => (&s[..s.len() - 1], 1 << 20),
        'g' | 'G' => (&s[..s.len() - 1], 1 << 30),
        _ => (s, 1),
    };
    digits.parse::<usize>().ok()?.checked_mul(mult)
}

/// The collector named by option `name`.
pub fn parse_collector(name: &'static str, value: &str) -> Result<CollectorKind, GcOptionError> {
    CollectorKind::parse(value).ok_or_else(|| GcOptionError {
        name,
        value: value.to_string(),
        accepted: Accepted::Collector,
    })
}

/// The heap limit given by option `name`.
pub fn parse_heap_limit(name: &'static str, value: &str) -> Result<usize, GcOptionError> {
    parse_bounded_size(name, value, MIN_HEAP_LIMIT, MAX_HEAP_LIMIT)
}

fn parse_bounded_size(
    name: &'static str,
    value: &str,
    min: usize,
    max: usize,
) -> Result<usize, GcOptionError> {
    parse_size(value)
        .filter(|n| (min..=max).contains(n))
        .ok_or_else(|| GcOptionError {
            name,
            value: value.to_string(),
            accepted: Accepted::Size { min, max },
        })
}

impl GcOptions {
    /// Applies the environment variables (through the kernel) over `self`.
    pub fn apply_env(&mut self, os: &Os) -> Result<(), GcOptionError> {
        self.apply_vars(|name| os.environment_variable(name).ok().flatten())
    }

    /// Applies the variables `var` returns over `self`.
    pub fn apply_vars(
        &mut self,
        var: impl Fn(&str) -> Option<String>,
    ) -> Result<(), GcOptionError> {
        if let Some(v) = var("OSPREY_GC") {
            self.kind = parse_collector("OSPREY_GC", &v)?;
        }
        if let Some(v) = var("OSPREY_GCSTRESS") {
            self.stress = v.trim().parse().map_err(|_| GcOptionError {
                name: "OSPREY_GCSTRESS",
                value: v.clone(),
                accepted: Accepted::Interval,
            })?;
        }
        if let Some(v) = var("OSPREY_GC_VERIFY") {
            self.verify = v.trim() != "0";
        }
        if let Some(v) = var("OSPREY_GC_HEAP_LIMIT") {
            self.heap_limit = parse_heap_limit("OSPREY_GC_HEAP_LIMIT", &v)?;
        }
        if let Some(v) = var("OSPREY_GC_NURSERY") {
            self.nursery = parse_bounded_size("OSPREY_GC_NURSERY", &v, MIN_NURSERY, MAX_NURSERY)?;
        }
        if let Some(v) = var("OSPREY_GC_LOG") {
            self.log = v.trim() != "0";
        }
        if self.stress != 0 {
            self.verify = true;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn apply(vars: &[(&str, &str)]) -> Result<GcOptions, GcOptionError> {
        let mut o = GcOptions::default();
        o.apply_vars(|n| {
            vars.iter()
                .find(|(k, _)| *k == n)
                .map(|(_, v)| v.to_string())
        })?;
        Ok(o)
    }

    #[test]
    fn good_values_apply() {
        let o = apply(&[
            ("OSPREY_GC", "marksweep"),
            ("OSPREY_GCSTRESS", "1"),
            ("OSPREY_GC_NURSERY", "32K"),
            ("OSPREY_GC_HEAP_LIMIT", "1M"),
        ])
        .unwrap();
        assert_eq!(o.kind, CollectorKind::MarkSweep);
        assert_eq!((o.stress, o.verify), (1, true));
        assert_eq!((o.nursery, o.heap_limit), (32 << 10, 1 << 20));
    }

    #[test]
    fn bad_values_name_the_variable_and_what_it_accepts() {
        for (var, value, accepts) in [
            ("OSPREY_GC", "bogus", "generational or marksweep"),
            ("OSPREY_GCSTRESS", "often", "a whole number N"),
            ("OSPREY_GCSTRESS", "-1", "a whole number N"),
            ("OSPREY_GC_NURSERY", "0", "from 32K to 4G"),
            ("OSPREY_GC_NURSERY", "1T", "from 32K to 4G"),
            ("OSPREY_GC_NURSERY", "100G", "from 32K to 4G"),
            ("OSPREY_GC_HEAP_LIMIT", "lots", "from 1M to 1024G"),
            ("OSPREY_GC_HEAP_LIMIT", "0", "from 1M to 1024G"),
        ] {
            let e = apply(&[(var, value)]).unwrap_err();
            let text = e.to_string();
            assert_eq!(e.name, var);
            assert!(
                text.starts_with(&format!("{var}={value:?} is not valid: {var} accepts")),
                "{text}"
            );
            assert!(text.contains(accepts), "{text}");
        }
    }
}
