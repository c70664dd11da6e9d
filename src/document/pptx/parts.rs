//! The fixed parts of a PowerPoint package: content types, relationships,
//! the presentation, one slide master with two layouts (title slide, title
//! only), the notes master, and the theme, whose fonts are 游ゴシック / Yu
//! Gothic for both Latin and East Asian text (what PowerPoint uses for text
//! typed into the deck later, and for bullets and numbers).

use super::{SLIDE_H, SLIDE_W};

pub const NS: &str = "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" \
     xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" \
     xmlns:p=\"http://schemas.openxmlformats.org/presentationml/2006/main\"";
pub const HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
const RELS_NS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const CT: &str = "application/vnd.openxmlformats-officedocument.presentationml";

/// The fonts of every run: the Latin and East Asian names, with the
/// classification (PANOSE, pitch and family, Shift_JIS character set) from
/// which PowerPoint picks a Japanese Gothic where Yu Gothic is missing.
pub const FONTS: &str = "<a:latin typeface=\"Yu Gothic\" panose=\"020B0400000000000000\" pitchFamily=\"34\" charset=\"-128\"/>\
     <a:ea typeface=\"游ゴシック\" panose=\"020B0400000000000000\" pitchFamily=\"34\" charset=\"-128\"/>\
     <a:cs typeface=\"Yu Gothic\"/>";

/// `[Content_Types].xml` for `slides` slides, those in `notes` with notes.
pub fn content_types(slides: usize, notes: &[usize]) -> String {
    let mut s = format!(
        "{HEAD}<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
         <Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
         <Default Extension=\"xml\" ContentType=\"application/xml\"/>\
         <Override PartName=\"/ppt/presentation.xml\" ContentType=\"{CT}.presentation.main+xml\"/>\
         <Override PartName=\"/ppt/slideMasters/slideMaster1.xml\" ContentType=\"{CT}.slideMaster+xml\"/>\
         <Override PartName=\"/ppt/slideLayouts/slideLayout1.xml\" ContentType=\"{CT}.slideLayout+xml\"/>\
         <Override PartName=\"/ppt/slideLayouts/slideLayout2.xml\" ContentType=\"{CT}.slideLayout+xml\"/>\
         <Override PartName=\"/ppt/notesMasters/notesMaster1.xml\" ContentType=\"{CT}.notesMaster+xml\"/>\
         <Override PartName=\"/ppt/theme/theme1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.theme+xml\"/>\
         <Override PartName=\"/ppt/theme/theme2.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.theme+xml\"/>\
         <Override PartName=\"/ppt/presProps.xml\" ContentType=\"{CT}.presProps+xml\"/>\
         <Override PartName=\"/ppt/viewProps.xml\" ContentType=\"{CT}.viewProps+xml\"/>\
         <Override PartName=\"/ppt/tableStyles.xml\" ContentType=\"{CT}.tableStyles+xml\"/>\
         <Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>\
         <Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
    );
    for n in 1..=slides {
        s.push_str(&format!(
            "<Override PartName=\"/ppt/slides/slide{n}.xml\" ContentType=\"{CT}.slide+xml\"/>"
        ));
    }
    for n in notes {
        s.push_str(&format!(
            "<Override PartName=\"/ppt/notesSlides/notesSlide{n}.xml\" ContentType=\"{CT}.notesSlide+xml\"/>"
        ));
    }
    s.push_str("</Types>");
    s
}

/// A relationships part: (id, type, target) each; a target with `://` is external.
pub fn rels(items: &[(String, &str, String)]) -> String {
    let mut s = format!("{HEAD}<Relationships xmlns=\"{RELS_NS}\">");
    for (id, ty, target) in items {
        let ty = if ty.starts_with("http") {
            ty.to_string()
        } else {
            format!("{REL}/{ty}")
        };
        let external = if target.contains("://") {
            " TargetMode=\"External\""
        } else {
            ""
        };
        s.push_str(&format!(
            "<Relationship Id=\"{id}\" Type=\"{ty}\" Target=\"{target}\"{external}/>"
        ));
    }
    s.push_str("</Relationships>");
    s
}

pub fn root_rels() -> String {
    rels(&[
        (
            "rId1".into(),
            "officeDocument",
            "ppt/presentation.xml".into(),
        ),
        (
            "rId2".into(),
            "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
            "docProps/core.xml".into(),
        ),
        (
            "rId3".into(),
            "extended-properties",
            "docProps/app.xml".into(),
        ),
    ])
}

pub fn app(slides: usize, notes: usize) -> String {
    format!(
        "{HEAD}<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\" \
         xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">\
         <Application>casebook</Application><PresentationFormat>16:9</PresentationFormat>\
         <Slides>{slides}</Slides><Notes>{notes}</Notes></Properties>"
    )
}

/// `ppt/presentation.xml`: relationship ids rId1 master, rId2 notes master,
/// rId3.. theme and properties, then the slides from rId10.
pub fn presentation(slides: usize) -> String {
    let mut ids = String::new();
    for n in 0..slides {
        ids.push_str(&format!(
            "<p:sldId id=\"{}\" r:id=\"rId{}\"/>",
            256 + n,
            10 + n
        ));
    }
    let level = |lvl: usize| {
        format!(
            "<a:lvl{lvl}pPr marL=\"{}\" algn=\"l\" defTabSz=\"914400\" eaLnBrk=\"1\" latinLnBrk=\"0\" hangingPunct=\"1\">\
             <a:defRPr sz=\"1800\" kern=\"1200\"><a:solidFill><a:schemeClr val=\"tx1\"/></a:solidFill>\
             <a:latin typeface=\"+mn-lt\"/><a:ea typeface=\"+mn-ea\"/><a:cs typeface=\"+mn-cs\"/></a:defRPr></a:lvl{lvl}pPr>",
            (lvl - 1) * 457200
        )
    };
    let levels: String = (1..=9).map(level).collect();
    format!(
        "{HEAD}<p:presentation {NS} saveSubsetFonts=\"1\">\
         <p:sldMasterIdLst><p:sldMasterId id=\"2147483648\" r:id=\"rId1\"/></p:sldMasterIdLst>\
         <p:notesMasterIdLst><p:notesMasterId r:id=\"rId2\"/></p:notesMasterIdLst>\
         <p:sldIdLst>{ids}</p:sldIdLst>\
         <p:sldSz cx=\"{SLIDE_W}\" cy=\"{SLIDE_H}\"/><p:notesSz cx=\"6858000\" cy=\"9144000\"/>\
         <p:defaultTextStyle><a:defPPr><a:defRPr lang=\"ja-JP\"/></a:defPPr>{levels}</p:defaultTextStyle>\
         </p:presentation>"
    )
}

pub fn presentation_rels(slides: usize) -> String {
    let mut items = vec![
        (
            "rId1".to_string(),
            "slideMaster",
            "slideMasters/slideMaster1.xml".to_string(),
        ),
        (
            "rId2".into(),
            "notesMaster",
            "notesMasters/notesMaster1.xml".into(),
        ),
        ("rId3".into(), "theme", "theme/theme1.xml".into()),
        ("rId4".into(), "presProps", "presProps.xml".into()),
        ("rId5".into(), "viewProps", "viewProps.xml".into()),
        ("rId6".into(), "tableStyles", "tableStyles.xml".into()),
    ];
    for n in 0..slides {
        items.push((
            format!("rId{}", 10 + n),
            "slide",
            format!("slides/slide{}.xml", n + 1),
        ));
    }
    rels(&items)
}

pub fn pres_props() -> String {
    format!("{HEAD}<p:presentationPr {NS}/>")
}

pub fn view_props() -> String {
    format!(
        "{HEAD}<p:viewPr {NS}><p:normalViewPr><p:restoredLeft sz=\"15620\"/>\
         <p:restoredTop sz=\"94660\"/></p:normalViewPr><p:gridSpacing cx=\"76200\" cy=\"76200\"/></p:viewPr>"
    )
}

pub fn table_styles() -> String {
    format!(
        "{HEAD}<a:tblStyleLst xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" \
         def=\"{{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}}\"/>"
    )
}

const GROUP: &str = "<p:nvGrpSpPr><p:cNvPr id=\"1\" name=\"\"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>\
     <p:grpSpPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"0\" cy=\"0\"/>\
     <a:chOff x=\"0\" y=\"0\"/><a:chExt cx=\"0\" cy=\"0\"/></a:xfrm></p:grpSpPr>";

/// The shapes' common group header, for slides and notes.
pub fn group() -> &'static str {
    GROUP
}

/// A placeholder shape of a master or layout, at (x, y) of size (w, h) in EMU.
/// A slide image has no text; every other placeholder an empty paragraph.
fn placeholder(id: u32, name: &str, ph: &str, (x, y, w, h): (i64, i64, i64, i64)) -> String {
    let text = if ph.contains("sldImg") {
        ""
    } else {
        "<p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:endParaRPr lang=\"ja-JP\"/></a:p></p:txBody>"
    };
    format!(
        "<p:sp><p:nvSpPr><p:cNvPr id=\"{id}\" name=\"{name}\"/><p:cNvSpPr><a:spLocks noGrp=\"1\"/></p:cNvSpPr>\
         <p:nvPr><p:ph {ph}/></p:nvPr></p:nvSpPr>\
         <p:spPr><a:xfrm><a:off x=\"{x}\" y=\"{y}\"/><a:ext cx=\"{w}\" cy=\"{h}\"/></a:xfrm>\
         <a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></p:spPr>{text}</p:sp>"
    )
}

const CLR_MAP: &str = "<p:clrMap bg1=\"lt1\" tx1=\"dk1\" bg2=\"lt2\" tx2=\"dk2\" accent1=\"accent1\" \
     accent2=\"accent2\" accent3=\"accent3\" accent4=\"accent4\" accent5=\"accent5\" accent6=\"accent6\" \
     hlink=\"hlink\" folHlink=\"folHlink\"/>";

const TITLE_BOX: (i64, i64, i64, i64) = (508000, 304800, SLIDE_W - 2 * 508000, 1016000);
const BODY_BOX: (i64, i64, i64, i64) = (508000, 1524000, SLIDE_W - 2 * 508000, 4572000);

fn text_style(tag: &str, size: u32, font: &str, bold: bool) -> String {
    let b = if bold { " b=\"1\"" } else { "" };
    format!(
        "<p:{tag}><a:lvl1pPr algn=\"l\" eaLnBrk=\"1\" latinLnBrk=\"0\" hangingPunct=\"1\">\
         <a:defRPr sz=\"{size}\"{b} kern=\"1200\"><a:solidFill><a:schemeClr val=\"tx1\"/></a:solidFill>\
         <a:latin typeface=\"+{font}-lt\"/><a:ea typeface=\"+{font}-ea\"/><a:cs typeface=\"+{font}-cs\"/>\
         </a:defRPr></a:lvl1pPr></p:{tag}>"
    )
}

pub fn slide_master() -> String {
    format!(
        "{HEAD}<p:sldMaster {NS}><p:cSld><p:bg><p:bgRef idx=\"1001\"><a:schemeClr val=\"bg1\"/></p:bgRef></p:bg>\
         <p:spTree>{GROUP}{}{}</p:spTree></p:cSld>{CLR_MAP}\
         <p:sldLayoutIdLst><p:sldLayoutId id=\"2147483649\" r:id=\"rId1\"/>\
         <p:sldLayoutId id=\"2147483650\" r:id=\"rId2\"/></p:sldLayoutIdLst>\
         <p:txStyles>{}{}{}</p:txStyles></p:sldMaster>",
        placeholder(2, "Title Placeholder 1", "type=\"title\"", TITLE_BOX),
        placeholder(3, "Text Placeholder 2", "type=\"body\" idx=\"1\"", BODY_BOX),
        text_style("titleStyle", 2800, "mj", true),
        text_style("bodyStyle", 1800, "mn", false),
        text_style("otherStyle", 1800, "mn", false),
    )
}

pub fn slide_master_rels() -> String {
    rels(&[
        (
            "rId1".into(),
            "slideLayout",
            "../slideLayouts/slideLayout1.xml".into(),
        ),
        (
            "rId2".into(),
            "slideLayout",
            "../slideLayouts/slideLayout2.xml".into(),
        ),
        ("rId3".into(), "theme", "../theme/theme1.xml".into()),
    ])
}

/// Layout 1, the title slide; layout 2, a title only.
pub fn slide_layout(n: usize) -> String {
    let (ty, name, shapes) = if n == 1 {
        (
            "title",
            "Title Slide",
            placeholder(
                2,
                "Title 1",
                "type=\"ctrTitle\"",
                (762000, 1600200, 10668000, 1828800),
            ) + &placeholder(
                3,
                "Subtitle 2",
                "type=\"subTitle\" idx=\"1\"",
                (762000, 3657600, 10668000, 1371600),
            ),
        )
    } else {
        (
            "titleOnly",
            "Title Only",
            placeholder(2, "Title 1", "type=\"title\"", TITLE_BOX),
        )
    };
    format!(
        "{HEAD}<p:sldLayout {NS} type=\"{ty}\" preserve=\"1\"><p:cSld name=\"{name}\">\
         <p:spTree>{GROUP}{shapes}</p:spTree></p:cSld>\
         <p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>"
    )
}

pub fn slide_layout_rels() -> String {
    rels(&[(
        "rId1".into(),
        "slideMaster",
        "../slideMasters/slideMaster1.xml".into(),
    )])
}

pub fn notes_master() -> String {
    format!(
        "{HEAD}<p:notesMaster {NS}><p:cSld><p:bg><p:bgRef idx=\"1001\"><a:schemeClr val=\"bg1\"/></p:bgRef></p:bg>\
         <p:spTree>{GROUP}{}{}</p:spTree></p:cSld>{CLR_MAP}\
         <p:notesStyle><a:lvl1pPr marL=\"0\" algn=\"l\" eaLnBrk=\"1\" latinLnBrk=\"0\" hangingPunct=\"1\">\
         <a:defRPr sz=\"1200\" kern=\"1200\"><a:solidFill><a:schemeClr val=\"tx1\"/></a:solidFill>\
         <a:latin typeface=\"+mn-lt\"/><a:ea typeface=\"+mn-ea\"/><a:cs typeface=\"+mn-cs\"/></a:defRPr>\
         </a:lvl1pPr></p:notesStyle></p:notesMaster>",
        placeholder(
            2,
            "Slide Image Placeholder 1",
            "type=\"sldImg\" idx=\"2\"",
            (381000, 685800, 6096000, 3429000)
        ),
        placeholder(
            3,
            "Notes Placeholder 2",
            "type=\"body\" sz=\"quarter\" idx=\"3\"",
            (685800, 4343400, 5486400, 4114800)
        ),
    )
}

pub fn notes_master_rels() -> String {
    rels(&[("rId1".into(), "theme", "../theme/theme2.xml".into())])
}

/// The theme: Office-like colours, 游ゴシック / Yu Gothic as the major and
/// minor fonts (Latin and East Asian, and for Japanese script), and the
/// three fills, lines, effects and backgrounds a theme must list.
pub fn theme(name: &str) -> String {
    let font = |tag: &str| {
        format!(
            "<a:{tag}><a:latin typeface=\"Yu Gothic\" panose=\"020B0400000000000000\"/>\
             <a:ea typeface=\"游ゴシック\"/><a:cs typeface=\"\"/>\
             <a:font script=\"Jpan\" typeface=\"游ゴシック\"/></a:{tag}>"
        )
    };
    let solid = "<a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill>";
    let line = |w: u32| {
        format!(
            "<a:ln w=\"{w}\" cap=\"flat\" cmpd=\"sng\" algn=\"ctr\">{solid}<a:prstDash val=\"solid\"/><a:miter lim=\"800000\"/></a:ln>"
        )
    };
    let colour = |tag: &str, rgb: &str| format!("<a:{tag}><a:srgbClr val=\"{rgb}\"/></a:{tag}>");
    let colours = [
        colour("dk2", "1F3864"),
        colour("lt2", "E7E6E6"),
        colour("accent1", "1F3864"),
        colour("accent2", "833C0B"),
        colour("accent3", "A5A5A5"),
        colour("accent4", "BF9000"),
        colour("accent5", "2E75B6"),
        colour("accent6", "548235"),
        colour("hlink", "0563C1"),
        colour("folHlink", "954F72"),
    ]
    .concat();
    format!(
        "{HEAD}<a:theme xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" name=\"{name}\">\
         <a:themeElements><a:clrScheme name=\"casebook\">\
         <a:dk1><a:sysClr val=\"windowText\" lastClr=\"000000\"/></a:dk1>\
         <a:lt1><a:sysClr val=\"window\" lastClr=\"FFFFFF\"/></a:lt1>{colours}</a:clrScheme>\
         <a:fontScheme name=\"casebook\">{}{}</a:fontScheme>\
         <a:fmtScheme name=\"casebook\"><a:fillStyleLst>{solid}{solid}{solid}</a:fillStyleLst>\
         <a:lnStyleLst>{}{}{}</a:lnStyleLst>\
         <a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle>\
         <a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst>\
         <a:bgFillStyleLst>{solid}{solid}{solid}</a:bgFillStyleLst></a:fmtScheme>\
         </a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>",
        font("majorFont"),
        font("minorFont"),
        line(6350),
        line(12700),
        line(19050),
    )
}
