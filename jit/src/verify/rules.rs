//! The rules the verifier checks, and what breaking each one means.
//!
//! Every rule belongs to one [`RuleClass`]. Type-safety rules hold for all
//! code the runtime does not trust, whatever its permissions: breaking one
//! lets a value be used as a type it is not, with no runtime check to stop
//! it (a field of one class written into an object of another), so it is
//! invalid IL. The other rules are ECMA-335's verifiability rules: code that
//! breaks them can still run, with only the safety the runtime's own checks
//! give, and only where the policy allows unverifiable code.

/// How a rule is enforced (see the module documentation).
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RuleClass {
    /// Breaking it would corrupt memory: always invalid IL.
    TypeSafety,
    /// ECMA-335 verifiability (byref escapes, uninitialized `this`, the
    /// delegate construction pattern, ...).
    Verifiability,
    /// Unsafe code: pointers, `localloc`, block operations, managed
    /// pointers as integers. What `unsafe` C# compiles to.
    UnsafeCode,
}

macro_rules! rules {
    ($($(#[$doc:meta])* $name:ident = $class:ident, $text:literal;)*) => {
        /// One verification rule. Its [`Rule::name`] is what error messages
        /// show; docs/verification.md lists them all with their tests.
        #[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
        pub enum Rule {
            $($(#[$doc])* $name,)*
        }

        impl Rule {
            /// Every rule, in documentation order.
            pub const ALL: &'static [Rule] = &[$(Rule::$name,)*];

            /// How the rule is enforced.
            pub fn class(self) -> RuleClass {
                match self {
                    $(Rule::$name => RuleClass::$class,)*
                }
            }

            /// The rule's name, as error messages print it.
            pub fn name(self) -> &'static str {
                match self {
                    $(Rule::$name => $text,)*
                }
            }
        }
    };
}

rules! {
    /// The object operand of `ldfld`/`ldflda`/`stfld` is not of the field's
    /// declaring type (or a managed pointer to it).
    FieldOwner = TypeSafety, "field access on an object of another type";
    /// The `this` argument of a call is not of the method's declaring type.
    ThisType = TypeSafety, "call on an object of another type";
    /// An argument does not fit its parameter's type.
    ArgumentType = TypeSafety, "argument of the wrong type";
    /// A value stored into a local, argument, field, static, array element
    /// or returned does not fit the location's type.
    StoreType = TypeSafety, "value of the wrong type stored";
    /// `ldind`/`stind`/`ldobj`/`stobj`/`initobj`/`cpobj` through a managed
    /// pointer whose target is of another type.
    PointerTarget = TypeSafety, "access through a managed pointer to another type";
    /// `ldelem`/`stelem`/`ldelema`/`ldlen` on something that is not an
    /// array, or whose elements are of another type.
    ArrayElement = TypeSafety, "array access of the wrong element type";
    /// Values of incompatible types meet where control flow merges
    /// (managed pointers to different types, different value types).
    MergeType = TypeSafety, "incompatible types where control flow merges";
    /// A delegate over a method whose signature or target does not fit the
    /// delegate type.
    DelegateSignature = TypeSafety, "delegate over a method of another signature";
    /// `callvirt` of a static method; `box`/`unbox` of the wrong kind of type.
    InstructionKind = TypeSafety, "instruction applied to the wrong kind of member or type";
    /// A branch, a `leave` or falling through enters or leaves a protected
    /// block, handler or filter other than as ECMA-335 allows.
    ExceptionRegion = TypeSafety, "control transfer into or out of an exception region";
    /// `calli` through a function pointer from `ldftn`/`ldvirtftn` whose
    /// method's signature is not the call site's.
    CalliSignature = TypeSafety, "calli through a function pointer of another signature";

    /// A managed pointer into the method's own frame is returned, or passed
    /// to a `tail.` call.
    ByRefEscape = Verifiability, "managed pointer to the method's own frame escapes it";
    /// A write through a read-only managed pointer (`readonly. ldelema`).
    ReadOnlyPointer = Verifiability, "write through a read-only managed pointer";
    /// An `initonly` field written, or its address taken, outside a
    /// constructor of its type.
    InitOnlyField = Verifiability, "initonly field written outside its constructor";
    /// In a constructor, `this` used before the base constructor is called,
    /// or the constructor returns without calling it.
    UninitializedThis = Verifiability, "use of this before the base constructor runs";
    /// A class constructor called other than as the base (or sibling)
    /// constructor of the constructor running.
    ConstructorCall = Verifiability, "constructor called outside object construction";
    /// A non-virtual call (or `ldftn`) of a virtual method on an object
    /// other than an unmodified `this`.
    NonVirtualCall = Verifiability, "non-virtual call of a virtual method on another object";
    /// A function pointer from `ldftn`/`ldvirtftn` used other than by the
    /// delegate constructor immediately after it.
    DelegatePattern = Verifiability, "function pointer used outside the delegate construction pattern";
    /// `call` of an abstract method, or `newobj` of an abstract class.
    AbstractMember = Verifiability, "call of an abstract method";
    /// `callvirt` of a method of a value type, without `constrained.`.
    ValueTypeCallvirt = Verifiability, "callvirt of a value type's method";
    /// An object or argument of an interface type that may not implement it
    /// (interface calls check the receiver at run time).
    InterfaceType = Verifiability, "value may not implement the interface";
    /// A `tail.` call whose result does not fit, or that is not followed by `ret`.
    TailCall = Verifiability, "tail call that cannot replace the caller";
    /// A prefix on an instruction it does not apply to.
    Prefix = Verifiability, "misplaced prefix";
    /// `endfilter` that does not end its filter, or `rethrow` outside the
    /// innermost catch handler.
    HandlerExit = Verifiability, "handler exit instruction out of place";
    /// Numbers of different kinds mixed (`int32` with `int64`), or object
    /// references compared for order.
    NumericType = Verifiability, "operands of different numeric kinds";
    /// A value whose type the verifier cannot know.
    UnknownType = Verifiability, "value of a type the verifier cannot track";

    /// An unmanaged pointer dereferenced, or a managed pointer used as an
    /// integer (or the other way round), or managed-pointer arithmetic.
    Pointer = UnsafeCode, "unmanaged pointer or managed pointer arithmetic";
    /// `localloc` (`stackalloc`).
    Localloc = UnsafeCode, "localloc";
    /// `cpblk`, `initblk`.
    BlockOperation = UnsafeCode, "block memory operation";
    /// `calli` through a function pointer the verifier cannot trace to an
    /// `ldftn`/`ldvirtftn` of a method of the same signature (a native
    /// int), or with an unmanaged calling convention.
    Calli = UnsafeCode, "calli through an untracked or unmanaged function pointer";
}

impl std::fmt::Display for Rule {
    /// The rule's [`Rule::name`].
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// One broken rule at one instruction.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Violation {
    /// The rule.
    pub rule: Rule,
    /// What exactly is wrong (types, members).
    pub detail: String,
}

impl Violation {
    /// A violation of `rule`.
    pub fn new(rule: Rule, detail: impl Into<String>) -> Violation {
        Violation {
            rule,
            detail: detail.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every rule has a row in docs/verification.md's table (its class and
    /// name as messages print them) naming at least one case of
    /// tests/il/verify-rules.il, and tests/verify.rs checks that case.
    #[test]
    fn every_rule_is_documented_and_tested() {
        let docs = include_str!("../../../docs/verification.md");
        let il = include_str!("../../../tests/il/verify-rules.il");
        let tests = include_str!("../../../tests/verify.rs");
        for &rule in Rule::ALL {
            let class = match rule.class() {
                RuleClass::TypeSafety => "type safety",
                RuleClass::Verifiability => "verifiability",
                RuleClass::UnsafeCode => "unsafe code",
            };
            let row = docs
                .lines()
                .find(|l| l.starts_with(&format!("| {class} | {} | ", rule.name())))
                .unwrap_or_else(|| panic!("{rule:?}: no row in docs/verification.md"));
            let cases: Vec<&str> = row
                .split(" | ")
                .nth(2)
                .unwrap_or("")
                .split(", ")
                .map(|c| c.trim_matches('`'))
                .filter(|c| !c.is_empty())
                .collect();
            assert!(!cases.is_empty(), "{rule:?}: no case in its row");
            for case in cases {
                assert!(
                    il.contains(&format!("call void Cases::{case}()")),
                    "{rule:?}: case {case} is not in tests/il/verify-rules.il"
                );
                assert!(
                    tests.contains(&format!("\"{case}\",")),
                    "{rule:?}: case {case} is not checked by tests/verify.rs"
                );
            }
        }
    }
}
