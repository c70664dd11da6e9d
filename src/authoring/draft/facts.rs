//! How many people and records a notice says were affected (the dates are
//! in `when.rs`, the kinds of data in `data.rs`).

use super::header::Fact;
use super::lines::Line;
use super::numbers::{self, Count, Unit};
use super::sections::{self, Kind, Section};

/// A count chosen for `people` or `records`, and the others the notice gives.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Counted {
    /// An exact figure the notice clearly gives for this.
    pub chosen: Option<Fact<u64>>,
    /// Other figures (with their lines), for the author to choose from.
    pub others: Vec<(usize, Count)>,
}

const ABOUT_DATA: &[&str] = &[
    "個人情報",
    // 本件の該当者は129名: those concerned, as the notice counts them.
    "該当者",
    "該当件数",
    "情報",
    "メールアドレス",
    "個人データ",
    "データ",
    "漏えい",
    "漏洩",
    "流出",
    "閲覧",
    "対象",
    "含まれ",
    "記録",
    "紛失",
    "患者",
    "お客様",
    "お客さま",
    "顧客",
    "会員",
    "生徒",
    "児童",
    "住民",
    "市民",
    "利用者",
    "応募",
    "保存",
    // What went out by mistake: 2,357件を5回に分けて送信, 59件の誤送付.
    "送信",
    "送付",
    "発送",
    "誤配",
];
const STAFF: &[&str] = &[
    "職員",
    "社員",
    "従業員",
    "要員",
    "担当者",
    "男性",
    "女性",
    "教諭",
    "教員",
    "委員",
    "警察",
    "弁護士",
];
/// What follows a figure of those something was sent to (学生17名に対し,
/// 12名の方に, 会員宛).
const SENT_TO: &[&str] = &["に対し", "に送", "へ送", "の方に", "宛"];

/// Words of a mail sent with its addresses in view (宛先欄 or CC for BCC).
const EXPOSED: &[&str] = &[
    "BCC",
    "Bcc",
    "bcc",
    "ＢＣＣ",
    "宛先欄",
    "TO欄",
    "To欄",
    "CC欄",
    "ＣＣ欄",
    "アドレスが表示",
    "アドレスが見え",
    "アドレスを閲覧",
    "アドレスが閲覧",
];
/// Words of data that went out: 漏えい, 流出.
const LEAKED: &[&str] = &["漏えい", "漏洩", "流出"];
const TOTAL: &[&str] = &["件数", "人数", "合計", "総数", "全", "計", ":", "："];

/// The people and records affected: the figure most plainly about the data
/// (`48,651人`, `275名分`); several equally plain figures, or an approximate
/// one, leave the field for the author, with the figures in a comment.
/// `title`: the title's line; a figure there is the one the notice leads with.
pub fn counts(lines: &[Line], sections: &[Section], title: Option<usize>) -> (Counted, Counted) {
    let mut scored: Vec<(i32, usize, Count)> = Vec::new();
    let owners = sections::owners(lines.len(), sections);
    // Mail sent with every address in view: those it was sent to are
    // those whose addresses went out.
    let addresses_shown = lines
        .iter()
        .any(|l| EXPOSED.iter().any(|w| l.text.contains(w)));
    for (i, line) in lines.iter().enumerate() {
        let section = owners[i].map(|(s, _)| &sections[s]);
        let kinds_penalty = match section {
            Some(s) if s.is(Kind::Measures) || s.is(Kind::Contact) => continue,
            Some(s) if s.is(Kind::Response) && !s.is(Kind::Summary) => -1,
            _ => 0,
        };
        let t = &line.text;
        let about =
            section.is_some_and(|s| s.is(Kind::Data)) || ABOUT_DATA.iter().any(|w| t.contains(w));
        // The units the line has counted so far (counts come in order).
        let mut counted_before = Vec::new();
        let counts = numbers::counts(t);
        let starts: Vec<usize> = counts.iter().map(|c| c.start).collect();
        let from = scored.len();
        let mut prev_end = 0;
        for (k, c) in counts.into_iter().enumerate() {
            // 2件目, 3人目: the second of them, no count.
            if t[c.end..].starts_with('目') {
                continue;
            }
            let before = &t[..c.start];
            let near_before = crate::text::last_chars(before, 6);
            let near_after: String = t[c.end..].chars().take(8).collect();
            let staff = STAFF
                .iter()
                .any(|w| near_before.contains(w) || near_after.contains(w));
            let mut score = kinds_penalty;
            // 受講者48名の名簿を含むメールの誤送信について
            if title == Some(i) {
                score += 1;
            }
            if c.text.contains('分') {
                score += 3;
            }
            if about {
                score += 2;
            }
            // 104人のメールアドレス, 39名の氏名: the figure counts whose data it is.
            if [
                "のメールアドレス",
                "の個人情報",
                "の氏名",
                "の個人データ",
                "の方の",
                "の個人",
            ]
            .iter()
            .any(|w| near_after.starts_with(w))
            {
                score += 1;
            }
            if TOTAL.iter().any(|w| near_before.contains(w)) {
                score += 1;
            }
            // 総件数：32,800件, 合計275名分: the whole, over its parts.
            if ["総件数", "総数", "合計", "総計", "計"]
                .iter()
                .any(|w| near_before.contains(w))
            {
                score += 1;
            }
            // Those the organization could or could not reach are not a count of the data.
            let clause: String = t[c.end..]
                .chars()
                .take_while(|ch| *ch != '。')
                .take(40)
                .collect();
            if ["連絡がとれ", "連絡が取れ", "連絡がつ", "連絡を取"]
                .iter()
                .any(|w| clause.contains(w))
            {
                score -= 2;
            }
            // 65件のメールアドレスを漏えい: the figure said to have leaked
            // (not those it leaked to: 441名に流出).
            let said: String = clause.chars().take(16).collect();
            if LEAKED.iter().any(|w| said.contains(w)) && !near_after.starts_with(['に', 'へ']) {
                score += 1;
            }
            // 全校生徒数1,081名: how many there are, not how many it touched.
            if near_before.contains("全校")
                || [
                    "生徒数",
                    "児童数",
                    "会員数",
                    "職員数",
                    "社員数",
                    "世帯数",
                    "人口",
                ]
                .iter()
                .any(|w| near_before.ends_with(w))
            {
                score -= 3;
            }
            // 名簿1枚(9世帯分): the sheets that hold the data, counted by
            // whose data they hold.
            let holds = clause.split(['、', '，']).next().is_some_and(|c| {
                ["名分", "人分", "世帯分", "件分"]
                    .iter()
                    .any(|w| c.contains(w))
            });
            if c.text.ends_with(['枚', '通']) && holds {
                score -= 3;
            }
            // A rate (医療証1枚につき1封筒), not a count.
            if ["につき", "あたり", "当たり", "ごと"]
                .iter()
                .any(|w| near_after.starts_with(w))
            {
                score -= 5;
            }
            // Those who saw it (194人の保護者の皆さんが閲覧済み) are not those
            // whose data it was.
            if clause.contains("閲覧済") || near_after.starts_with("の保護者の皆") {
                score -= 3;
            }
            // 職員1名が掲示した: the one who did it; 従業員1,284名分, or a
            // figure in the list of data: those whose data it was.
            // (従業員(1名)の氏名: whose data it was, too.)
            let whose = t[c.end..].trim_start_matches([')', '）']);
            let subjects = c.text.contains('分')
                || section.is_some_and(|s| s.is(Kind::Data))
                || c.unit == Unit::People
                    && [
                        "の氏名",
                        "の個人情報",
                        "の情報",
                        "の住所",
                        "の健診",
                        "の診療",
                    ]
                    .iter()
                    .any(|w| whose.starts_with(w));
            if staff && !subjects {
                score -= 5;
            }
            // A figure in brackets is an aside (実人数, 内訳), unless the
            // brackets hold the figure alone after what it counts
            // (対象者（11名）, 549名分（576件）).
            let depth = before.chars().fold(0usize, |d, c| match c {
                '(' | '（' => d + 1,
                ')' | '）' => d.saturating_sub(1),
                _ => d,
            });
            let alone = before.ends_with(['(', '（']) && t[c.end..].starts_with([')', '）']);
            if depth > 0 && !alone {
                score -= 1;
            }
            // A part of a whole the line counts first: 187名…そのうち66名,
            // うち16件 (not …ご利用のお客様のうち、1950名: the
            // whole is not counted).
            let whole_before = counted_before.contains(&c.unit);
            counted_before.push(c.unit);
            // …140名、内メール登録者29名: 内 opens the part's clause.
            let since_last = &t[prev_end..c.start];
            let part_clause = ["、内", "，内", "、うち", "，うち"]
                .iter()
                .any(|w| since_last.contains(w));
            prev_end = c.end;
            if (["うち", "内訳"].iter().any(|w| near_before.contains(w)) || part_clause)
                && whole_before
            {
                score -= 2;
            }
            // Those who were told or who received it, not those affected:
            // 学生17名に対し, 12名の方に流出, ご家族1名.
            let told = SENT_TO
                .iter()
                .chain(&[
                    "に郵送",
                    "へ郵送",
                    "に流出",
                    "へ流出",
                    "に漏えい",
                    "に発送",
                    "へ発送",
                    "に誤",
                    "から連絡",
                    "より連絡",
                ])
                .any(|w| near_after.starts_with(w))
                || c.unit == Unit::People
                    && ["家族", "保護者"].iter().any(|w| near_before.ends_with(w))
                    // (返還金の対象となる保護者 258名: those it touched.)
                    && !crate::text::last_chars(before, 12).contains("対象");
            let recipients = addresses_shown && SENT_TO.iter().any(|w| near_after.starts_with(w));
            // 365名に対して誤った授業料の徴収, 11世帯に対し…円の過徴収: those
            // charged or paid wrongly are those it touched.
            let charged = c.unit != Unit::Records
                && near_after.starts_with("に対")
                && [
                    "過徴収",
                    "過大",
                    "過少",
                    "徴収",
                    "支給",
                    "請求",
                    "還付",
                    "賦課",
                    "課税",
                    "算定",
                ]
                .iter()
                .any(|w| clause.contains(w));
            // 漏えいした個人情報の対象者23人に対し: those whose data it was.
            let subjects_of_leak =
                near_before.ends_with("対象者") && LEAKED.iter().any(|w| before.contains(w));
            // 注意喚起のメールを一斉送信(205件), お詫び文を送付(40件): what the
            // body sent afterwards, not what went out.
            let sent_after = ["注意喚起", "お詫び", "おわび", "謝罪"]
                .iter()
                .any(|w| crate::text::last_chars(before, 16).contains(w));
            // 選挙人(1名)に対し、誤って投票用紙を交付: those handed the wrong
            // paper are those it touched (not those sent another's data).
            let handed = c.unit == Unit::People
                && clause.contains("交付")
                && !["送付", "送信", "郵送", "発送"]
                    .iter()
                    .any(|w| clause.contains(w));
            if (told || sent_after) && !recipients && !subjects_of_leak && !handed && !charged {
                score -= 3;
            }
            if charged {
                score += 1;
            }
            // 12人 alone on its line, its amount beside or below it (134,504円):
            // a table's count of those it touched.
            let alone_on_line = t.trim() == c.text.trim();
            let amount = clause.contains('円')
                || alone_on_line
                    && lines
                        .get(i + 1)
                        .is_some_and(|n| n.text.trim().ends_with('円'));
            // (・還付 7人 7,700円: a part under its label, not the whole.)
            let leads = before.trim_start_matches(['・', '-', ' ', '　']).is_empty();
            if c.unit != Unit::Records && (alone_on_line || amount && leads) {
                score += 1;
            }
            // 選挙人1人, 6名の選挙人: persons of the kind a ballot error touches.
            let voters = ["選挙人", "有権者", "投票者"];
            if c.unit == Unit::People
                && (voters
                    .iter()
                    .any(|w| near_before.trim_end_matches(['(', '（']).ends_with(w))
                    || near_after
                        .strip_prefix('の')
                        .is_some_and(|r| voters.iter().any(|w| r.starts_with(w))))
            {
                score += 1;
            }
            // 児童111人の保護者89件: the first figure only says whose the
            // second's are.
            if near_after.starts_with('の')
                && starts.get(k + 1).is_some_and(|&next| {
                    let between = &t[c.end..next];
                    between.chars().count() <= 5 && !between.contains(['、', '，', '。'])
                })
            {
                score -= 2;
            }
            scored.push((score, i, c));
        }
        // 児童12名及びその保護者11名の個人情報: two groups of one whole, in one
        // phrase; their sum is the count, over each alone.
        let pairs: Vec<(i32, Count)> = scored[from..]
            .windows(2)
            .filter_map(|w| {
                let ((sa, _, a), (sb, _, b)) = (&w[0], &w[1]);
                let between = &t[a.end..b.start];
                (a.unit == b.unit
                    && !a.approximate
                    && !b.approximate
                    && between.chars().count() <= 8
                    && ["及び", "および", "並びに"]
                        .iter()
                        .any(|j| between.starts_with(j)))
                .then(|| {
                    (
                        (*sa).max(*sb) + 1,
                        Count {
                            value: a.value + b.value,
                            text: t[a.start..b.end].to_string(),
                            end: b.end,
                            ..a.clone()
                        },
                    )
                })
            })
            .collect();
        for (score, sum) in pairs {
            scored.push((score, i, sum));
        }
    }
    let mut people = choose(&scored, Unit::People, lines);
    // Households, where the notice counts no persons (対象世帯 12世帯).
    if people.chosen.is_none() && people.others.is_empty() {
        people = choose(&scored, Unit::Households, lines);
    }
    let mut records = choose(&scored, Unit::Records, lines);
    // Records are written only where they differ from the persons (400人の
    // メールアドレス … メールアドレス400件 is one figure).
    if let (Some(p), Some(r)) = (&people.chosen, &records.chosen)
        && p.value == r.value
    {
        records.chosen = None;
    }
    (people, records)
}

fn choose(scored: &[(i32, usize, Count)], unit: Unit, lines: &[Line]) -> Counted {
    // A plain figure about the data; an approximate one (約10万件) is offered
    // in the comment even where the line says less about the data.
    let mut of_unit: Vec<&(i32, usize, Count)> = scored
        .iter()
        .filter(|(s, _, c)| c.unit == unit && (*s >= 1 || c.approximate && *s >= 0))
        .collect();
    of_unit.sort_by_key(|(s, _, c)| (std::cmp::Reverse(*s), std::cmp::Reverse(c.value)));
    let others = |except: Option<u64>| {
        let mut seen = std::collections::HashSet::new();
        of_unit
            .iter()
            .filter(|(_, _, c)| Some(c.value) != except || c.approximate)
            .filter(|(_, _, c)| seen.insert(c.value))
            .map(|(_, i, c)| (*i, c.clone()))
            .collect::<Vec<_>>()
    };
    let Some((top, i, best)) = of_unit.first().map(|(s, i, c)| (*s, *i, c)) else {
        return Counted::default();
    };
    // Another figure just as plain and different: the notice counts several
    // things. Items of a list of the data, each on its own line with its
    // figure (メールアドレス(12名分) / 電話番号(5名分)): the largest is whose
    // data it was, the rest parts of them.
    let plain: Vec<_> = of_unit.iter().filter(|(s, _, _)| *s == top).collect();
    let rival = plain.iter().any(|(_, _, c)| c.value != best.value);
    let mut lines_of: Vec<usize> = plain.iter().map(|(_, i, _)| *i).collect();
    lines_of.sort_unstable();
    lines_of.dedup();
    // (Groups of people each with their figure, ご担当者 3,420名分 /
    // 従業員 1,284名分, are several counts.)
    let of_data = |i: usize, c: &Count| {
        let before = lines[i].text[..c.start].trim_end_matches([' ', '　', '(', '（']);
        !before.ends_with(['者', '様', '員', '生', '人', '方', '民', '児', '客'])
    };
    let listed = rival
        && lines_of.len() == plain.len()
        && plain
            .iter()
            .all(|(_, i, c)| c.text.contains('分') && !c.approximate && of_data(*i, c));
    // 3名分 … 2名分の紛失 … 1名分の紛失: a whole its parts add up to.
    let mut values: Vec<u64> = plain.iter().map(|(_, _, c)| c.value).collect();
    values.sort_unstable();
    values.dedup();
    let total: u64 = values.iter().sum();
    // (Three different figures at least: the whole and two parts.)
    let whole = if values.len() >= 3 {
        plain
            .iter()
            .find(|(_, _, c)| !c.approximate && total == 2 * c.value)
    } else {
        None
    };
    let (i, best) = if let Some((_, i, c)) = whole {
        (*i, c)
    } else if listed {
        plain
            .iter()
            .max_by_key(|(_, _, c)| c.value)
            .map(|(_, i, c)| (*i, c))
            .unwrap_or((i, best))
    } else {
        (i, best)
    };
    if best.approximate || (rival && !listed && whole.is_none()) {
        return Counted {
            chosen: None,
            others: others(None),
        };
    }
    Counted {
        chosen: Some(Fact {
            value: best.value,
            lines: vec![i],
            quote: format!("{} ({})", best.text, shorten(&lines[i].text, 40)),
        }),
        others: others(Some(best.value)),
    }
}

/// The first `n` characters of a line, with `…` when cut.
pub fn shorten(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(n).collect();
        out.push('…');
        out
    }
}

#[cfg(test)]
mod tests {
    use super::super::sections::parse;
    use super::*;

    fn counted(text: &str) -> (Option<u64>, Option<u64>, usize) {
        let (ls, ss) = parse(text);
        let (p, r) = counts(&ls, &ss, None);
        (
            p.chosen.map(|f| f.value),
            r.chosen.map(|f| f.value),
            p.others.len() + r.others.len(),
        )
    }

    #[test]
    fn a_figure_in_the_title_leads_figures_as_plain() {
        let text = "受講者48名の名簿を含むメールの誤送信について\n441名の会員に、48名の受講者の名簿を誤って送りました。";
        let (ls, ss) = parse(text);
        assert_eq!(counts(&ls, &ss, None).0.chosen.map(|f| f.value), None);
        assert_eq!(
            counts(&ls, &ss, Some(0)).0.chosen.map(|f| f.value),
            Some(48)
        );
    }

    #[test]
    fn the_plainest_figure_about_the_data_is_chosen() {
        assert_eq!(
            counted(
                "漏えいの恐れのある個人データの件数:48,651人\n延べ3,427件(実人数2,567人)分は閲覧可能"
            ),
            (Some(48651), None, 2)
        );
        assert_eq!(
            counted("生徒39名分の氏名が流出しました。\n職員1名が掲示した。"),
            (Some(39), None, 0)
        );
        assert_eq!(
            counted("730名の当社社員が、14,657契約の顧客情報を閲覧していた。"),
            (None, None, 0)
        );
        // Those concerned, as the notice counts them (該当者は129名).
        assert_eq!(
            counted(
                "接種会場で、誤った番号のシールを貼付しました。\nなお、本件の該当者は129名です。"
            ),
            (Some(129), None, 0)
        );
        // The second of them (2件目) is no count of two.
        assert_eq!(
            counted(
                "書類の誤送付について\n別人の書類が届いた方が事務所に書類を持ち込み、2件目の誤送付が発覚した。"
            ),
            (None, None, 0)
        );
        // Approximate: left to the author, the figure in a comment.
        assert_eq!(
            counted("全市民46万人余りの個人情報が入ったUSBメモリー"),
            (None, None, 1)
        );
        // The warnings the body sent afterwards (注意喚起のメールを一斉送信(205件))
        // count no one affected.
        assert_eq!(
            counted(
                "観光課をかたるメールが届いていると問い合わせがありました。\n会員の会社あてに注意喚起として一括でメール(205件)を送りました。"
            ),
            (None, None, 0)
        );
        // A total and a part of it: the total.
        assert_eq!(
            counted("患者187名の記録が入っており、うち66名は氏名も書かれていた。"),
            (Some(187), None, 0)
        );
        // Staff whose data it was (従業員(1名)の氏名) are counted.
        assert_eq!(
            counted(
                "健診機関が、B社の従業員(1名)の氏名や健診結果が記載された一覧表を別の組合へ送付しました。"
            ),
            (Some(1), None, 0)
        );
        // The one who did it (要員(1名)) is not counted.
        assert_eq!(
            counted(
                "窓口の業務に従事している要員(1名)の私物のパソコンがウイルスに感染しました。\n調べた結果、1950名のお客様の情報が含まれていました。"
            ),
            (Some(1950), None, 0)
        );
        // A part of the customers, none counted before it: the count.
        assert_eq!(
            counted("調べた結果、窓口をご利用のお客様のうち、1950名の情報の一部が入っていました。"),
            (Some(1950), None, 0)
        );
        // Those who were told are not those affected; a lone figure in
        // brackets after what it counts is the count.
        assert_eq!(
            counted("個人情報漏えいの対象者(11名)へ、お詫び文書をお渡ししました。"),
            (Some(11), None, 0)
        );
        assert_eq!(
            counted("学生17名に対し誤って学生236人分の情報を含むファイルを送信した。"),
            (Some(236), None, 0)
        );
        // A mis-sent count, and the count that was mis-sent over the
        // envelopes recovered since.
        assert_eq!(
            counted(
                "技能実習の監理団体あてにメールを送る際、誤って宛先欄に入力した。\n・2,357件を5回に分けて送信。"
            ),
            (None, Some(2357), 0)
        );
        assert_eq!(
            counted(
                "1. 経緯\n調べたところ59件の誤送付が判明しました。\n2. 対応状況\n開封前に回収できたのは53通、残る5通は調査中です。"
            ),
            (None, Some(59), 0)
        );
        // The figure whose data it is, over a figure in brackets beside it.
        assert_eq!(
            counted(
                "来年入学する子ども(85人)の保護者、106人のメールアドレスが見える形で送信しました。"
            ),
            (Some(106), None, 1)
        );
        // Those whose leaked data it was are counted even as those told.
        assert_eq!(
            counted("3 対応\n漏えいした個人情報の対象者23人に対し、経緯を伝えてお詫びしました。"),
            (Some(23), None, 0)
        );
        // A whole its parts add up to.
        assert_eq!(
            counted(
                "書類の紛失について\n児童4名分の書類を受け取った。その後、3名分の紛失が判明した。さらに1名分の紛失が判明した。"
            ),
            (Some(4), None, 2)
        );
        // Members counted under a label of how many the mail went to.
        assert_eq!(
            counted(
                "メールの誤送信について\n宛先欄に入力して送信しました。\n送信人数\n推進協議会委員27人\n"
            ),
            (Some(27), None, 0)
        );
        // Households, where the notice counts no persons, are those affected
        // (対象世帯 12世帯); a sheet's households (9世帯分) are not.
        assert_eq!(
            counted(
                "課税誤りについて\n対象世帯及び金額\n対象となる世帯数 7世帯、追加で納める額 81,300円\n"
            ),
            (Some(7), None, 0)
        );
        assert_eq!(
            counted("保険料の誤りについて\n対象者 5人(3世帯)の保険料を誤って計算しました。"),
            (Some(5), None, 0)
        );
        // A sheet that holds the data of households is no record of it.
        assert_eq!(
            counted("1 紛失した書類\n「訪問予定表」1枚(記載された対象の世帯:9世帯分)"),
            (None, None, 0)
        );
        // Nor of persons it names, who are counted instead.
        assert_eq!(
            counted("紛失した書類は名簿2枚(児童31名分)です。"),
            (Some(31), None, 0)
        );
        // A part the line counts after its whole (…140名、内…29名): the whole.
        assert_eq!(
            counted(
                "誤って送ったファイルの対象\n個人情報が閲覧されたおそれのある方 140名分、内メール登録者29名分\n"
            ),
            (Some(140), None, 1)
        );
        // Those given the wrong ballot or paper are those affected.
        assert_eq!(
            counted(
                "投票用紙の交付誤りについて\n2 経緯\n期日前投票所で、選挙人(2名)に対し、小選挙区の用紙を取り違えて交付しました。\n"
            ),
            (Some(2), None, 0)
        );
        assert_eq!(
            counted(
                "投票用紙の交付誤りについて\n用紙を入れ替えてしまい、6名の選挙人に対して別の選挙の投票用紙を交付しました。\n"
            ),
            (Some(6), None, 0)
        );
        // Those charged or paid wrongly, and a table's count beside its amount.
        assert_eq!(
            counted(
                "授業料の徴収誤りについて\n調査の結果、312名に対して、誤った授業料の徴収手続きを行っていました。\n"
            ),
            (Some(312), None, 0)
        );
        assert_eq!(
            counted(
                "介護サービス費の支給誤りについて\n対象者に追加の支給を行います。\n令和3年4月から令和5年3月までの利用分\n14人\n120,300円\n"
            ),
            (Some(14), None, 0)
        );
        // (A part under its label, with its amount, is not the whole.)
        assert_eq!(
            counted(
                "料金の誤りについて\n・対象者14人\n・還付 9人 8,100円\n・追加納付 5人 101,200円\n"
            ),
            (Some(14), None, 0)
        );
        assert_eq!(
            counted("利用料の誤りについて\n・返還金の対象となる保護者  231名\n"),
            (Some(231), None, 0)
        );
        // A rate is not a count.
        assert_eq!(
            counted("今後は、医療証1枚につき1封筒にして発送する枚数を管理します。"),
            (None, None, 0)
        );
        // Those who saw the mail are not those whose data it held.
        assert_eq!(
            counted(
                "成績を保護者あてに送りましたが、152人の保護者の皆さんが閲覧済みとなりました。"
            ),
            (None, None, 0)
        );
        // Mail sent with every address in view (宛先欄, To, CC instead of
        // BCC): those it was sent to are those whose addresses went out.
        assert_eq!(
            counted(
                "講座の案内を受講者15名に対し送信した際、BCCではなく宛先欄に入力しました。\n送信した15名の方に謝罪しました。"
            ),
            (Some(15), None, 0)
        );
        // Of those it was sent to, the ones whose own data it was.
        assert_eq!(
            counted(
                "説明会の申込者25名に対し、BCCではなくTOで送信しました。\nその中には4名の方の私用のメールアドレスもありました。"
            ),
            (Some(4), None, 1)
        );
        // Of what was sent, the part said to have leaked.
        assert_eq!(
            counted(
                "142件の宛先に一斉送信した際、宛先欄に入力しました。\n送信件数142件のうち、58件のアドレスに個人名が含まれていた。\n58件のメールアドレスを漏えいしました。"
            ),
            (None, Some(58), 1)
        );
        // …but not those it leaked to.
        assert_eq!(
            counted(
                "名簿には受講者である37名の学生の氏名が記載されており、これらの個人情報が512名に流出しました。"
            ),
            (Some(37), None, 0)
        );
        // The school's roll and the whole year it was posted to are not the count.
        assert_eq!(
            counted(
                "南高校(全校生徒数912名)において、1年生1名の通知が他の生徒に誤って送付されました。\n1年生の全生徒310名に郵送しました。"
            ),
            (Some(1), None, 0)
        );
        // Two groups in one phrase: their sum.
        assert_eq!(
            counted("委託先の端末に生徒21名及びその保護者20名の個人情報が含まれていました。"),
            (Some(41), None, 1)
        );
        // Whose they are, then the figure of the data.
        assert_eq!(
            counted("申込児童75人の保護者61件のメールアドレス宛に送信しました。"),
            (None, Some(61), 0)
        );
        // …but not where the mail carried others' data.
        assert_eq!(
            counted("会員8名に対し、誤って応募者62人分の名簿を添付して送信しました。"),
            (Some(62), None, 0)
        );
        // Each item of a list of the data with its own figure (…名分): the
        // largest is those whose data it was, the rest parts of them.
        assert_eq!(
            counted("流出した情報\n(1)メールアドレス(12名分)\n(2)電話番号(5名分)"),
            (Some(12), None, 1)
        );
        // …but groups of people, each with its figure, are several counts.
        assert_eq!(
            counted("流出した情報\n(1)取引先のご担当者 120名分\n(2)従業員 45名分"),
            (None, None, 2)
        );
        // Two equally plain figures: several groups, the author decides.
        assert_eq!(
            counted("購入者名簿(9,623名)やボランティア名簿(111名)などの個人情報を回収"),
            (None, None, 2)
        );
    }
}
