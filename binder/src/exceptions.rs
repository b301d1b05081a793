//! The managed exceptions the runtime raises, listed once (CoreCLR's
//! `rexcep.h`): each kind with its corelib type (namespace and name) and
//! the message it carries when native code gives none.
//!
//! Native code never spells an exception's type name: the VM raises
//! `RuntimeError::managed(ExceptionKind::InvalidCast, None)`, a QCall
//! returns `QCallError::new(ExceptionKind::InvalidOperation, ..)`. A test
//! in `vm/tests/internal_calls.rs` checks that every kind names a corelib
//! class deriving from `System.Exception`.

/// Expands the table below into [`ExceptionKind`] and its mappings. A row
/// without a message gets `System.Exception`'s default text for the type
/// (`Exception of type 'System.TypeLoadException' was thrown.`).
macro_rules! exception_kinds {
    ($( $(#[$doc:meta])* $kind:ident = $ns:literal $name:literal $( => $message:literal )?; )*) => {
        /// A managed exception the runtime raises (see the module docs).
        #[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum ExceptionKind {
            $( $(#[$doc])* $kind, )*
        }

        impl ExceptionKind {
            /// Every kind, in declaration order.
            pub const ALL: &'static [ExceptionKind] = &[ $( ExceptionKind::$kind ),* ];

            /// The corelib type's namespace (`System`, `System.Threading`).
            pub const fn namespace(self) -> &'static str {
                match self { $( ExceptionKind::$kind => $ns, )* }
            }

            /// The corelib type's name within its namespace
            /// (`NullReferenceException`).
            pub const fn name(self) -> &'static str {
                match self { $( ExceptionKind::$kind => $name, )* }
            }

            /// The corelib type's full name (`System.NullReferenceException`).
            pub const fn full_name(self) -> &'static str {
                match self { $( ExceptionKind::$kind => concat!($ns, ".", $name), )* }
            }

            /// The message of an exception of this kind raised without one.
            pub const fn default_message(self) -> &'static str {
                match self {
                    $( ExceptionKind::$kind => exception_kinds!(@message $ns $name $( $message )?), )*
                }
            }
        }
    };
    (@message $ns:literal $name:literal $message:literal) => { $message };
    (@message $ns:literal $name:literal) => {
        concat!("Exception of type '", $ns, ".", $name, "' was thrown.")
    };
}

exception_kinds! {
    /// `System.Exception`, the base of them all.
    Exception = "System" "Exception";
    /// A null reference dereferenced. The message is mono's runtime's (its
    /// hardware-fault path), without the period .NET's text has; where mono
    /// checks explicitly and raises through the constructor, the runtime
    /// passes [`ExceptionKind::NULL_REFERENCE_CONSTRUCTOR_MESSAGE`].
    NullReference = "System" "NullReferenceException"
        => "Object reference not set to an instance of an object";
    /// An array index outside the array's bounds.
    IndexOutOfRange = "System" "IndexOutOfRangeException"
        => "Index was outside the bounds of the array.";
    /// Integer division (or remainder) by zero.
    DivideByZero = "System" "DivideByZeroException" => "Attempted to divide by zero.";
    /// Checked arithmetic, `conv.ovf.*`, `int.MinValue / -1`, a negative
    /// array length.
    Overflow = "System" "OverflowException" => "Arithmetic operation resulted in an overflow.";
    /// `ckfinite` of an infinity or NaN.
    Arithmetic = "System" "ArithmeticException";
    /// `castclass`, `unbox` of the wrong type.
    InvalidCast = "System" "InvalidCastException" => "Specified cast is not valid.";
    /// A store into a covariant array of an incompatible element.
    ArrayTypeMismatch = "System" "ArrayTypeMismatchException"
        => "Attempted to access an element as a type incompatible with the array.";
    /// The heap (or another resource the runtime allocates) is exhausted.
    OutOfMemory = "System" "OutOfMemoryException"
        => "Insufficient memory to continue the execution of the program.";
    /// An argument that is not valid.
    Argument = "System" "ArgumentException" => "Value does not fall within the expected range.";
    /// A null argument that must not be null.
    ArgumentNull = "System" "ArgumentNullException" => "Value cannot be null.";
    /// An argument outside its range.
    ArgumentOutOfRange = "System" "ArgumentOutOfRangeException"
        => "Specified argument was out of the range of valid values.";
    /// A call not valid in the object's (or the runtime's) state.
    InvalidOperation = "System" "InvalidOperationException"
        => "Operation is not valid due to the current state of the object.";
    /// Something the runtime does not support.
    NotSupported = "System" "NotSupportedException" => "Specified method is not supported.";
    /// A string that does not parse.
    Format = "System" "FormatException" => "Invalid format.";
    /// A use of a disposed object (a closed kernel handle).
    ObjectDisposed = "System" "ObjectDisposedException";
    /// `newobj` of an abstract class or interface.
    MemberAccess = "System" "MemberAccessException";
    /// A method that does not exist (or has no body) where it is called.
    MissingMethod = "System" "MissingMethodException";
    /// A field that does not exist where it is used.
    MissingField = "System" "MissingFieldException";
    /// A type that does not load.
    TypeLoad = "System" "TypeLoadException";
    /// A type initializer threw (the inner exception is what it threw).
    TypeInitialization = "System" "TypeInitializationException";
    /// Malformed metadata or a malformed P/Invoke import.
    BadImageFormat = "System" "BadImageFormatException";
    /// IL the runtime cannot compile (invalid IL).
    InvalidProgram = "System" "InvalidProgramException";
    /// Unverifiable IL where verifiable code is required, or a generic
    /// method's constraint violated.
    Verification = "System.Security" "VerificationException";
    /// An interface method a receiver does not implement, an abstract
    /// method called, a native symbol not found.
    EntryPointNotFound = "System" "EntryPointNotFoundException";
    /// A native library that does not load.
    DllNotFound = "System" "DllNotFoundException";
    /// A P/Invoke or callback signature the marshaler cannot handle.
    MarshalDirective = "System.Runtime.InteropServices" "MarshalDirectiveException";
    /// A failure in native code (a QCall that panicked).
    External = "System.Runtime.InteropServices" "ExternalException";
    /// A thread operation not valid in the thread's state.
    ThreadState = "System.Threading" "ThreadStateException";
    /// `Monitor.Exit` (or `Wait`, `Pulse`) by a thread that does not own the lock.
    SynchronizationLock = "System.Threading" "SynchronizationLockException";
    /// A file that does not exist.
    FileNotFound = "System.IO" "FileNotFoundException";
}

impl ExceptionKind {
    /// `NullReferenceException`'s message where mono raises it through the
    /// exception's constructor (`ldflda` on null, delegate construction):
    /// .NET's text, with a period.
    pub const NULL_REFERENCE_CONSTRUCTOR_MESSAGE: &'static str =
        "Object reference not set to an instance of an object.";

    /// The kind whose corelib type is `full_name`
    /// (`System.InvalidCastException`), if the runtime raises that type.
    pub fn from_full_name(full_name: &str) -> Option<ExceptionKind> {
        Self::ALL
            .iter()
            .copied()
            .find(|k| k.full_name() == full_name)
    }
}

#[cfg(test)]
mod tests {
    use super::ExceptionKind;

    #[test]
    fn names_round_trip_and_are_distinct() {
        for (i, k) in ExceptionKind::ALL.iter().enumerate() {
            assert_eq!(ExceptionKind::from_full_name(k.full_name()), Some(*k));
            assert!(k.name().ends_with("Exception"), "{k:?}");
            assert!(!ExceptionKind::ALL[..i]
                .iter()
                .any(|o| o.full_name() == k.full_name()));
        }
        assert_eq!(ExceptionKind::from_full_name("System.String"), None);
    }

    #[test]
    fn messages_default_to_system_exceptions_text() {
        assert_eq!(
            ExceptionKind::TypeLoad.default_message(),
            "Exception of type 'System.TypeLoadException' was thrown."
        );
        assert_eq!(
            ExceptionKind::Verification.full_name(),
            "System.Security.VerificationException"
        );
        assert_eq!(
            ExceptionKind::InvalidCast.default_message(),
            "Specified cast is not valid."
        );
    }
}
