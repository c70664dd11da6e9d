//! PDF through LibreOffice: the Word document is converted by
//! `soffice --headless --convert-to pdf` in a private temporary folder, with
//! a LibreOffice profile of its own there (a LibreOffice the user has open
//! would otherwise take the request and write nothing). casebook writes no
//! PDF itself. Without LibreOffice, the error says how to install it.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::diag::Message;
use crate::msg;

/// The longest a conversion may take (a first run sets up the profile).
const TIMEOUT: Duration = Duration::from_secs(180);

/// The PDF of a Word document.
pub fn from_docx(docx: &[u8]) -> Result<Vec<u8>, Message> {
    let soffice = soffice().ok_or_else(missing)?;
    let dir = Scratch::new().map_err(|e| failed(&e.to_string()))?;
    let input = dir.0.join("document.docx");
    std::fs::write(&input, docx).map_err(|e| failed(&e.to_string()))?;
    let profile = file_url(&dir.0.join("profile"));
    let log = dir.0.join("soffice.log");
    let stderr = std::fs::File::create(&log).map_err(|e| failed(&e.to_string()))?;
    let mut child = Command::new(&soffice)
        .arg(format!("-env:UserInstallation={profile}"))
        .args([
            "--headless",
            "--norestore",
            "--nologo",
            "--convert-to",
            "pdf",
        ])
        .arg("--outdir")
        .arg(&dir.0)
        .arg(&input)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(stderr)
        .spawn()
        .map_err(|e| failed(&e.to_string()))?;
    let start = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if start.elapsed() < TIMEOUT => std::thread::sleep(Duration::from_millis(50)),
            Ok(None) => {
                let _ = child.kill();
                let _ = child.wait();
                let secs = TIMEOUT.as_secs();
                return Err(failed(&format!("no answer in {secs} s")));
            }
            Err(e) => return Err(failed(&e.to_string())),
        }
    };
    match std::fs::read(dir.0.join("document.pdf")) {
        Ok(pdf) if status.success() && pdf.starts_with(b"%PDF") => Ok(pdf),
        _ => {
            // What LibreOffice said, its first line.
            let said = std::fs::read_to_string(&log).unwrap_or_default();
            let first = said.lines().map(str::trim).find(|l| !l.is_empty());
            let first = first.map(|l| format!(": {}", crate::text::line(l)));
            Err(failed(&format!("{status}{}", first.unwrap_or_default())))
        }
    }
}

/// LibreOffice's `soffice` on the PATH (or as `libreoffice`), else where
/// macOS installs it.
fn soffice() -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    for dir in std::env::split_paths(&path) {
        for name in ["soffice", "libreoffice"] {
            let candidate = dir.join(name);
            if is_executable(&candidate) {
                return Some(candidate);
            }
        }
    }
    let mac = Path::new("/Applications/LibreOffice.app/Contents/MacOS/soffice");
    is_executable(mac).then(|| mac.to_path_buf())
}

fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt as _;
    std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

fn missing() -> Message {
    Message::new(
        "PDF にするには LibreOffice が要ります（soffice が見つかりません）。Debian・Ubuntu では `sudo apt install libreoffice-writer`、macOS では `brew install --cask libreoffice`、そのほかは https://ja.libreoffice.org/ から入れてください。.docx で書き出して Word で PDF に保存することもできます",
        "PDF needs LibreOffice (soffice was not found): `sudo apt install libreoffice-writer` on Debian and Ubuntu, `brew install --cask libreoffice` on macOS, or from https://www.libreoffice.org/; or export .docx and save it as PDF from Word",
    )
}

fn failed(why: &str) -> Message {
    msg!(
        "LibreOffice で PDF に変換できませんでした（{why}）",
        "LibreOffice could not convert the document to PDF ({why})"
    )
}

/// `file:///tmp/x%20y`: a path as a file URL, its bytes beyond the
/// unreserved ones percent-encoded.
fn file_url(path: &Path) -> String {
    use std::os::unix::ffi::OsStrExt as _;
    let mut out = String::from("file://");
    for &b in path.as_os_str().as_bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A private temporary folder, removed with everything in it when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new() -> std::io::Result<Scratch> {
        use std::os::unix::fs::DirBuilderExt as _;
        let base = std::env::temp_dir();
        let mut n = 0u32;
        loop {
            let dir = base.join(format!("casebook-pdf-{}-{n}", std::process::id()));
            match std::fs::DirBuilder::new().mode(0o700).create(&dir) {
                Ok(()) => return Ok(Scratch(dir)),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && n < 100 => n += 1,
                Err(e) => return Err(e),
            }
        }
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_becomes_a_file_url() {
        assert_eq!(
            file_url(Path::new("/tmp/a b/研修")),
            "file:///tmp/a%20b/%E7%A0%94%E4%BF%AE"
        );
    }
}
