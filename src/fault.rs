//! Faults: the one the program recovers from, and the ones it cannot.
//!
//! Cache files are read in place from memory maps. A file truncated or
//! rewritten in place while mapped (`cp` or `rsync --inplace` over it, a
//! backup restore, another machine on NFS) makes the kernel raise SIGBUS on
//! the next read of a page that is gone. The handler here answers a SIGBUS
//! inside a registered mapping by laying zero pages over the whole mapping
//! and returning: the read is done again and finds zeros, which every reader
//! of the cache takes as "nothing here" (a case's checksum fails and its file
//! is read again; the search index finds nothing in it), and the mapping is
//! marked changed ([`Guard::changed`]).
//!
//! Any other SIGSEGV, SIGBUS, SIGILL, SIGFPE or SIGABRT ends the program, as
//! before; the hook set with [`on_fatal`] (the browser's: put the terminal
//! back) runs first, and then the handler that was there before (Rust's, which
//! reports a stack overflow) or the default action. Everything done in the
//! handler is async-signal-safe: atomics, `mmap`, `write`, `tcsetattr`,
//! `sigaction` and `raise`.

use std::sync::Once;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// How many mappings can be watched at once (two per cached directory).
const SLOTS: usize = 1024;

#[allow(clippy::declare_interior_mutable_const)]
const EMPTY: AtomicUsize = AtomicUsize::new(0);
#[allow(clippy::declare_interior_mutable_const)]
const CLEAN: AtomicBool = AtomicBool::new(false);
/// Each watched mapping's start (0: a free slot) and length.
static STARTS: [AtomicUsize; SLOTS] = [EMPTY; SLOTS];
static LENS: [AtomicUsize; SLOTS] = [EMPTY; SLOTS];
/// Whether the mapping in the slot was replaced by zeros.
static ZEROED: [AtomicBool; SLOTS] = [CLEAN; SLOTS];
/// The hook run before the program dies of a fault (a `fn()` as usize; 0: none).
static ON_FATAL: AtomicUsize = AtomicUsize::new(0);

const SIGNALS: [libc::c_int; 5] = [
    libc::SIGBUS,
    libc::SIGSEGV,
    libc::SIGILL,
    libc::SIGFPE,
    libc::SIGABRT,
];

static INSTALL: Once = Once::new();
/// The handlers there before ours, by position in [`SIGNALS`]; written once,
/// before ours is installed, and only read after.
static mut PREVIOUS: [Option<libc::sigaction>; SIGNALS.len()] = [None; SIGNALS.len()];

/// A watched mapping; dropping it stops watching (drop it before unmapping).
#[derive(Debug)]
pub struct Guard {
    slot: Option<usize>,
}

impl Guard {
    /// Whether the file changed under the mapping and its contents were
    /// replaced by zeros.
    pub fn changed(&self) -> bool {
        self.slot
            .is_some_and(|slot| ZEROED[slot].load(Ordering::SeqCst))
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        if let Some(slot) = self.slot {
            LENS[slot].store(0, Ordering::SeqCst);
            ZEROED[slot].store(false, Ordering::SeqCst);
            STARTS[slot].store(0, Ordering::SeqCst);
        }
    }
}

/// Watches the mapping of `len` bytes at `start`: a SIGBUS in it no longer
/// ends the program (see the module docs).
pub fn watch(start: *const u8, len: usize) -> Guard {
    install();
    let start = start as usize;
    if start == 0 || len == 0 {
        return Guard { slot: None };
    }
    for slot in 0..SLOTS {
        if STARTS[slot]
            .compare_exchange(0, usize::MAX, Ordering::SeqCst, Ordering::SeqCst)
            .is_ok()
        {
            ZEROED[slot].store(false, Ordering::SeqCst);
            LENS[slot].store(len, Ordering::SeqCst);
            STARTS[slot].store(start, Ordering::SeqCst);
            return Guard { slot: Some(slot) };
        }
    }
    Guard { slot: None }
}

/// Runs `hook` before the program dies of a fault. It must be
/// async-signal-safe.
pub fn on_fatal(hook: fn()) {
    install();
    ON_FATAL.store(hook as *const () as usize, Ordering::SeqCst);
}

fn install() {
    INSTALL.call_once(|| {
        for (i, &sig) in SIGNALS.iter().enumerate() {
            // SAFETY: sigaction with a zeroed, then filled, struct; our
            // handler is async-signal-safe (see the module docs). PREVIOUS is
            // written here only, inside call_once, before the handler that
            // reads it is installed.
            unsafe {
                let mut action: libc::sigaction = std::mem::zeroed();
                action.sa_sigaction = handler as *const () as usize;
                action.sa_flags = libc::SA_SIGINFO | libc::SA_ONSTACK;
                libc::sigemptyset(&mut action.sa_mask);
                let mut previous: libc::sigaction = std::mem::zeroed();
                if libc::sigaction(sig, std::ptr::null(), &mut previous) == 0 {
                    (*std::ptr::addr_of_mut!(PREVIOUS))[i] = Some(previous);
                }
                libc::sigaction(sig, &action, std::ptr::null_mut());
            }
        }
    });
}

extern "C" fn handler(sig: libc::c_int, info: *mut libc::siginfo_t, context: *mut libc::c_void) {
    // SAFETY: the kernel passes a valid siginfo to an SA_SIGINFO handler.
    let (code, addr) = unsafe { ((*info).si_code, (*info).si_addr() as usize) };
    // A fault raised by the kernel (not a signal sent by a process).
    let fault = code > 0;
    if sig == libc::SIGBUS && fault && zero_out(addr) {
        return;
    }
    let hook = ON_FATAL.load(Ordering::SeqCst);
    if hook != 0 {
        // SAFETY: only `fn()` values are stored (see on_fatal).
        let hook: fn() = unsafe { std::mem::transmute::<usize, fn()>(hook) };
        hook();
    }
    let at = SIGNALS.iter().position(|&s| s == sig);
    // SAFETY: PREVIOUS is not written once handlers are installed.
    let previous = at.and_then(|i| unsafe { (*std::ptr::addr_of!(PREVIOUS))[i] });
    if fault
        && let Some(previous) = previous
        && previous.sa_sigaction != libc::SIG_DFL
        && previous.sa_sigaction != libc::SIG_IGN
        && previous.sa_flags & libc::SA_SIGINFO != 0
    {
        // Rust's own handler: it reports a stack overflow, or restores the
        // default action so that the fault, raised again, ends the program.
        // SAFETY: a handler installed with SA_SIGINFO takes these arguments.
        let previous: extern "C" fn(libc::c_int, *mut libc::siginfo_t, *mut libc::c_void) =
            unsafe { std::mem::transmute(previous.sa_sigaction) };
        previous(sig, info, context);
        return;
    }
    // SAFETY: back to the default action, then the signal again: it is
    // delivered when the handler returns, and ends the program.
    unsafe {
        libc::signal(sig, libc::SIG_DFL);
        libc::raise(sig);
    }
}

/// Lays zero pages over the watched mapping that holds `addr`; false when
/// no watched mapping does.
fn zero_out(addr: usize) -> bool {
    for slot in 0..SLOTS {
        let start = STARTS[slot].load(Ordering::SeqCst);
        if start == 0 || start == usize::MAX {
            continue;
        }
        let len = LENS[slot].load(Ordering::SeqCst);
        if addr < start || addr >= start.saturating_add(len) {
            continue;
        }
        // SAFETY: replaces, at the same address and size, a read-only mapping
        // this program made; readers see zeros instead of a fault.
        let done = unsafe {
            libc::mmap(
                start as *mut libc::c_void,
                len,
                libc::PROT_READ,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_FIXED,
                -1,
                0,
            )
        };
        if done == libc::MAP_FAILED {
            return false;
        }
        ZEROED[slot].store(true, Ordering::SeqCst);
        return true;
    }
    false
}
