//! The runtime's side of the collector's interface ([`GcToRuntime`]): what
//! the collector, which imports nothing above its layer, asks of threads,
//! the stack walker and the finalizer runner.

use crate::gc::{GcToRuntime, Mutator, StackRoot};
use crate::stackwalk::enumerate_thread_roots;
use crate::thread::Thread;

/// The one implementation, handed to every runtime's collector.
pub(crate) static GC_TO_RUNTIME: RuntimeForGc = RuntimeForGc;

/// See the module documentation.
pub(crate) struct RuntimeForGc;

impl GcToRuntime for RuntimeForGc {
    unsafe fn scan_thread_roots(&self, mutator: *mut Mutator, report: &mut dyn FnMut(StackRoot)) {
        // SAFETY: the collector registers only the mutators embedded in
        // thread records (`Runtime::new_thread`), which stay registered
        // while alive; the caller's contract makes the thread walkable.
        let thread = unsafe { &mut *Thread::from_mutator(mutator) };
        enumerate_thread_roots(thread, report);
    }

    fn runs_managed_code(&self, mutator: &Mutator) -> bool {
        // SAFETY: as above: a registered mutator is a live record's.
        let thread = unsafe { &*Thread::from_mutator(mutator as *const Mutator as *mut Mutator) };
        thread.entry_sp != 0
    }

    fn run_finalizer(&self, mutator: &mut Mutator, obj: crate::object::ObjectRef) -> bool {
        // SAFETY: as above.
        let thread = unsafe { &mut *Thread::from_mutator(mutator) };
        let obj = thread.root_table().root_raw(obj);
        match super::run_finalizer(thread, &obj) {
            Ok(()) => true,
            Err(e) => {
                let rt = thread.runtime();
                rt.report_unhandled(thread, e, super::UNHANDLED_FINALIZER_EXIT_CODE);
                false
            }
        }
    }
}
