//! Reading input files: size limit, binary detection, UTF-8 (with BOM) and UTF-16 (with BOM),
//! and errors that name the file and the byte where reading failed.

use std::io::Read;
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
        if let Some(encoding) = utf16_without_bom(bytes) {
            return Err(format!(
                "{name}: looks like {encoding} text without a byte order mark (NUL byte at offset {at}); \
                 save it as UTF-8, or as UTF-16 with a byte order mark"
            ));
        }
        return Err(format!(
            "{name}: looks like a binary file (NUL byte at offset {at}); expected text (UTF-8)"
        ));
    }
    utf8(name, bytes, 0)
}

/// The UTF-16 byte order that `bytes` look like when they start as mostly Latin text with every
/// other byte zero, which is how UTF-16 without a byte order mark looks.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static str> {
    let sample = &bytes[..bytes.len().min(1024)];
    let units = sample.len() / 2;
    if units < 2 {
        return None;
    }
    let count = |zero: usize| sample.chunks_exact(2).filter(|u| u[zero] == 0 && u[1 - zero] != 0).count();
    let mostly = |n: usize| n * 10 >= units * 9;
    if mostly(count(1)) {
        Some("UTF-16LE")
    } else if mostly(count(0)) {
        Some("UTF-16BE")
    } else {
        None
    }
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

/// The largest rule, lexicon or configuration file read: these are written by hand, and one of
/// megabytes is a mistake (or a file put in the wrong folder), not a pack.
pub const MAX_SETTINGS_BYTES: u64 = 4 << 20;

/// Reads the bytes of a rule, lexicon or configuration file, refusing one over
/// [`MAX_SETTINGS_BYTES`] without reading it all.
pub fn read_settings(path: &Path) -> Result<Vec<u8>, String> {
    let name = path.display().to_string();
    let file = std::fs::File::open(path).map_err(|e| format!("cannot read {name}: {e}"))?;
    let mut bytes = Vec::new();
    file.take(MAX_SETTINGS_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read {name}: {e}"))?;
    if bytes.len() as u64 > MAX_SETTINGS_BYTES {
        return Err(format!(
            "{name}: over {} MiB; rule, lexicon and configuration files are written by hand and are never this large",
            MAX_SETTINGS_BYTES >> 20
        ));
    }
    Ok(bytes)
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
    // The size from the metadata is not the whole story: a device (`/dev/zero`), a named pipe or
    // a file that grows while it is read report less. Read one byte past the limit at most.
    let file = std::fs::File::open(path).map_err(|e| format!("{name}: cannot read: {e}"))?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0).saturating_add(1));
    file.take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| format!("{name}: cannot read: {e}"))?;
    if bytes.len() as u64 > max_bytes {
        return Err(format!(
            "{name}: file is over the limit of {max_bytes} bytes; raise it with --max-file-size"
        ));
    }
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

    #[test]
    fn names_utf16_without_a_byte_order_mark() {
        let err = decode("le.txt", b"P\0r\0i\0c\0e\0s\0").unwrap_err();
        assert!(
            err.contains("looks like UTF-16LE text without a byte order mark (NUL byte at offset 1)"),
            "{err}"
        );
        let err = decode("be.txt", b"\0P\0r\0i\0c\0e\0s").unwrap_err();
        assert!(
            err.contains("looks like UTF-16BE text without a byte order mark (NUL byte at offset 0)"),
            "{err}"
        );
        let err = decode("a.bin", b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0").unwrap_err();
        assert!(err.contains("looks like a binary file (NUL byte at offset 7)"), "{err}");
    }

    #[test]
    fn reads_no_further_than_the_limit() {
        let dir = std::env::temp_dir().join(format!("factlint-input-limit-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let path = dir.join("story.txt");
        std::fs::write(&path, "Prices fell 12%.").expect("write");
        assert_eq!(read(&path, 16).as_deref(), Ok("Prices fell 12%."));
        let err = read(&path, 15).unwrap_err();
        assert!(
            err.ends_with("file is 16 bytes, over the limit of 15 bytes; raise it with --max-file-size"),
            "{err}"
        );
        let _ = std::fs::remove_dir_all(&dir);
        #[cfg(unix)]
        {
            // A device reports no size at all; reading it must stop at the limit.
            let err = read(Path::new("/dev/zero"), 1000).unwrap_err();
            assert_eq!(err, "/dev/zero: file is over the limit of 1000 bytes; raise it with --max-file-size");
        }
    }
}
