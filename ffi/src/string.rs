//! Owned strings handed to C, and the library version.

use crate::panic::infallible;
use std::ffi::{CString, c_char};

/// A C string of `text`. JSON answers never hold a NUL byte (JSON escapes it); a message
/// quoting input that does gets U+FFFD in its place rather than being cut short.
pub(crate) fn c_string(text: String) -> CString {
    match CString::new(text) {
        Ok(s) => s,
        Err(e) => {
            let text = String::from_utf8_lossy(&e.into_vec()).replace('\0', "\u{FFFD}");
            CString::new(text).unwrap_or_default()
        }
    }
}

/// The library version, `MAJOR.MINOR.PATCH`, as `WANGGE_VERSION` in the header of the same
/// release (compare the two to detect a header that does not match the library loaded).
///
/// Ownership: the string is static; never free it.
#[unsafe(no_mangle)]
pub extern "C" fn wg_version() -> *const c_char {
    const VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), "\0");
    infallible(std::ptr::null(), || VERSION.as_ptr().cast())
}

/// Frees a string this library handed over as owned (answers, clause texts). NULL is fine
/// (nothing happens).
///
/// # Safety
///
/// `string` is NULL or a string an out-parameter of this library received, not yet freed; it
/// must not be used afterwards. Never pass strings borrowed from a handle or an error, nor
/// strings allocated by anything else.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn wg_string_free(string: *mut c_char) {
    infallible((), || {
        if !string.is_null() {
            // SAFETY: made by `CString::into_raw` in this library, freed once by the contract.
            drop(unsafe { CString::from_raw(string) });
        }
    })
}

/// Hands `text` to the caller through `out`, to be freed with `wg_string_free`.
pub(crate) fn give_string(out: &mut *mut c_char, text: String) {
    *out = c_string(text).into_raw();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_is_the_crate_version_and_nul_bytes_never_cut_a_string() {
        let v = unsafe { std::ffi::CStr::from_ptr(wg_version()) };
        assert_eq!(v.to_str().unwrap(), wangge_core::VERSION);
        assert_eq!(c_string("a\0b".to_owned()).to_str().unwrap(), "a\u{FFFD}b");
    }
}
