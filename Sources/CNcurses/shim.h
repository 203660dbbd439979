/* CNcurses: the wide-character ncurses API as Swift can import it.
 *
 * Why this header exists (see docs/TERMINAL.md):
 * - SwiftPM drops pkg-config's -D_XOPEN_SOURCE, so the wide API (cchar_t, get_wch, setcchar) is only declared when
 *   NCURSES_WIDECHAR is defined here, before <ncurses.h>.
 * - Macros (A_BOLD, KEY_F(n), ...) are not imported, and globals such as stdscr, COLORS and stdout are rejected by
 *   Swift 6 strict concurrency; the static inline accessors below are the way in.
 * - cchar_t and struct sigaction are awkward from Swift (unions, platform-specific field names), so the few places
 *   that touch them live here as small helpers.
 */
#ifndef CNCURSES_SHIM_H
#define CNCURSES_SHIM_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <pthread.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <ncurses.h>
#include <term.h>

/* MARK: - Globals that Swift 6 cannot read directly */

static inline WINDOW *nc_stdscr(void) { return stdscr; }
static inline int nc_COLORS(void) { return COLORS; }
static inline int nc_COLOR_PAIRS(void) { return COLOR_PAIRS; }
static inline int nc_LINES(void) { return LINES; }
static inline int nc_COLS(void) { return COLS; }
static inline FILE *nc_stdout(void) { return stdout; }
static inline FILE *nc_stdin(void) { return stdin; }

/* MARK: - Macros that Swift does not import */

static inline attr_t nc_A_NORMAL(void) { return A_NORMAL; }
static inline attr_t nc_A_BOLD(void) { return A_BOLD; }
static inline attr_t nc_A_DIM(void) { return A_DIM; }
static inline attr_t nc_A_REVERSE(void) { return A_REVERSE; }
static inline attr_t nc_A_UNDERLINE(void) { return A_UNDERLINE; }
static inline int nc_KEY_F(int n) { return KEY_F(n); }

/* MARK: - Drawing */

/* Draws one cell at (y, x): `wch` is a NUL-terminated wide string holding one spacing character and at most a few
 * combining ones. setcchar rejects strings it cannot store (a leading non-printable, for instance); the cell then
 * falls back to the first character alone, and finally to '?', so one odd grapheme never leaves a hole. */
static inline int nc_put_cell(int y, int x, const wchar_t *wch, attr_t attrs, int pair) {
    cchar_t cell;
    if (setcchar(&cell, wch, attrs, (NCURSES_PAIRS_T)pair, NULL) != OK) {
        wchar_t single[2] = { wch[0], L'\0' };
        if (wch[0] == L'\0' || setcchar(&cell, single, attrs, (NCURSES_PAIRS_T)pair, NULL) != OK) {
            wchar_t fallback[2] = { L'?', L'\0' };
            if (setcchar(&cell, fallback, attrs, (NCURSES_PAIRS_T)pair, NULL) != OK) {
                return ERR;
            }
        }
    }
    return mvwadd_wch(stdscr, y, x, &cell);
}

/* MARK: - Terminal size */

/* The size the tty reports right now, for when ncurses' idea of it is stale (KEY_RESIZE without its own SIGWINCH
 * handler). Returns 0 on success. */
static inline int nc_tty_size(int fd, int *rows, int *cols) {
    struct winsize ws;
    if (ioctl(fd, TIOCGWINSZ, &ws) != 0 || ws.ws_row == 0 || ws.ws_col == 0) {
        return -1;
    }
    *rows = ws.ws_row;
    *cols = ws.ws_col;
    return 0;
}

/* MARK: - Locale */

/* The character set of the current locale (after setlocale), e.g. "UTF-8" or "ANSI_X3.4-1968". */
static inline const char *nc_codeset(void) { return nl_langinfo(CODESET); }

/* MARK: - Signals
 *
 * struct sigaction's handler is a union whose field names differ between glibc and Darwin; these helpers keep that
 * out of Swift. The state (saved actions, flags) lives in Swift so there is exactly one copy of it. */

/* Installs a plain handler with no flags: no SA_RESTART, so a blocking read is interrupted and the input loop sees
 * the quit flag promptly. Every signal is blocked while it runs, so a handler that ends the process is never
 * interrupted by another one on the same thread. */
static inline int nc_install_handler(int sig, void (*handler)(int), struct sigaction *previous) {
    struct sigaction action;
    sigfillset(&action.sa_mask);
    action.sa_flags = 0;
    action.sa_handler = handler;
    return sigaction(sig, &action, previous);
}

/* Installs an SA_SIGINFO handler running on the alternate stack if there is one (a stack overflow is a SIGSEGV with
 * no stack left to run a handler on). Every signal is blocked while it runs (a fault inside it is still fatal: the
 * kernel then applies the default action). */
static inline int nc_install_crash_handler(int sig, void (*handler)(int, siginfo_t *, void *),
                                           struct sigaction *previous) {
    struct sigaction action;
    sigfillset(&action.sa_mask);
    action.sa_flags = SA_SIGINFO | SA_ONSTACK;
    action.sa_sigaction = handler;
    return sigaction(sig, &action, previous);
}

/* True when a saved disposition is "ignore": a process started under nohup (or in the background by a shell without
 * job control) is meant to keep ignoring SIGHUP/SIGINT, so those are left alone. */
static inline int nc_handler_is_ignore(const struct sigaction *saved) {
    return !(saved->sa_flags & SA_SIGINFO) && saved->sa_handler == SIG_IGN;
}

/* Reads the current disposition of `sig` without changing it. */
static inline int nc_current_handler(int sig, struct sigaction *current) {
    return sigaction(sig, NULL, current);
}

/* Puts back a disposition saved by one of the install helpers. */
static inline int nc_restore_handler(int sig, const struct sigaction *saved) {
    return sigaction(sig, saved, NULL);
}

/* The real-time signals' range (SIGRTMIN and SIGRTMAX are macros that call into glibc, which Swift cannot import).
 * Their default action ends the process, so the live view handles them too. */
static inline int nc_sigrtmin(void) {
#ifdef SIGRTMIN
    return SIGRTMIN;
#else
    return 0;
#endif
}
static inline int nc_sigrtmax(void) {
#ifdef SIGRTMAX
    return SIGRTMAX;
#else
    return -1;
#endif
}

/* MARK: - Inside signal handlers
 *
 * Everything below is async-signal-safe: plain loads and stores, write(2), sigaction, pthread_sigmask, raise, pause,
 * _exit. The state they act on is owned by Swift (raw memory allocated before any handler is installed). */

/* Reads a flag shared with handlers that may run on another thread. */
static inline int nc_load_acquire(const volatile sig_atomic_t *slot) {
    return __atomic_load_n(slot, __ATOMIC_ACQUIRE);
}

/* Publishes a flag (and every store before it) to handlers that may run on another thread. */
static inline void nc_store_release(volatile sig_atomic_t *slot, int value) {
    __atomic_store_n(slot, value, __ATOMIC_RELEASE);
}

/* Sets a flag and returns what it held: exactly one of several racing callers sees the old value. */
static inline int nc_exchange(volatile sig_atomic_t *slot, int value) {
    return __atomic_exchange_n(slot, value, __ATOMIC_ACQ_REL);
}

/* Writes all `length` bytes to `fd`, retrying after EINTR and short writes; gives up on any other error. */
static inline void nc_write_all(int fd, const void *bytes, size_t length) {
    const char *next = (const char *)bytes;
    while (length > 0) {
        ssize_t written = write(fd, next, length);
        if (written < 0) {
            if (errno == EINTR) continue;
            return;
        }
        if (written == 0) return;
        next += written;
        length -= (size_t)written;
    }
}

/* Ends the process with `sig`'s own status (a shell shows 128 + sig): default disposition, raised, unblocked. Called
 * from a handler, where `sig` is blocked, so the raise stays pending until the unblock, and then kills at once. If the
 * process is still alive after that (PID 1 in a container ignores default-action signals), _exit(128 + sig). */
__attribute__((noreturn)) static inline void nc_die_of_signal(int sig) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    sigemptyset(&action.sa_mask);
    action.sa_handler = SIG_DFL;
    sigaction(sig, &action, NULL);
    raise(sig);
    sigset_t only;
    sigemptyset(&only);
    sigaddset(&only, sig);
    pthread_sigmask(SIG_UNBLOCK, &only, NULL);
    _exit(128 + sig);
}

/* Parks a thread that lost the race to end the process: the winner's exit takes it down. */
__attribute__((noreturn)) static inline void nc_wait_forever(void) {
    for (;;) pause();
}

/* Unblocks every signal: a process started from some test runners inherits SIGINT/SIGTERM/SIGHUP/SIGWINCH blocked,
 * and then neither quitting nor resizing works. */
static inline int nc_unblock_all_signals(void) {
    sigset_t empty;
    sigemptyset(&empty);
    return pthread_sigmask(SIG_SETMASK, &empty, NULL);
}

/* Gives the calling thread an alternate signal stack if it has none, so the crash handler can run after a stack
 * overflow. The stack is deliberately never freed: a handler may still run on it at any time. */
static inline int nc_ensure_alternate_stack(void) {
    stack_t current;
    if (sigaltstack(NULL, &current) != 0) return -1;
    if (!(current.ss_flags & SS_DISABLE)) return 0;
    size_t size = 64 * 1024;
    void *memory = malloc(size);
    if (memory == NULL) return -1;
    stack_t stack;
    stack.ss_sp = memory;
    stack.ss_size = size;
    stack.ss_flags = 0;
    return sigaltstack(&stack, NULL);
}

/* MARK: - Mouse
 *
 * The button masks are macros. The live view asks for presses, releases and the wheel (buttons 4 and 5), nothing
 * else: no click synthesis (mouseinterval(0)), no motion reports. */

static inline mmask_t nc_BUTTON1_PRESSED(void) { return BUTTON1_PRESSED; }
static inline mmask_t nc_BUTTON1_RELEASED(void) { return BUTTON1_RELEASED; }
static inline mmask_t nc_BUTTON2_PRESSED(void) { return BUTTON2_PRESSED; }
static inline mmask_t nc_BUTTON2_RELEASED(void) { return BUTTON2_RELEASED; }
static inline mmask_t nc_BUTTON3_PRESSED(void) { return BUTTON3_PRESSED; }
static inline mmask_t nc_BUTTON3_RELEASED(void) { return BUTTON3_RELEASED; }
static inline mmask_t nc_BUTTON4_PRESSED(void) { return BUTTON4_PRESSED; }
static inline mmask_t nc_BUTTON5_PRESSED(void) { return BUTTON5_PRESSED; }

/* Switches the terminal's mouse reporting off: SGR coordinates (1006) and button reports (1000). endwin() already
 * sends ncurses' own "off" sequence, but only for the mode it enabled itself; 1006 may have been enabled by the live
 * view, and a shell that later turns on 1000 would then get SGR reports it never asked for. Async-signal-safe
 * (write(2) of a constant), so the crash handler can call it too. */
static inline void nc_mouse_reporting_off(int fd) {
    static const char off[] = "\033[?1006l\033[?1000l";
    nc_write_all(fd, off, sizeof off - 1);
}

/* MARK: - Standard error while the screen is up */

/* Copies everything in `from` (rewound to its start) to `to`. Only read, write and lseek: async-signal-safe, so the
 * crash handler can show what was written to stderr while the screen was up before the backtrace. */
static inline void nc_replay_fd(int from, int to) {
    char buffer[4096];
    if (lseek(from, 0, SEEK_SET) < 0) return;
    for (;;) {
        ssize_t n = read(from, buffer, sizeof buffer);
        if (n <= 0) return;
        ssize_t off = 0;
        while (off < n) {
            ssize_t w = write(to, buffer + off, (size_t)(n - off));
            if (w <= 0) return;
            off += w;
        }
    }
}

#endif /* CNCURSES_SHIM_H */
