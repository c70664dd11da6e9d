//! The case-file format, version 1, as one table: every field's name, type,
//! whether it is required, and what it holds. The loader (`load::case`) takes
//! its known and required fields from here, `casebook schema` builds the JSON
//! Schema from it, and `casebook new` writes its scaffold from it, so the three
//! cannot disagree.

/// What a field holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Type {
    /// Text of `a-z`, `0-9` and `-`.
    Slug,
    /// One line of text.
    Line,
    /// Text of several lines.
    Text,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    Date,
    /// `YYYY-MM-DD` only.
    Day,
    /// A whole number written as digits.
    Count,
    /// A list of one-line texts (may be empty).
    Lines,
    /// An id from the sector vocabulary.
    Sector,
    /// An id from the cause vocabulary.
    Cause,
    /// A list of ids from the threat lists (IPA 10大脅威).
    Threats,
    /// A list of at least one `SCHEME:ID` known to a control catalog.
    Controls,
    /// `reported`, `required`, `suggested` or `editorial`.
    Origin,
    /// `planned`, `in-progress`, `done` or `verified`.
    Progress,
    /// An `http(s)://` address.
    Url,
    /// `true`, `false` or `unknown`.
    Fact,
    /// A rule id of the report rules (`ppc`, `pmark`).
    ReportTo,
    /// A stage id of the report rules (`preliminary`, `final`).
    Stage,
    /// A mapping with these fields.
    Map(&'static [Field]),
    /// A list of at least one mapping with these fields.
    Entries(&'static [Field]),
}

/// One field of a place in the format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Field {
    pub name: &'static str,
    pub ty: Type,
    pub required: bool,
    /// What is expected, in English: the loader's "missing" message and the schema's description.
    pub en: &'static str,
    /// The same in Japanese: the scaffold's comments and the schema's description.
    pub ja: &'static str,
}

const fn field(
    name: &'static str,
    ty: Type,
    required: bool,
    en: &'static str,
    ja: &'static str,
) -> Field {
    Field {
        name,
        ty,
        required,
        en,
        ja,
    }
}

/// The top level of a case file.
pub const CASE: &[Field] = &[
    field(
        "id",
        Type::Slug,
        true,
        "the case id, e.g. kesennuma-hospital-pos-2024",
        "事例ID（a-z・0-9・-）。引用に使うので共有後は変えない",
    ),
    field(
        "copied_from",
        Type::Slug,
        false,
        "the id of the case this file was copied from (the browser's E on a bundled case writes it); coverage and statistics then count the incident once, as this copy",
        "この事例ファイルの元になった事例のID（同梱の事例をブラウザの E でコピーすると書かれます）。網羅状況と統計ではこのコピーだけを1件と数えます",
    ),
    field(
        "title",
        Type::Line,
        true,
        "a one-line title in Japanese",
        "何が起きたかを一行で（自分の言葉で）",
    ),
    field(
        "organization",
        Type::Line,
        true,
        "the organization that reported the incident",
        "公表した組織",
    ),
    field(
        "sector",
        Type::Sector,
        true,
        "a sector id from catalogs/sectors.yaml",
        "業種ID（catalogs/sectors.yaml）",
    ),
    // Required unless `discovered` is given (see REQUIRED_UNLESS).
    field(
        "published",
        Type::Date,
        false,
        "the date it was made public, YYYY-MM-DD",
        "組織が公表した日（YYYY-MM-DD。日が不明なら YYYY-MM か YYYY）",
    ),
    field(
        "discovered",
        Type::Day,
        false,
        "the day the organization became aware of it, YYYY-MM-DD; report deadlines count from it",
        "発覚日（組織が事態を知った日、YYYY-MM-DD）。報告の期限はこの日から数える",
    ),
    field(
        "occurred",
        Type::Date,
        false,
        "when it happened: YYYY, YYYY-MM or YYYY-MM-DD",
        "発生した時期（YYYY、YYYY-MM、YYYY-MM-DD）",
    ),
    field(
        "summary",
        Type::Text,
        true,
        "a few sentences on what happened",
        "何が起きたかを2〜6文で（自分の言葉で）",
    ),
    field(
        "affected",
        Type::Map(AFFECTED),
        false,
        "the affected people, records and data",
        "影響を受けた人数・件数・情報の種類",
    ),
    field(
        "leak",
        Type::Map(LEAK),
        false,
        "the facts a leak report turns on: true, false or unknown",
        "漏えい等報告の要否を決める事実（true / false / unknown）",
    ),
    field(
        "root_causes",
        Type::Entries(ROOT_CAUSE),
        true,
        "a list of {category, text}",
        "原因（category と text の組を1つ以上）",
    ),
    field(
        "measures",
        Type::Entries(MEASURE),
        true,
        "a list of {text, controls}",
        "再発防止策（text と controls の組を1つ以上）",
    ),
    field(
        "response",
        Type::Lines,
        false,
        "actions taken right after discovery",
        "発覚直後の対応",
    ),
    field(
        "reports",
        Type::Entries(REPORT),
        false,
        "the reports filed: {to, stage, date}",
        "提出した報告（to、stage、date の組）",
    ),
    field(
        "sources",
        Type::Entries(SOURCE),
        true,
        "a list of {publisher, title, date, url}",
        "出典（publisher と title の組を1つ以上）",
    ),
    field("tags", Type::Lines, false, "search words", "検索語"),
    field(
        "threats",
        Type::Threats,
        false,
        "ids from a threat list such as catalogs/threats-2026.yaml (IPA 10 major threats), e.g. [ransomware]",
        "脅威の分類（IPA 情報セキュリティ10大脅威のID、catalogs/threats-2026.yaml。例 [ransomware]）",
    ),
];

/// Fields required unless another is present: an incident never made public
/// has no `published` and gives the day it was `discovered` instead. The
/// loader, the schema (`anyOf`) and the scaffold's comments follow this.
pub const REQUIRED_UNLESS: &[(&str, &str)] = &[("published", "discovered")];

/// The fields of a team's own incident: `casebook new` writes them; they are
/// optional on any case.
pub const INCIDENT: &[&str] = &["discovered", "leak", "reports"];

/// `leak`: each fact `true`, `false` or `unknown` (not written: unknown).
pub const LEAK: &[Field] = &[
    field(
        "sensitive",
        Type::Fact,
        false,
        "do the data include special-care-required personal information (medical history, criminal record, creed...)?",
        "要配慮個人情報（病歴、犯罪歴、信条など）が含まれるか",
    ),
    field(
        "financial",
        Type::Fact,
        false,
        "could misuse of the data cause financial damage (card numbers, banking credentials...)?",
        "悪用されると財産的被害が生じるおそれのある情報（カード番号、ネットバンキングの認証情報など）か",
    ),
    field(
        "malicious",
        Type::Fact,
        false,
        "may it have been caused by an act with an improper purpose (unauthorized access, theft, insider misuse)?",
        "不正の目的をもった行為（不正アクセス、盗難、内部不正など）によるおそれがあるか",
    ),
    field(
        "encrypted",
        Type::Fact,
        false,
        "were the data protected by strong encryption, the key not leaked?",
        "高度な暗号化などで保護され、鍵は漏えいしていないか",
    ),
    field(
        "recovered_unseen",
        Type::Fact,
        false,
        "was all of it recovered before anyone saw it?",
        "第三者に見られる前にすべて回収したか",
    ),
    field(
        "public_body",
        Type::Fact,
        false,
        "is the organization a public body (行政機関等)? (not written: true for the sectors the report rules name)",
        "行政機関等か（省略時は報告規則が挙げる業種なら true）",
    ),
];

/// `reports[]`.
pub const REPORT: &[Field] = &[
    field(
        "to",
        Type::ReportTo,
        true,
        "to whom: a rule id of catalogs/report-rules.yaml (ppc, pmark)",
        "提出先（catalogs/report-rules.yaml の規則ID: ppc、pmark）",
    ),
    field(
        "stage",
        Type::Stage,
        true,
        "which report: preliminary or final",
        "どの報告か（preliminary = 速報、final = 確報）",
    ),
    field(
        "date",
        Type::Day,
        true,
        "the day it was filed, YYYY-MM-DD",
        "提出した日（YYYY-MM-DD）",
    ),
];

/// `affected`.
pub const AFFECTED: &[Field] = &[
    field(
        "people",
        Type::Count,
        false,
        "the number of persons, digits only",
        "人数（数字のみ。概数は summary に書く）",
    ),
    field(
        "records",
        Type::Count,
        false,
        "the number of records or items, digits only",
        "件数（人数と異なるとき。数字のみ）",
    ),
    field(
        "data",
        Type::Lines,
        false,
        "kinds of data",
        "情報の種類（氏名、住所など）",
    ),
];

/// `root_causes[]`.
pub const ROOT_CAUSE: &[Field] = &[
    field(
        "category",
        Type::Cause,
        true,
        "a cause id from catalogs/causes.yaml",
        "原因分類ID（catalogs/causes.yaml）",
    ),
    field(
        "text",
        Type::Line,
        true,
        "what went wrong, in a sentence",
        "何がまずかったかを一文で",
    ),
];

/// `measures[]`.
pub const MEASURE: &[Field] = &[
    field(
        "text",
        Type::Line,
        true,
        "the measure, in a sentence",
        "再発防止策を一文で",
    ),
    field(
        "controls",
        Type::Controls,
        true,
        "a list of SCHEME:ID such as iso27001:A.7.14",
        "管理策（SCHEME:ID、例 iso27001:A.7.14）",
    ),
    field(
        "origin",
        Type::Origin,
        false,
        "reported (the default), required, suggested (an outside expert's suggestion, named in by) or editorial",
        "出どころ: reported（組織の発表、既定）、required（規制当局等の要請）、suggested（外部の専門家等の提言、by に名前）、editorial（編集部の教訓）",
    ),
    field(
        "by",
        Type::Line,
        false,
        "who announced, required or suggested it, when not the organization",
        "発表・要請・提言した者（組織自身でないとき）",
    ),
    field(
        "status",
        Type::Progress,
        false,
        "where carrying it out stands: planned, in-progress, done or verified",
        "実施状況: planned（未着手）、in-progress（対応中）、done（実施済み）、verified（有効性確認済み）",
    ),
    field(
        "owner",
        Type::Line,
        false,
        "who is responsible for carrying it out",
        "実施の責任者・担当部署",
    ),
    field(
        "due",
        Type::Day,
        false,
        "the day it is to be done by, YYYY-MM-DD",
        "実施の期限（YYYY-MM-DD）",
    ),
    field(
        "done",
        Type::Day,
        false,
        "the day it was carried out, YYYY-MM-DD",
        "実施した日（YYYY-MM-DD）",
    ),
    field(
        "verified",
        Type::Day,
        false,
        "the day its effect was checked, YYYY-MM-DD",
        "有効性を確認した日（YYYY-MM-DD）",
    ),
    field(
        "evidence",
        Type::Line,
        false,
        "what shows it was done: a document, a record",
        "実施の証跡（文書名、記録など）",
    ),
];

/// The fields of `measures[]` that follow a measure through (status, owner,
/// dates, evidence): `casebook new` writes them; they are optional on any case.
pub const TRACKING: &[&str] = &["status", "owner", "due", "done", "verified", "evidence"];

/// `sources[]`.
pub const SOURCE: &[Field] = &[
    field(
        "publisher",
        Type::Line,
        true,
        "who published the notice or article",
        "公表した者（組織、報道機関など）",
    ),
    field(
        "title",
        Type::Line,
        true,
        "the notice's or article's own title",
        "公表文・記事の表題そのまま",
    ),
    field(
        "date",
        Type::Date,
        false,
        "its date, YYYY-MM-DD, YYYY-MM or YYYY",
        "公表文・記事の日付",
    ),
    field(
        "url",
        Type::Url,
        false,
        "where it can be read, https://...",
        "読める場所（https://...）",
    ),
    field(
        "accessed",
        Type::Day,
        false,
        "the day the page was read, YYYY-MM-DD",
        "そのページを読んだ日（YYYY-MM-DD）",
    ),
];

/// The names a place accepts, in table order.
pub fn names(place: &[Field]) -> Vec<&'static str> {
    place.iter().map(|f| f.name).collect()
}

/// A field of a place by name.
pub fn get(place: &'static [Field], name: &str) -> Option<&'static Field> {
    place.iter().find(|f| f.name == name)
}

/// The field a diagnostic path names: `measures[2].controls[1]` → `controls` of `measures[]`.
pub fn at_path(path: &str) -> Option<&'static Field> {
    let mut place: &'static [Field] = CASE;
    let mut found = None;
    for part in path.split('.') {
        let (name, indexed) = match part.find('[') {
            Some(i) => (&part[..i], true),
            None => (part, false),
        };
        let f = get(place, name)?;
        found = Some(f);
        match f.ty {
            Type::Map(inner) => place = inner,
            Type::Entries(inner) if indexed => place = inner,
            _ => place = &[],
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_name_their_fields() {
        assert_eq!(at_path("sector").map(|f| f.name), Some("sector"));
        assert_eq!(
            at_path("measures[2].controls[1]").map(|f| f.ty),
            Some(Type::Controls)
        );
        assert_eq!(at_path("affected.people").map(|f| f.ty), Some(Type::Count));
        assert_eq!(at_path("sources[1].url").map(|f| f.ty), Some(Type::Url));
        assert_eq!(at_path("leak.sensitive").map(|f| f.ty), Some(Type::Fact));
        assert_eq!(at_path("reports[2].date").map(|f| f.ty), Some(Type::Day));
        assert_eq!(
            at_path("measures[1].status").map(|f| f.ty),
            Some(Type::Progress)
        );
        assert_eq!(at_path("measures[3].due").map(|f| f.ty), Some(Type::Day));
        assert_eq!(at_path("nope"), None);
        assert_eq!(at_path("sector.x"), None);
    }
}
