//! docx
