//! Why the optimizing tier declines a method ([`DeclineReason`]): each
//! reason is one thing the tier does not compile (yet); the baseline tier
//! compiles the method instead. `OSPREY_JIT_STATS=1` counts the declines
//! per reason, so the suite shows which forms are worth accepting next.

/// One reason the optimizing tier leaves a method to the baseline tier.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum DeclineReason {
    /// The method has exception-handling clauses.
    ExceptionClauses,
    /// The method needs a class-initialization lookup (shared code).
    ClassInitLookup,
    /// An argument of a value type.
    ValueTypeArgument,
    /// An argument whose address is taken (`ldarga`).
    AddressTakenArgument,
    /// A value-type return.
    ValueTypeReturn,
    /// A local of a value type.
    ValueTypeLocal,
    /// A local whose address is taken (`ldloca`).
    AddressTakenLocal,
    /// A pinned local (`fixed`).
    PinnedLocal,
    /// The method has no reachable code.
    NoCode,
    /// A branch into the middle of a block.
    BranchToNonBlock,
    /// Control falls off the end of the method.
    FallsOffEnd,
    /// A conditional branch or switch as the method's last instruction.
    BranchAtEnd,
    /// A store of a value type.
    ValueTypeStore,
    /// A store of one stack type as a location type it does not convert to.
    StoreConversion,
    /// A constrained call (`constrained. T callvirt`).
    ConstrainedCall,
    /// A class-initialization check at the call site.
    CallerClassInitCheck,
    /// A field of a value type (`ldfld`/`stfld` of a struct-typed field).
    ValueTypeField,
    /// A static field of a value type.
    ValueTypeStatic,
    /// An indirect load of a value type (`ldobj`).
    ValueTypeLoad,
    /// `ldelema` that must check the exact element type.
    LdelemaExactCheck,
    /// An array element of a value type.
    ValueTypeElement,
    /// `box` of a struct (not a primitive).
    BoxStruct,
    /// `unbox.any` of a struct.
    UnboxStruct,
    /// A field of a value on the evaluation stack (not through a reference).
    FieldOfStackValue,
    /// A static field found by a runtime lookup (shared generic code).
    RuntimeLookupStatic,
    /// A call of a kind the tier does not emit (P/Invoke, delegate, `calli`).
    CallKind,
    /// A call whose result is a value type.
    ValueTypeResult,
    /// `newobj` of a value type, an array or a delegate.
    NewobjKind,
    /// A runtime lookup (shared generic code).
    RuntimeLookup,
    /// A value type on the evaluation stack.
    ValueTypeOnStack,
    /// Floating-point remainder.
    FloatRemainder,
    /// An FCall with more arguments than argument registers.
    FCallStackArgs,
    /// An importer op the tier has no translation for (its name).
    Op(String),
}

impl std::fmt::Display for DeclineReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use DeclineReason as D;
        let text = match self {
            D::ExceptionClauses => "exception handling clauses",
            D::ClassInitLookup => "a class-initialization lookup",
            D::ValueTypeArgument => "a value-type argument",
            D::AddressTakenArgument => "an address-taken argument",
            D::ValueTypeReturn => "a value-type return",
            D::ValueTypeLocal => "a value-type local",
            D::AddressTakenLocal => "an address-taken local",
            D::PinnedLocal => "a pinned local",
            D::NoCode => "no code",
            D::BranchToNonBlock => "a branch to a non-block",
            D::FallsOffEnd => "control falls off the end",
            D::BranchAtEnd => "a branch or switch at the end",
            D::ValueTypeStore => "a value-type store",
            D::StoreConversion => "a store needing an unsupported conversion",
            D::ConstrainedCall => "a constrained call",
            D::CallerClassInitCheck => "a caller-side class-initialization check",
            D::ValueTypeField => "a value-type field",
            D::ValueTypeStatic => "a value-type static",
            D::ValueTypeLoad => "a value-type load",
            D::LdelemaExactCheck => "ldelema with an exact-element check",
            D::ValueTypeElement => "a value-type element",
            D::BoxStruct => "boxing a struct",
            D::UnboxStruct => "unboxing a struct",
            D::FieldOfStackValue => "a field of a value on the stack",
            D::RuntimeLookupStatic => "a static field found by a runtime lookup",
            D::CallKind => "a call of this kind",
            D::ValueTypeResult => "a value-type result",
            D::NewobjKind => "newobj of a value type, array or delegate",
            D::RuntimeLookup => "a runtime lookup",
            D::ValueTypeOnStack => "a value type on the stack",
            D::FloatRemainder => "floating-point remainder",
            D::FCallStackArgs => "an FCall with stack arguments",
            D::Op(name) => return write!(f, "the op {name}"),
        };
        f.write_str(text)
    }
}
