//! Reading Office files in tests: a part of the zip package, attributes of
//! XML elements, the cells of a sheet.

use std::io::Read;

/// One file of a zip package, as text.
pub fn part(zip: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip)).unwrap();
    let mut file = archive.by_name(name).unwrap();
    let mut s = String::new();
    file.read_to_string(&mut s).unwrap();
    s
}

/// The values of attribute `attr` on every `<tag ...>` element.
pub fn attrs(xml: &str, tag: &str, attr: &str) -> Vec<String> {
    let mut out = Vec::new();
    let open = format!("<{tag} ");
    let key = format!("{attr}=\"");
    for (i, _) in xml.match_indices(&open) {
        let end = i + xml[i..].find('>').unwrap();
        let element = &xml[i..end];
        if let Some(k) = element.find(&key) {
            let v = &element[k + key.len()..];
            out.push(v[..v.find('"').unwrap()].to_string());
        }
    }
    out
}

/// The cells of the first sheet, row by row, by their shared strings.
pub fn sheet_cells(data: &[u8]) -> Vec<Vec<String>> {
    let strings: Vec<String> = part(data, "xl/sharedStrings.xml")
        .split("<si>")
        .skip(1)
        .map(|si| {
            let t = &si[si.find("<t").unwrap()..];
            let t = &t[t.find('>').unwrap() + 1..];
            t[..t.find("</t>").unwrap()]
                .replace("&amp;", "&")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
        })
        .collect();
    let sheet = part(data, "xl/worksheets/sheet1.xml");
    sheet
        .split("<row ")
        .skip(1)
        .map(|row| {
            row.split("<c ")
                .skip(1)
                .map(|c| match c.find("<v>") {
                    Some(at) => {
                        let v = &c[at + 3..];
                        strings[v[..v.find("</v>").unwrap()].parse::<usize>().unwrap()].clone()
                    }
                    None => String::new(), // a blank cell
                })
                .collect()
        })
        .collect()
}
