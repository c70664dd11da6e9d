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

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap()).join("casebook");
    println!("cargo:rerun-if-changed=casebook");
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
