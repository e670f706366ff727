//! Reading C arguments: pointers, lengths, UTF-8 and size limits, with an error for each.

use crate::error::Failure;
use std::ffi::c_char;

/// Longest JSON document accepted, in bytes (64 MiB): the core's limit.
pub const WG_MAX_DOCUMENT_BYTES: usize = 67108864;

/// Most problems one error holds before its last, `WG_MORE_PROBLEMS` problem says how many more
/// were found: the core's limit.
pub const WG_MAX_PROBLEMS: usize = 1000;

/// Longest short text argument (a date, a clause, community or division ID, a score) read before
/// its NUL byte, in bytes.
pub const WG_MAX_SHORT_TEXT_BYTES: usize = 1024;

/// A JSON document argument given as pointer and length.
///
/// NULL is an error, a length over [`WG_MAX_DOCUMENT_BYTES`] is `too_large` before any byte is
/// read, and the bytes must be UTF-8.
///
/// # Safety
///
/// When `ptr` is not NULL and `len` is within the limit, `ptr` is valid for reading `len` bytes
/// for the lifetime `'a`.
pub(crate) unsafe fn document<'a>(
    ptr: *const c_char,
    len: usize,
    name: &str,
) -> Result<&'a str, Failure> {
    if ptr.is_null() {
        return Err(Failure::null(name));
    }
    if len > WG_MAX_DOCUMENT_BYTES {
        return Err(Failure::too_large(format!(
            "`{name}` is {len} bytes, more than the limit of {WG_MAX_DOCUMENT_BYTES}"
        )));
    }
    // SAFETY: not NULL, `len` is at most 64 MiB (< isize::MAX), readable by the contract.
    let bytes = unsafe { std::slice::from_raw_parts(ptr.cast::<u8>(), len) };
    std::str::from_utf8(bytes).map_err(|e| Failure::utf8(name, &e))
}

/// [`document`], where NULL means "absent".
///
/// # Safety
///
/// As [`document`].
pub(crate) unsafe fn optional_document<'a>(
    ptr: *const c_char,
    len: usize,
    name: &str,
) -> Result<Option<&'a str>, Failure> {
    if ptr.is_null() {
        Ok(None)
    } else {
        // SAFETY: the caller's contract.
        unsafe { document(ptr, len, name) }.map(Some)
    }
}

/// A short NUL-terminated text argument. At most [`WG_MAX_SHORT_TEXT_BYTES`] bytes are read
/// looking for the NUL byte; a longer text is `too_large`.
///
/// # Safety
///
/// `ptr` is NULL or points to a NUL-terminated string (or at least to
/// [`WG_MAX_SHORT_TEXT_BYTES`] + 1 readable bytes) that outlives `'a`.
pub(crate) unsafe fn short_text<'a>(ptr: *const c_char, name: &str) -> Result<&'a str, Failure> {
    if ptr.is_null() {
        return Err(Failure::null(name));
    }
    let start = ptr.cast::<u8>();
    let mut len = 0;
    loop {
        // SAFETY: bytes before the first NUL are readable by the contract, and we stop there.
        if unsafe { *start.add(len) } == 0 {
            break;
        }
        if len == WG_MAX_SHORT_TEXT_BYTES {
            return Err(Failure::too_large(format!(
                "`{name}` is longer than the limit of {WG_MAX_SHORT_TEXT_BYTES} bytes"
            )));
        }
        len += 1;
    }
    // SAFETY: `len` bytes before the NUL were just read.
    let bytes = unsafe { std::slice::from_raw_parts(start, len) };
    std::str::from_utf8(bytes).map_err(|e| Failure::utf8(name, &e))
}

/// A handle argument.
///
/// # Safety
///
/// `ptr` is NULL or a live handle for `'a`.
pub(crate) unsafe fn handle<'a, T>(ptr: *const T, name: &str) -> Result<&'a T, Failure> {
    // SAFETY: the caller's contract.
    unsafe { ptr.as_ref() }.ok_or_else(|| Failure::null(name))
}

/// A required out-parameter.
///
/// # Safety
///
/// `ptr` is NULL or valid for writing a `T` during `'a`.
pub(crate) unsafe fn out<'a, T>(ptr: *mut T, name: &str) -> Result<&'a mut T, Failure> {
    // SAFETY: the caller's contract.
    unsafe { ptr.as_mut() }.ok_or_else(|| Failure::null(name))
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_document_limit_is_the_core_limit() {
        assert_eq!(
            super::WG_MAX_DOCUMENT_BYTES,
            wangge_core::limits::MAX_DOCUMENT_BYTES
        );
        assert_eq!(super::WG_MAX_PROBLEMS, wangge_core::limits::MAX_PROBLEMS);
    }
}
