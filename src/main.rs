// Loading parses thousands of small YAML trees on every core: mimalloc's
// per-thread heaps make that markedly cheaper than the system allocator
// (docs/performance.md: the cold and warm start-up tables).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::process::ExitCode;

/// `mi_option_purge_delay` in mimalloc's option enum (the same in its v2 and
/// v3 headers; pinned by the test below through its default, which mimalloc
/// v3's options.c sets to 1000 ms).
const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

fn main() -> ExitCode {
    // Freed memory goes back to the system after 200 ms rather than a second,
    // so a large casebook's peak stays near what the program holds (searching
    // 100,000 cases it kept 77 MB off the peak when measured; docs/development.md,
    // "Allocator: mimalloc"). Sooner costs time: at 50 ms the system calls
    // make a cold load slower than with the system allocator.
    // MIMALLOC_PURGE_DELAY in the environment still decides, for measuring.
    // SAFETY: sets a plain integer option; valid at any time.
    unsafe { libmimalloc_sys::mi_option_set_default(PURGE_DELAY, 200) };
    let code = casebook::cli::main();
    leave(code)
}

/// Ends the process now. Everything the program owes the user is done when
/// `cli::main` returns: output flushed (the output module writes through),
/// the terminal restored, temporary files removed. What remains is the
/// allocator handing every page back to the system and background work (the
/// browser's similar-case index) winding down, which the kernel does at once
/// on exit; waiting for it cost the browser up to 80 ms after its last frame.
fn leave(code: ExitCode) -> ExitCode {
    use std::io::Write;
    let Some(status) = (0..=255u8).find(|&c| ExitCode::from(c) == code) else {
        return code;
    };
    let _ = std::io::stdout().flush();
    let _ = std::io::stderr().flush();
    // SAFETY: `_exit` ends the process without running atexit handlers; no
    // handler of ours is registered, and Rust's own buffers were flushed above.
    unsafe { libc::_exit(i32::from(status)) }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_purge_delay_option_is_the_one_set() {
        // SAFETY: reads a plain integer option.
        assert_eq!(
            unsafe { libmimalloc_sys::mi_option_get(super::PURGE_DELAY) },
            1000
        );
    }
}
