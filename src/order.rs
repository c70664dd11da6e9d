//! Names in Japanese reading order, as far as the text allows: ICU's
//! Japanese collation puts kana in 五十音 order (hiragana with katakana,
//! half-width with full-width, ゛ after the plain kana), Latin letters
//! before kana, and kanji after kana in JIS X 0208 order, which for the
//! common (level 1) kanji is by a representative reading, mostly the on
//! reading (大阪 sorts under だい: the files carry no furigana, so a name's
//! own reading is out of reach). Legal-form words (株式会社,
//! 一般社団法人, (株), ...) before or after a name do not count, so
//! 株式会社ファーストリテイリング sorts under フ.

use std::sync::OnceLock;

use icu_collator::options::{CollatorOptions, Strength};
use icu_collator::{Collator, CollatorBorrowed, CollatorPreferences};

/// Legal forms ignored when sorting, longest first (a longer form holds a shorter one).
const LEGAL_FORMS: &[&str] = &[
    "地方独立行政法人",
    "特定非営利活動法人",
    "国立研究開発法人",
    "独立行政法人",
    "国立大学法人",
    "公立大学法人",
    "一般社団法人",
    "公益社団法人",
    "一般財団法人",
    "公益財団法人",
    "社会福祉法人",
    "社会医療法人",
    "医療法人社団",
    "医療法人財団",
    "医療法人",
    "学校法人",
    "宗教法人",
    "NPO法人",
    "株式会社",
    "有限会社",
    "合同会社",
    "合資会社",
    "合名会社",
    "(株)",
    "（株）",
    "㈱",
    "(有)",
    "（有）",
    "㈲",
];

/// The name without the legal form before or after it (and the spaces by it).
pub fn sort_name(name: &str) -> &str {
    let mut rest = name.trim();
    for form in LEGAL_FORMS {
        if let Some(r) = rest.strip_prefix(form) {
            rest = r.trim_start_matches([' ', '　']);
            break;
        }
    }
    for form in LEGAL_FORMS {
        if let Some(r) = rest.strip_suffix(form) {
            rest = r.trim_end_matches([' ', '　']);
            break;
        }
    }
    if rest.is_empty() { name.trim() } else { rest }
}

fn collator() -> &'static CollatorBorrowed<'static> {
    static COLLATOR: OnceLock<CollatorBorrowed<'static>> = OnceLock::new();
    COLLATOR.get_or_init(|| {
        let locale = icu_locale_core::locale!("ja");
        let mut options = CollatorOptions::default();
        options.strength = Some(Strength::Tertiary);
        Collator::try_new(CollatorPreferences::from(&locale), options)
            .or_else(|_| Collator::try_new(CollatorPreferences::default(), options))
            .expect("the root collation is compiled in")
    })
}

/// The sort key of a name in Japanese reading order: keys compare as the
/// names should sort.
pub fn key(name: &str) -> Vec<u8> {
    let mut key = Vec::new();
    let _ = collator().write_sort_key_to(sort_name(name), &mut key);
    key
}

/// Each name's place in Japanese reading order (equal names share a place).
pub fn ranks<'a>(names: impl Iterator<Item = &'a str>) -> Vec<u32> {
    let keys: Vec<Vec<u8>> = names.map(key).collect();
    let mut order: Vec<usize> = (0..keys.len()).collect();
    order.sort_by(|&a, &b| keys[a].cmp(&keys[b]));
    let mut rank = vec![0u32; keys.len()];
    let mut place = 0u32;
    for (n, &i) in order.iter().enumerate() {
        if n > 0 && keys[i] != keys[order[n - 1]] {
            place += 1;
        }
        rank[i] = place;
    }
    rank
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(names: &[&str]) -> Vec<String> {
        let r = ranks(names.iter().copied());
        let mut v: Vec<(u32, &str)> = r.into_iter().zip(names.iter().copied()).collect();
        v.sort();
        v.into_iter().map(|(_, n)| n.to_string()).collect()
    }

    #[test]
    fn kana_sort_by_gojuon_whatever_their_form() {
        assert_eq!(
            sorted(&[
                "サクラ商事",
                "あおば銀行",
                "ｶﾅﾘｱ物流",
                "いろは出版",
                "ガイア電機"
            ]),
            // ガイア before カナリア: voiced marks count only between equals.
            vec![
                "あおば銀行",
                "いろは出版",
                "ガイア電機",
                "ｶﾅﾘｱ物流",
                "サクラ商事"
            ]
        );
    }

    #[test]
    fn legal_forms_do_not_count() {
        assert_eq!(
            sort_name("株式会社ファーストリテイリング"),
            "ファーストリテイリング"
        );
        assert_eq!(sort_name("アットリーフ株式会社"), "アットリーフ");
        assert_eq!(
            sort_name("一般社団法人 日本ネットワークセキュリティ協会"),
            "日本ネットワークセキュリティ協会"
        );
        assert_eq!(sort_name("株式会社"), "株式会社");
        assert_eq!(
            sorted(&["株式会社ワコム", "アットリーフ株式会社", "株式会社イオン"]),
            vec!["アットリーフ株式会社", "株式会社イオン", "株式会社ワコム"]
        );
    }

    #[test]
    fn common_kanji_sort_by_their_representative_reading() {
        // JIS X 0208 level 1 order: 岩 ガン, 群 グン, 埼 サイ, 大 ダイ, 東 トウ.
        // 大阪 sorts under だい, not おおさか: the files carry no furigana.
        assert_eq!(
            sorted(&["東京都", "群馬県", "大阪市", "埼玉県", "岩手県"]),
            vec!["岩手県", "群馬県", "埼玉県", "大阪市", "東京都"]
        );
    }
}
