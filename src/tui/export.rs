//! Exports from the browser: the bytes of a training pack or a precedent list
//! in the format the file name asks for, or a message saying why not.

use std::path::Path;

use super::app::App;
use crate::export::file::{self, Content, Format};
use crate::lang::t;

impl App {
    /// The bytes of an export in the format the file name's extension names,
    /// or a message saying why not.
    pub(super) fn render_export(&self, content: &Content, path: &Path) -> Result<Vec<u8>, String> {
        let lang = self.env.lang;
        let format = Format::from_path(path).map_err(|_| {
            t(
                lang,
                "拡張子から形式が分かりません（.docx .pptx .md .xlsx .csv .txt のいずれか）",
                "Unknown extension (use .docx, .pptx, .md, .xlsx, .csv or .txt)",
            )
            .to_string()
        })?;
        if format == Format::Pdf {
            // LibreOffice would hold the browser for seconds: the command does it.
            return Err(t(
                lang,
                "PDF はコマンドで書き出します（LibreOffice で変換: casebook export --case ID… --format pdf）。ここでは .docx か .pptx で保存できます",
                "PDF is written by the command (converted by LibreOffice: casebook export --case ID… --format pdf); here, save as .docx or .pptx",
            )
            .into());
        }
        if matches!(format, Format::Xlsx | Format::Csv)
            && !matches!(
                content,
                Content::Precedents { .. } | Content::Register { .. }
            )
        {
            return Err(t(
                lang,
                "Excel と CSV は先例一覧だけです。研修資料は .docx、.pptx、.md で保存します",
                "Excel and CSV are for precedent lists; save a training pack as .docx, .pptx or .md",
            )
            .into());
        }
        file::render(&self.book, content, lang, format).map_err(|e| e.get(lang).to_string())
    }
}
