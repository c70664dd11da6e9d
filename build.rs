//! Embeds the bundled casebook (casebook/catalogs, casebook/cases and the
//! reference figures in casebook/reference) into the
//! binary, so an installed `casebook` works from any directory.

use std::fs;
use std::path::{Path, PathBuf};

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else if matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("yaml" | "yml")
        ) {
            out.push(path);
        }
    }
}

/// A hash of the program's sources: the cache trusts only entries written by
/// the same build (`src/cache`).
fn build_id(manifest: &Path) -> String {
    use std::hash::{Hash, Hasher};
    let mut files = Vec::new();
    collect_ext(&manifest.join("src"), "rs", &mut files);
    files.sort();
    files.push(manifest.join("Cargo.lock"));
    files.push(manifest.join("Cargo.toml"));
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for f in &files {
        f.strip_prefix(manifest).unwrap_or(f).hash(&mut h);
        fs::read(f).unwrap_or_default().hash(&mut h);
    }
    format!("{:016x}", h.finish())
}

fn collect_ext(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_ext(&path, ext, out);
        } else if path.extension().is_some_and(|e| e == ext) {
            out.push(path);
        }
    }
}

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let root = manifest.join("casebook");
    println!("cargo:rerun-if-changed=casebook");
    println!("cargo:rerun-if-changed=src");
    println!("cargo:rerun-if-changed=Cargo.lock");
    println!("cargo:rerun-if-changed=Cargo.toml");
    println!("cargo:rustc-env=CASEBOOK_BUILD_ID={}", build_id(&manifest));
    let mut files = Vec::new();
    collect(&root.join("catalogs"), &mut files);
    collect(&root.join("cases"), &mut files);
    collect(&root.join("reference"), &mut files);
    files.sort();
    let mut code = String::from(
        "/// (path relative to casebook/, contents)\npub static FILES: &[(&str, &str)] = &[\n",
    );
    for file in &files {
        let rel = file
            .strip_prefix(&root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        code.push_str(&format!(
            "    ({rel:?}, include_str!({:?})),\n",
            file.display().to_string()
        ));
    }
    code.push_str("];\n");
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("bundled.rs");
    fs::write(out, code).unwrap();
}
