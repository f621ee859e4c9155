//! Reading input files: size limit, binary detection, UTF-8 (with BOM) and UTF-16 (with BOM),
//! and errors that name the file and the byte where reading failed.

use std::path::Path;

/// Files larger than this are refused unless the limit is raised (`--max-file-size`).
pub const DEFAULT_MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Decodes the bytes of `name` as text.
pub fn decode(name: &str, bytes: &[u8]) -> Result<String, String> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return utf8(name, rest, 3);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(name, rest, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(name, rest, u16::from_be_bytes);
    }
    if let Some(at) = memchr::memchr(0, bytes) {
        return Err(format!(
            "{name}: looks like a binary file (NUL byte at offset {at}); expected text (UTF-8)"
        ));
    }
    utf8(name, bytes, 0)
}

fn utf8(name: &str, bytes: &[u8], base: usize) -> Result<String, String> {
    String::from_utf8(bytes.to_vec()).map_err(|e| {
        let at = e.utf8_error().valid_up_to() + base;
        format!("{name}: invalid UTF-8 at byte offset {at}; expected UTF-8 text (convert the file, e.g. with iconv)")
    })
}

fn utf16(name: &str, bytes: &[u8], word: fn([u8; 2]) -> u16) -> Result<String, String> {
    if !bytes.len().is_multiple_of(2) {
        return Err(format!(
            "{name}: UTF-16 text with an odd number of bytes; expected whole UTF-16 code units"
        ));
    }
    let units = bytes.chunks_exact(2).map(|c| word([c[0], c[1]]));
    char::decode_utf16(units)
        .enumerate()
        .map(|(i, c)| c.map_err(|_| format!("{name}: invalid UTF-16 at byte offset {}; expected UTF-16 text after its byte order mark", 2 + 2 * i)))
        .collect()
}

/// Reads and decodes a file, refusing files over `max_bytes`.
pub fn read(path: &Path, max_bytes: u64) -> Result<String, String> {
    let name = path.display().to_string();
    let meta = std::fs::metadata(path).map_err(|e| format!("{name}: cannot read: {e}"))?;
    if meta.is_dir() {
        return Err(format!("{name}: is a folder; expected a file"));
    }
    if meta.len() > max_bytes {
        return Err(format!(
            "{name}: file is {} bytes, over the limit of {max_bytes} bytes; raise it with --max-file-size",
            meta.len()
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| format!("{name}: cannot read: {e}"))?;
    decode(&name, &bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_utf8_bom_and_utf16() {
        assert_eq!(decode("a", b"\xEF\xBB\xBFhi").as_deref(), Ok("hi"));
        assert_eq!(decode("a", b"\xFF\xFEh\0i\0").as_deref(), Ok("hi"));
        assert_eq!(decode("a", b"\xFE\xFF\0h\0i").as_deref(), Ok("hi"));
    }

    #[test]
    fn names_the_bad_byte() {
        let err = decode("story.txt", b"abc\xFFdef").unwrap_err();
        assert!(err.contains("story.txt") && err.contains("byte offset 3"), "{err}");
        let err = decode("img.png", b"\x89PNG\0\0").unwrap_err();
        assert!(err.contains("binary"), "{err}");
    }
}
