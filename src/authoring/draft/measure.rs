//! Measures as a checklist holds them: which sentences announce a concrete
//! measure (not a bare promise to prevent a recurrence), and a sentence that
//! announces several (`…を再点検するとともに、…を徹底する`) split into one each.

/// Words of a concrete act of prevention.
const ACTS: &[&str] = &[
    "研修",
    "教育",
    "指導",
    "周知",
    "確認",
    "点検",
    "チェック",
    "照合",
    "二重",
    "複数",
    "暗号化",
    "パスワード",
    "認証",
    "導入",
    "設定",
    "変更",
    "見直",
    "手順",
    "マニュアル",
    "ルール",
    "規程",
    "規則",
    "要綱",
    "監視",
    "廃止",
    "禁止",
    "制限",
    "管理",
    "体制",
    "委託",
    "監督",
    "報告を求め",
    // 委託先に対し…適切な対応を求めております: a demand on a contractor.
    "対応を求め",
    "使用を徹底",
    "使用せず",
    "使用しない",
    "利用を徹底",
    "利用せず",
    "利用しない",
    "利用する",
    "システム",
    "施錠",
    "保管",
    "持ち出",
    "Bcc",
    "BCC",
    "bcc",
    "宛先",
    "パッチ",
    "脆弱性",
    "対策",
    "注意喚起",
    "検証",
    "隔離",
    "遮断",
    "限定",
    "必須",
    "義務",
    "承認",
    "許可",
    "記録",
    "台帳",
    "ログ",
    "訓練",
    "改修",
    "更新",
    "運用",
    "仕組み",
    "機能",
    "指示",
    "引継",
    "アカウント",
    "取扱",
    "取り扱",
    "個人情報保護",
    "情報セキュリティ",
    "セキュリティ強化",
    "セキュリティの強化",
    // What is written down for users (料金表に…を追記する, 記載例を追加し).
    "追記",
    "記載例",
    // A place or a field made for it (記載欄を設ける).
    "設置",
    "設け",
    // Telling all staff of it (本件を全職員に共有する).
    "共有",
    // What staff are to become (職員の資質向上を図る).
    "資質",
    "意識向上",
    "意識の向上",
];

/// Phrases that promise without saying what will be done; removed before
/// looking for an act.
const GENERIC: &[&str] = &[
    "再発防止策",
    "再発防止対策",
    "再発防止",
    "防止策",
    "再発の防止",
    "を徹底してまいります",
    "の徹底を図ってまいります",
    "徹底を図ります",
    "信頼回復",
    "信頼の回復",
];

/// Clauses that frame a measure without being one (`…ないよう、`,
/// `本件を重く受け止め、`; `今後、` alone).
const FRAMES: &[&str] = &[
    "ないよう",
    "受け止め",
    "受けとめ",
    "反省",
    "二度と",
    "としましては",
    "といたしましては",
    // (…といたしまして, as the clause's end is read: its て and し go.)
    "としま",
    "といたしま",
    "としては",
    "を踏まえ",
    // A purpose (再発防止のため、…).
    "のため",
];

/// Names of bodies and posts that hold a word of an act (教育 in 教育委員会):
/// removed before looking for one.
const NAMES: &[&str] = &[
    "教育委員会",
    "教育庁",
    "教育局",
    "教育長",
    "管理職",
    "管理者",
    "システム部",
    // Passive findings, not acts: 事実は確認されておりません.
    "確認されて",
    "確認されま",
    "確認できて",
    "確認できま",
];

/// Whether a text says what will be done, once generic promises are removed.
pub fn concrete(s: &str) -> bool {
    let stripped = GENERIC
        .iter()
        .chain(NAMES)
        .fold(s.to_string(), |t, g| t.replace(g, ""));
    ACTS.iter().any(|a| stripped.contains(a))
}

/// Words of what was done right after the incident (the response), not of
/// prevention.
const RESPONSE_ONLY: &[&str] = &[
    "謝罪",
    "お詫び",
    "ご説明",
    "凍結",
    // Notice given (お知らせしました), not a document called お知らせ.
    "お知らせし",
    "お知らせいた",
    "直ちに",
    "削除をお願い",
    "削除を依頼",
    "削除依頼",
    "破棄を依頼",
    "破棄をお願い",
    "回収",
    "届け出",
    "届出",
    "被害届",
    "相談し",
    "報告しました",
    "報告いたしました",
    "ご連絡",
    "説明し",
    "捜索",
    "聞き取り",
    "削除いたしました",
    "削除しました",
    "遺失物届",
    "紛失届",
    "盗難届",
];

/// Words of prevention strong enough to make a sentence a measure even when
/// it also reports what was done.
const PREVENTION: &[&str] = &[
    "研修",
    "指導",
    "徹底",
    "導入",
    "見直",
    "強化",
    "必須",
    "変更",
    "禁止",
    "手順",
    "体制",
    "暗号化",
    "認証",
    "再発防止",
    "今後",
];

/// What was done right after the incident (an apology, a request to delete,
/// a report to the police), with nothing of prevention in it.
pub fn response_only(s: &str) -> bool {
    // 届出印: a registered seal, not a report filed.
    let seal = s.contains("届出印");
    let s = if seal {
        std::borrow::Cow::Owned(s.replace("届出印", "印"))
    } else {
        std::borrow::Cow::Borrowed(s)
    };
    RESPONSE_ONLY.iter().any(|w| s.contains(w)) && !PREVENTION.iter().any(|w| s.contains(w))
}

/// A sentence outside a measures section that announces a measure: a
/// concrete act, said as a commitment or as a step taken to prevent a
/// recurrence; not a request to readers, an apology or the incident itself.
pub fn announces(s: &str) -> bool {
    // 徹底的に捜索: thoroughly, not an enforced rule.
    let s = &s.replace("徹底的", "");
    let commitment = [
        "今後",
        "再発防止",
        "防止",
        "ないよう",
        "予定",
        "まいります",
        "参ります",
        "図ります",
        "努めます",
        "講じ",
        "徹底",
        "強化",
        "必須化",
        "導入",
        "見直",
        "改めて",
        "指導",
        "研修",
        "注意喚起",
        "検討",
        "対策を",
    ]
    .iter()
    .any(|w| s.contains(w))
        || rule_from_now(s);
    commitment && concrete(s) && !disqualified(s) && !incident(s)
}

/// A rule for the next time, said in the present (`同様の申請があった場合、
/// …を確認する`): a condition, then an act not in the past.
fn rule_from_now(s: &str) -> bool {
    let body = s.trim_end_matches('。');
    ["場合、", "場合は", "際は", "際には", "ときは", "時は"]
        .iter()
        .any(|w| s.contains(w))
        && [
            "する",
            "行う",
            "とする",
            "こととします",
            "ことにします",
            "します",
            "行います",
        ]
        .iter()
        .any(|e| body.ends_with(e))
}

/// A promise to prevent a recurrence, with no step named
/// (`…再発防止に努めてまいります`).
pub fn pledge(s: &str) -> bool {
    let body = s.trim_end_matches('。');
    ([
        "再発防止",
        "再発の防止",
        "防止に努め",
        "万全を期",
        "徹底してまいります",
        "徹底して参ります",
        "徹底いたします",
    ]
    .iter()
    .any(|w| s.contains(w))
        // 二度とこのような不祥事を起こさぬよう、…信頼回復に努めてまいります.
        || s.contains("二度と") && s.contains("努め")
        || ["信頼回復に努め", "信頼の回復に努め"].iter().any(|w| s.contains(w)))
        && !body.ends_with("ました")
        // …再発防止策についてご報告いたします: what the notice tells.
        && !["報告いたします", "報告します", "報告申し上げます", "お知らせいたします", "お知らせします"]
            .iter()
            .any(|e| body.ends_with(e))
}

/// The incident itself (…が判明しました, …できる状態になっていた, 誤って…
/// 送信してしまいました), unless it only frames a measure (…が発生したことを
/// 重く受け止め、…).
pub fn incident(s: &str) -> bool {
    // 発生しないよう, 流出させない: what is to be prevented, not what happened.
    let mut t = without_prevented(
        s.to_string(),
        &["発生", "流出", "漏えい", "判明"],
        &["しない", "させない", "することのない", "しないよう"],
    );
    // 発覚直後に…強化を行っております: a time after the discovery, not the
    // incident told.
    if t.contains("発覚") || t.contains("判明") {
        t = ["発覚直後", "発覚後", "判明直後", "判明後"]
            .iter()
            .fold(t, |t, w| t.replace(w, ""));
    }
    let s = &t;
    let done = s.trim_end_matches('。');
    // (…請求できておりませんでした: what was not done, in the past.)
    let mistake = done.ends_with("しまいました")
        || done.ends_with("しまった")
        || done.ends_with("ませんでした")
        || s.contains("誤って") && done.ends_with('た');
    (mistake
        || [
            "判明",
            "発覚",
            "みつかりました",
            "見つかりました",
            "発生し",
            "発生いたし",
            "発生致し",
            "流出し",
            "漏えいし",
            "ことが分かり",
            "できる状態",
            "状態となって",
            "状態になって",
        ]
        .iter()
        .any(|w| s.contains(w)))
        && !s.contains("今後")
        && !["受け止め", "受けとめ", "反省", "踏まえ"]
            .iter()
            .any(|f| s.contains(f))
}

/// A text without what it says is to be prevented (`障害が発生しないよう`):
/// each of `events` followed by one of `negations` goes.
pub(super) fn without_prevented(mut text: String, events: &[&str], negations: &[&str]) -> String {
    for neg in negations {
        if text.contains(neg) {
            text = events
                .iter()
                .fold(text, |t, w| t.replace(&format!("{w}{neg}"), ""));
        }
    }
    text
}

/// A sentence that tells of the incident and then of a measure taken
/// (…持ち帰っていたことが分かり、会社側は…システムを改めた): the measure.
pub fn after_incident(s: &str) -> Option<&str> {
    [
        "ことが分かり、",
        "ことが判明し、",
        "判明し、",
        "発覚し、",
        "ことが発覚し、",
    ]
    .iter()
    .filter_map(|w| s.find(w).map(|at| &s[at + w.len()..]))
    .find(|rest| announces(rest))
}

/// The rest of a sentence after the first (or, `last`, the final) of its
/// `joints` where `cut(before, rest)` holds; the whole sentence otherwise.
fn after_joint<'a>(
    s: &'a str,
    joints: &[&str],
    last: bool,
    cut: impl Fn(&str, &str) -> bool,
) -> &'a str {
    let found = joints
        .iter()
        .filter_map(|j| if last { s.rfind(j) } else { s.find(j) }.map(|at| (at, j.len())));
    let joint = if last { found.max() } else { found.min() };
    match joint.map(|(at, len)| (&s[..at], &s[at + len..])) {
        Some((before, rest)) if cut(before, rest) => rest,
        _ => s,
    }
}

/// A sentence without what was always done before its `…ましたが、`
/// (`日頃より…注意喚起を行い、…努めてまいりましたが、今回…`): what follows it.
pub fn without_past_practice(s: &str) -> &str {
    // …ましたが、 / …してきたが、 / …努めてきたところですが、: the first
    // clause in the past closed by が、.
    after_joint(
        s,
        &["ところですが、", "ところでしたが、", "たが、"],
        false,
        |before, _| {
            ["日頃", "日ごろ", "これまで", "従来", "平素", "かねて"]
                .iter()
                .any(|w| before.contains(w))
                // …に努めてきたところですが、: done all along, whatever it says.
                || ["てきた", "てまいった", "ておりました"]
                    .iter()
                    .any(|e| before.ends_with(e))
        },
    )
}

/// A measure without the reason given before it (`…を十分に知らなかった
/// ことが原因と見られることから、…を徹底します` → `…を徹底します`): the
/// reason is the cause's, the rest the measure.
pub fn without_reason(s: &str) -> &str {
    after_joint(
        s,
        &["ことから、", "ことを踏まえ、", "ことを受け、"],
        true,
        |before, rest| {
            ["原因", "不十分", "十分ではな", "不足"]
                .iter()
                .any(|w| before.contains(w))
                && concrete(rest)
                && announces(rest)
        },
    )
}

/// A commitment without the request for understanding that closes it:
/// `…を強化してまいりますので、ご理解をお願いします。` →
/// `…を強化してまいります`.
pub fn without_closing_request(s: &str) -> &str {
    for joint in ["ますので、", "ますため、"] {
        if let Some(at) = s.find(joint) {
            let rest = &s[at + joint.len()..];
            if ["お願い", "ご理解", "ご協力"]
                .iter()
                .any(|w| rest.contains(w))
            {
                return &s[..at + "ます".len()];
            }
        }
    }
    s
}

/// A request to the notice's readers (…開かないでください), or what the notice
/// is for (標題の件について…): no measure of the body's.
pub fn request(s: &str) -> bool {
    [
        "標題の件",
        "表題の件",
        "標記の件",
        "ください",
        "お願いいたします",
        "お願いします",
        "お願い申し上げます",
    ]
    .iter()
    .any(|w| s.contains(w))
}

/// What makes a sentence no measure whatever it commits to: a request to
/// readers, a response only, what was always done, how things stood or
/// stand, an opinion, an entry of a timeline.
pub fn disqualified(s: &str) -> bool {
    let s = &s.replace("徹底的", "");
    // What was always done is no new measure: これまで…努めてまいりました.
    let past_practice = (s.contains("これまで") || s.contains("従来"))
        && s.trim_end_matches('。').ends_with("ました");
    let request = request(s);
    let response = response_only(s);
    // How things stood (…公表していました), how they stand (…確認しております),
    // an opinion (…と思います), an entry of a timeline (4月16日(水)…).
    let body = s.trim_end_matches('。');
    let state = [
        "ていました",
        "ておりました",
        "ていた",
        "ていません",
        "ておりません",
        "確認しております",
        "いただいております",
        "ているところです",
        "ているところであります",
        // What the rule is (…送付することになっています), what was not so,
        // what happened (…などの影響がありました).
        "ことになっています",
        "こととなっています",
        "ありませんでした",
        "がありました",
    ]
    .iter()
    .any(|w| body.ends_with(w));
    let opinion = [
        "と思います",
        "と思う",
        "ということです",
        "とのこと",
        "当然であります",
        "当然です",
    ]
    .iter()
    .any(|w| s.contains(w));
    let dated = super::dates::find(s, Some(2000))
        .first()
        .is_some_and(|d| d.start == 0);
    // A repair made on a date (…4月5日に修正を行いました): the response;
    // training given or security strengthened on a date stays a measure.
    let done_on_a_date = body.ends_with("ました")
        && !PREVENTION.iter().any(|w| s.contains(w))
        && !super::dates::find(s, Some(2000)).is_empty();
    // A cause told (…を主な要因として誤りが生じました, …が原因です).
    let cause = [
        "要因として",
        "が原因",
        "原因は",
        "原因で",
        "要因で",
        "要因は",
    ]
    .iter()
    .any(|w| s.contains(w))
        && !s.contains("今後");
    // A warning given to the public (…市民の皆様へ注意喚起をしました): the response.
    let warned_public = s.contains("注意喚起")
        && body.ends_with("ました")
        && ["市民", "県民", "住民", "皆様", "皆さま", "お客様", "事業所"]
            .iter()
            .any(|w| s.contains(w))
        && !["職員", "教職員", "社員", "従業員", "今後"]
            .iter()
            .any(|w| s.contains(w));
    request
        || response
        || past_practice
        || state
        || opinion
        || dated
        || done_on_a_date
        || cause
        || warned_public
}

/// The measures one sentence announces: split where it joins two acts
/// (`とともに、`, `ほか、`, `に加えて、`, `するか、`, `改訂し、`, `を行い、`),
/// each part without the clauses that only frame it; a part that only
/// promises (`再発防止に努めてまいります`) goes.
pub fn split(s: &str) -> Vec<String> {
    let whole = s.trim().trim_end_matches(['。', '．']);
    let mut parts: Vec<String> = Vec::new();
    let mut rest = whole.to_string();
    while let Some((left, right)) = split_once(&rest) {
        parts.push(left);
        rest = right;
    }
    parts.push(rest);
    let substance = |p: &str| {
        GENERIC
            .iter()
            .fold(p.to_string(), |t, g| t.replace(g, ""))
            .chars()
            .count()
    };
    let kept: Vec<String> = parts
        .into_iter()
        .map(|p| unframe(&p))
        .filter(|p| concrete(p))
        .collect();
    // The parts that say what will be done; a part that only frames or
    // promises goes (…深く反省するとともに、…指導を徹底し…).
    if !kept.is_empty() && kept.iter().all(|p| substance(p) >= 6) {
        return kept.iter().flat_map(|p| listed(&finish(p))).collect();
    }
    vec![finish(&unframe(whole))]
}

/// The acts one verb takes as a list of nouns (`…の強化、…の再点検、…の指導を
/// 行います`), one measure each with the verb; a part of the list that names
/// no act (`氏名、住所、…の管理`) belongs to the next.
fn listed(s: &str) -> Vec<String> {
    // The nouns that name an act.
    const ACT_NOUNS: &[&str] = &[
        "強化",
        "確認",
        "徹底",
        "指導",
        "注意喚起",
        "管理",
        "設定",
        "見直し",
        "実施",
        "研修",
        "教育",
        "点検",
        "導入",
        "周知",
        "改善",
        "整備",
        "構築",
        "策定",
        "共有",
        "照合",
        "監視",
        "制限",
        "啓発",
        "訓練",
        "作成",
        "改訂",
        "遵守",
        "厳守",
        "チェック",
        "検証",
        "向上",
    ];
    // The verbs such a list is the object of.
    const VERBS: &[&str] = &[
        "徹底", "行", "実施", "図", "進め", "推進", "講じ", "強化", "継続",
    ];
    let whole = vec![s.to_string()];
    // …の見直し、…の実施: a list without a verb, each item an act.
    let verbless = ACT_NOUNS.iter().any(|a| s.ends_with(a));
    let (object, verb) = match s.rfind('を') {
        _ if verbless => (s, ""),
        Some(at) => (&s[..at], &s[at..]),
        None => return whole,
    };
    // (…を厳重に行う: a word of how before the verb.)
    let after = verb.get('を'.len_utf8()..).unwrap_or("");
    let after = after
        .char_indices()
        .take(5)
        .find(|(_, c)| *c == 'に')
        .map_or(after, |(at, _)| &after[at + 'に'.len_utf8()..]);
    if !verbless && (verb.contains('、') || !VERBS.iter().any(|v| after.starts_with(v))) {
        return whole;
    }
    // Split at 、 and at や between two words (速やか stays whole); each piece
    // keeps the mark before it.
    let word = |c: char| {
        crate::text::is_kanji(c) || crate::text::is_katakana(c) || c.is_ascii_alphanumeric()
    };
    let chars: Vec<(usize, char)> = object.char_indices().collect();
    let mut pieces: Vec<(&str, &str)> = Vec::new();
    let (mut start, mut mark) = (0, "");
    for (i, &(at, c)) in chars.iter().enumerate() {
        let cut = c == '、'
            || c == 'や'
                && i > 0
                && i + 1 < chars.len()
                && word(chars[i - 1].1)
                && word(chars[i + 1].1);
        if cut {
            pieces.push((mark, &object[start..at]));
            mark = &object[at..at + c.len_utf8()];
            start = at + c.len_utf8();
        }
    }
    pieces.push((mark, &object[start..]));
    let mut items: Vec<String> = Vec::new();
    let mut pending = String::new();
    for (i, (mark, piece)) in pieces.iter().enumerate() {
        if !pending.is_empty() {
            pending.push_str(mark);
        }
        // (…の見直しや、…: や before the comma.)
        let piece = piece.strip_suffix('や').unwrap_or(piece);
        pending.push_str(piece);
        if ACT_NOUNS.iter().any(|a| piece.trim().ends_with(a)) && piece.chars().count() >= 3 {
            items.push(std::mem::take(&mut pending));
        } else if i + 1 == pieces.len() {
            return whole;
        }
    }
    if items.len() < 2 {
        return whole;
    }
    items
        .into_iter()
        .map(|item| format!("{}{verb}", item.trim()))
        .collect()
}

/// The first place a sentence joins two acts: (the left part with its verb
/// ended, the rest).
fn split_once(s: &str) -> Option<(String, String)> {
    // (joint, what the left part keeps of it)
    const JOINTS: &[(&str, &str)] = &[
        ("とともに、", ""),
        ("と共に、", ""),
        ("するほか、", "する"),
        ("に加えて、", ""),
        ("に加え、", ""),
        ("するか、", "する"),
        ("、また、", ""),
        ("を行い、", "を行う"),
        ("に行い、", "に行う"),
        ("を図り、", "を図る"),
        ("を講じ、", "を講じる"),
    ];
    let fixed = JOINTS
        .iter()
        .filter_map(|(j, k)| s.find(j).map(|at| (at, j.len(), k.to_string())));
    // …を改訂し、 / …を徹底し、: a verb of a new act, and し.
    const VERBS: &[&str] = &[
        "改訂", "周知", "徹底", "実施", "導入", "強化", "整備", "策定", "作成", "設置", "設定",
        "点検", "検討", "制限", "指導", "見直",
    ];
    // (…を強化して、…: the same, with て.)
    let verb = ["し、", "して、"]
        .iter()
        .flat_map(|j| s.match_indices(j))
        .filter_map(|(at, j)| {
            // …の見直し、…の実施: nouns of a list, not a verb.
            let noun = VERBS
                .iter()
                .any(|v| s[..at].strip_suffix(v).is_some_and(|b| b.ends_with('の')));
            (!noun && VERBS.iter().any(|v| s[..at].ends_with(v))).then(|| {
                // 見直し、 is 見直す, the others a noun and する.
                let end = if s[..at].ends_with("見直") {
                    "す"
                } else {
                    "する"
                };
                (at, j.len(), end.to_string())
            })
        })
        .min_by_key(|(at, _, _)| *at);
    // …を改めるほか、…, …を図るとともに…: ほか and とともに after a verb's end
    // join two acts, とともに without a comma too (職員とともに is with the staff;
    // とともに、 is among the joints above).
    let after_verb = ["ほか、", "とともに"]
        .iter()
        .flat_map(|j| s.match_indices(j))
        .filter(|(at, j)| {
            s[..*at].ends_with(['る', 'う', 'す', 'く', 'つ', 'む', 'ぶ', 'ぐ'])
                && !s[at + j.len()..].starts_with('、')
        })
        .map(|(at, j)| (at, j.len(), String::new()))
        .min_by_key(|(at, _, _)| *at);
    let (at, len, keep) = fixed
        .chain(verb)
        .chain(after_verb)
        .min_by_key(|(at, _, _)| *at)?;
    let left = format!("{}{keep}", &s[..at]);
    let right = s[at + len..].to_string();
    (!right.trim().is_empty()).then_some((left, right))
}

/// A measure cut before its verb's end gets the end back: `…を行い` → `…を行う`.
fn finish(s: &str) -> String {
    let s = [
        "とともに",
        "と共に",
        "ほか",
        "に加えて",
        "に加え",
        "など",
        "等",
    ]
    .iter()
    .fold(s, |t, w| t.strip_suffix(w).unwrap_or(t));
    for (cut, end) in [
        ("を行い", "を行う"),
        ("を図り", "を図る"),
        ("を講じ", "を講じる"),
    ] {
        if let Some(stem) = s.strip_suffix(cut) {
            return format!("{stem}{end}");
        }
    }
    // 見直し is 見直す: a verb of its own, not a noun of two kanji and する.
    for verb in ["見直", "手直", "取消", "引渡", "見逃"] {
        if let Some(stem) = s.strip_suffix(&format!("{verb}し")) {
            return format!("{stem}{verb}す");
        }
    }
    let chars: Vec<char> = s.chars().collect();
    if chars.len() > 3
        && chars.last() == Some(&'し')
        && chars[chars.len() - 3..chars.len() - 1]
            .iter()
            .all(|c| crate::text::is_kanji(*c))
    {
        return format!("{}する", &s[..s.len() - 'し'.len_utf8()]);
    }
    s.to_string()
}

/// A measure without the clauses that only frame it: `今後、`, `同様の事案を
/// 二度と起こさないよう、`, `…など、再発防止に努めてまいります`.
fn unframe(s: &str) -> String {
    let segments: Vec<&str> = s.split('、').collect();
    // 従来から…管理しておりましたが: what was done before, not the measure.
    // (It and every segment before it are skipped below.)
    let before = |seg: &str| seg.ends_with('が') && seg.contains("ました");
    let framing = |seg: &str| {
        !concrete(seg)
            && (FRAMES.iter().any(|f| {
                // The frame closes the clause (…起こさないよう, 深く反省し):
                // 障害が発生しないよう4月5日に修正を行った goes on to an act.
                seg.trim_end_matches(['に', 'し', 'て', ' ']).ends_with(f)
            }) || matches!(
                seg.trim(),
                "今後"
                    | "今後は"
                    | "今後とも"
                    | "また"
                    | "また今後"
                    | "あわせて"
                    | "併せて"
                    | "さらに"
                    | "加えて"
                    | "それに加えて"
                    | "しかし"
                    | "しかしながら"
                    | "そのため"
                    | "このため"
            ))
    };
    // …導入など行っておりましたが、: what was done before, and all before it.
    let from = segments
        .iter()
        .rposition(|seg| before(seg))
        .map_or(0, |i| i + 1);
    let kept: Vec<&str> = segments
        .iter()
        .enumerate()
        .skip(from)
        .filter(|(i, seg)| {
            // A framing clause goes; so does a promise after the act
            // (…など、再発防止に努めてまいります), not the act's own verb (…改めて指示する).
            let tail = *i + 1 == segments.len()
                && *i > 0
                && !concrete(seg)
                && [
                    "再発防止",
                    "努め",
                    "まいります",
                    "参ります",
                    "図ります",
                    "所存",
                    "信頼",
                ]
                .iter()
                .any(|w| seg.contains(w));
            !(framing(seg) || tail)
        })
        .map(|(_, seg)| *seg)
        .collect();
    if kept.is_empty() {
        return s.to_string();
    }
    let joined = kept.join("、");
    let joined = joined.trim_end_matches("など").trim_end_matches("等");
    joined.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn promises_are_not_measures() {
        for s in [
            "今後は同じ事態を招かないよう、再発防止に努めてまいります。",
            "学校全体で再発防止に努めてまいります。",
            "再発防止策を徹底してまいります。",
            "全社を挙げて信頼回復に取り組んでまいります。",
            // 教育 in the board's name is not training.
            "北浜市教育委員会としては、事態を厳粛に受け止め、二度と起きないよう、再発防止策を徹底してまいります。",
        ] {
            assert!(!concrete(s), "{s}");
            assert!(!announces(s), "{s}");
        }
        // A document's name (共同利用のお知らせ) is no notice given.
        let s = "委託機関に対して、受診後14日以内に共同利用のお知らせを届けることを指示しました。";
        assert!(concrete(s) && !disqualified(s));
        // A warning given to the public about this incident is the response.
        for s in [
            "併せて、防犯メールとウェブサイトへの掲載で、市民の皆様に広く注意喚起をしました。",
            "利用者の皆様に対し、メールで注意喚起を行いました。",
        ] {
            assert!(!announces(s), "{s}");
        }
        assert!(announces(
            "全職員に対し、メールの宛先の確認について注意喚起を行いました。"
        ));
        for s in [
            "本学は、今後、個人情報の厳正な管理を徹底してまいります。",
            // 届出印 is a seal, not a report filed.
            "お客様から通帳や届出印を預からないことを、改めて全職員に周知いたします。",
            "学内メールの全利用者について二要素認証を必須化いたしました。",
            // 発生しないよう: what the measure prevents, not the incident.
            "通知書の封入で書類が混ざることが発生しないよう、作業手順の見直しを行うとともに、封入を2人で行うことで再発防止に努めます。",
            "今後は全職員を対象に個人情報保護の研修を実施します。",
            "全ての市立小中学校で、保護者へ一斉に連絡するときは電子メールを使わず、連絡用アプリの使用を徹底します。",
            // Strengthening security, after what the investigation has not found.
            "研究データが失われたことは今のところ確認されていませんが、被害の範囲をさらに調べたうえで、セキュリティ強化などの対策を検討いたします。",
            // Done right after the discovery, and going on.
            "発覚直後からパスワードの変更と監視の強化を進めております。",
            // Prevention done on a date is still a measure.
            "本件を受けて、4月8日に全教職員へ個人情報の保護を徹底させる指導を行いました。",
        ] {
            assert!(announces(s), "{s}");
        }
        // A demand on a contractor is an act (a step of the response that
        // stands as a measure where none is announced).
        assert!(concrete(
            "委託先の北浜印刷に対し、原因の究明と適切な対応を求めております。"
        ));
        // Requests, apologies and the incident are not measures.
        for s in [
            "不審なメールは開かずに削除してくださいますようお願いします。",
            "対象の皆様には謝罪し、メールの削除をお願いしました。",
            "職員がUSBメモリーを紛失したことが判明しました。",
            "このたび、市立病院で保存期間を過ぎ廃棄を待っていた診療録が盗まれる事案が発生いたしました。",
            "区は、センター主催の研修の申込者30名に中止のお知らせを送る際、誤ってTOで送信してしまいました。",
            // How things stand: an investigation under way, no harm found.
            "現在、被害の詳細と漏えいの有無について、外部の専門会社と調査を進めているところです。",
            // The mistake found, the rule as it stands, no harm found.
            "このたび、卒業生の指導要録で学年末の評定の一部に誤りがみつかりました。",
            "指導要録は学校で保存しますが、その写しは進学先にも送ることになっています。",
            "調べた結果、入試に影響はありませんでした。",
            // A cause, in a section of measures.
            "点検の手順が他の郵送物より少なかったことを主な要因として、誤った送付が生じました。",
            // An apology and an immediate step: the response.
            "流出した情報の範囲を確かめたうえで、関係する方々へご説明とお詫びをいたします。",
            "同日、直ちに教員のメールアカウントを凍結し、それ以上読まれないよう対策を取りました。",
            // A step taken on a date: the response.
            "なお、不具合のあったシステムは、障害が起きないよう4月5日に修正を行いました。",
            "個人情報の悪用は今のところ確認されておりませんが、万一に備え、適切に対応を続けてまいります。",
            // What the notice itself is for, what happened as a result, a view.
            "標記の件につきまして、会報に載せておりましたが、改めて当ページでも周知いたします。",
            "これにより、予定された一部の引き落としが確認できないなどの影響がありました。",
            "職員の不正とはいえ、指導監督の責任を負う当会の責任は免れないことは当然であります。",
        ] {
            assert!(!announces(s), "{s}");
        }
    }

    #[test]
    fn what_was_always_done_is_no_measure_and_what_follows_it_may_be() {
        let s = without_past_practice(
            "当院では、日頃より会議などで職員に注意を促し、個人情報の保護に努めてまいりましたが、このたびの事態を極めて重く受け止めております。",
        );
        assert!(!announces(s), "{s}");
        let s = without_past_practice(
            "これまでも研修を実施してまいりましたが、今後は全職員を対象に年2回の研修を実施します。",
        );
        assert_eq!(s, "今後は全職員を対象に年2回の研修を実施します。");
        assert!(announces(s));
        assert_eq!(
            without_past_practice(
                "これまでも書類の管理を徹底するよう指導してきたが、今後さらに、管理を厳重にするよう指導を徹底する。"
            ),
            "今後さらに、管理を厳重にするよう指導を徹底する。"
        );
        // …に努めてきたところですが、本件は…: what happened, no measure.
        let s = without_past_practice(
            "当課では、書類の持ち帰りを認めず、保管の徹底を図ってきたところですが、今回は職員が無断で持ち帰り、紛失したものです。",
        );
        assert_eq!(s, "今回は職員が無断で持ち帰り、紛失したものです。");
    }

    #[test]
    fn a_mistake_told_in_the_plain_past_is_the_incident() {
        assert!(incident(
            "委託先の担当者が、十分に確認せず、誤って受信者のアドレスが見える形で送信した。"
        ));
        assert!(!announces(
            "委託先の担当者が、十分に確認せず、誤って受信者のアドレスが見える形で送信した。"
        ));
        // What was not done, told in the past (…請求できておりませんでした), even
        // after a review under way (…見直していたところ、).
        assert!(incident(
            "先月、料金表を見直していたところ、請求システムの設定が不適切となっており、一部の契約者の料金を正しく計算できておりませんでした。"
        ));
    }

    #[test]
    fn a_commitment_closed_by_a_request_for_understanding_is_a_measure() {
        let s = without_closing_request(
            "当会では、今後もセキュリティ対策を一層強化してまいりますので、ご理解のほどお願い申し上げます。",
        );
        assert_eq!(
            s,
            "当会では、今後もセキュリティ対策を一層強化してまいります"
        );
        assert!(announces(s));
        // A request alone stays a request.
        let s =
            without_closing_request("不審なメールは開かずに削除してくださいますようお願いします。");
        assert!(!announces(s));
    }

    #[test]
    fn a_sentence_of_several_measures_is_split() {
        assert_eq!(
            split(
                "今後、同じ事案を二度と起こさないよう、全職員に個人情報の管理の徹底を周知するとともに、個人情報の扱いについての研修を毎年実施します。"
            ),
            [
                "全職員に個人情報の管理の徹底を周知する",
                "個人情報の扱いについての研修を毎年実施します"
            ]
        );
        assert_eq!(
            split(
                "今後メールを一斉送信する際には、宛先が表示されない配信システムを利用するか、複数名による確認体制を徹底いたします。"
            ),
            [
                "今後メールを一斉送信する際には、宛先が表示されない配信システムを利用する",
                "複数名による確認体制を徹底いたします"
            ]
        );
        assert_eq!(
            split(
                "毎日、目視で保管状況の確認を行い、暗号化できるUSBメモリの導入を今後検討するなど、再発の防止に努めます。"
            ),
            [
                "毎日、目視で保管状況の確認を行う",
                "暗号化できるUSBメモリの導入を今後検討する"
            ]
        );
        // A verb of two kanji and し joins two acts; a promise at the end goes.
        assert_eq!(
            split(
                "宛先をBCCにして送るよう利用の手引きを改訂し、庁内に周知徹底するとともに、再発防止に努めます。"
            ),
            [
                "宛先をBCCにして送るよう利用の手引きを改訂する",
                "庁内に周知徹底する"
            ]
        );
        assert_eq!(
            split("今回の誤りを重く受けとめ、個人情報の扱いについて研修を実施します。"),
            ["個人情報の扱いについて研修を実施します"]
        );
        // What was done before (…導入などを実施しておりましたが、) goes with all before
        // it; a promise to limit the harm is no measure.
        assert_eq!(
            split(
                "当社では対策に取り組み、怪しいメールの遮断や、監視ソフトの導入などを実施しておりましたが、この件を受け、被害の拡大防止に努めるとともに、対策の一層の強化に取り組んでまいります。"
            ),
            ["対策の一層の強化に取り組んでまいります"]
        );
        assert_eq!(
            split("成績の確認体制を強化し、管理体制を見直し、文書の管理に努めてまいります。")[..2],
            ["成績の確認体制を強化する", "管理体制を見直す"]
        );
        assert_eq!(
            split(
                "外部へ送る添付ファイルには暗証番号を設定し、発送前に課長が中身を点検することとします。"
            ),
            [
                "外部へ送る添付ファイルには暗証番号を設定する",
                "発送前に課長が中身を点検することとします"
            ]
        );
        // とともに straight after a verb joins two acts, with or without a comma.
        assert_eq!(
            split("再発防止のため、担当者の資質向上を図るとともに照合の体制を強化してまいります。"),
            ["担当者の資質向上を図る", "照合の体制を強化してまいります"]
        );
        // …に行い、 and …を強化して、 join two acts too.
        assert_eq!(
            split(
                "今後、同じ誤りのないよう、税の適用関係の確認事務を十分に行い、委託業者との連携を強化して、再発防止を徹底します。"
            ),
            [
                "税の適用関係の確認事務を十分に行う",
                "委託業者との連携を強化する"
            ]
        );
        // ほか after a verb joins two acts; 再発防止策といたしまして frames.
        assert_eq!(
            split(
                "再発防止策といたしまして、資格の更新の手順を見直すほか、封書を送る前には二人で中身を確認します。"
            ),
            [
                "資格の更新の手順を見直す",
                "封書を送る前には二人で中身を確認します"
            ]
        );
        assert_eq!(
            split(
                "また、県のホームページの料金表に減額の規定を追記するとともに、申請書の記載例を加え、料金をわかりやすくします。"
            )
            .len(),
            2
        );
        // The reason before a measure is the cause's.
        assert_eq!(
            without_reason(
                "今回の誤りは、担当者が減額の決まりを十分に知らなかったことが原因と見られることから、決まりの再確認、複数の職員による点検を徹底します。"
            ),
            "決まりの再確認、複数の職員による点検を徹底します。"
        );
        // One act with a framing clause: one measure, the frame gone.
        assert_eq!(
            split(
                "所属の職員に、同じ誤りを二度と起こさないよう、送る前に複数の職員で確かめることを徹底します。"
            ),
            ["所属の職員に、送る前に複数の職員で確かめることを徹底します"]
        );
    }

    #[test]
    fn a_list_of_acts_under_one_verb_is_one_measure_each() {
        // Acts named as nouns (…の強化、…の再点検、…の指導) under one verb.
        assert_eq!(
            split(
                "同じ誤りを起こさないよう、照合体制の強化、窓口手順の再点検、臨時職員を含む係員への指導及び注意喚起を行います。"
            ),
            [
                "照合体制の強化を行います",
                "窓口手順の再点検を行います",
                "臨時職員を含む係員への指導及び注意喚起を行います"
            ]
        );
        // や between two acts, and a part that names no act joins the next.
        assert_eq!(
            split("顧客情報の厳重な管理や職員研修、郵送物の宛名と中身の照合を徹底いたします。"),
            [
                "顧客情報の厳重な管理を徹底いたします",
                "職員研修を徹底いたします",
                "郵送物の宛名と中身の照合を徹底いたします"
            ]
        );
        // A list of acts without a verb, each a noun (…の見直し、…の実施).
        assert_eq!(
            split(
                "委託先における封入作業の手順及び点検表の見直し、作業手順書の理解度テストの実施、事故事例の共有。"
            ),
            [
                "委託先における封入作業の手順及び点検表の見直し",
                "作業手順書の理解度テストの実施",
                "事故事例の共有"
            ]
        );
        // や before the comma, and a word of how before the verb.
        assert_eq!(
            split("作業手順の見直しや、入力した内容の複数人でのチェックを厳重に行います。"),
            [
                "作業手順の見直しを厳重に行います",
                "入力した内容の複数人でのチェックを厳重に行います"
            ]
        );
        // Things listed, not acts: one measure.
        for s in [
            "氏名、住所、口座番号の管理を徹底します。",
            "書類や電子データの管理を徹底します。",
            "受付簿、送付簿の二重確認を徹底します。",
        ] {
            assert_eq!(split(s).len(), 1, "{s}");
        }
    }
}
