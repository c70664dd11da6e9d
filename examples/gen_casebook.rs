//! Writes a deterministic synthetic casebook for benchmarks.
//!
//! ```sh
//! cargo run --release --example gen_casebook -- 10000 /tmp/cb10k
//! casebook --no-bundled validate /tmp/cb10k     # 10000 cases, 0 errors, 0 warnings
//! ```
//!
//! N case files go to DIR/cases/<year>/<id>.yaml, in case format v1. The text
//! is composed from phrase pools modelled on the bundled cases: about 5 measures
//! per case (3–7), about 60% of them in Japanese and the rest in English; 1–3
//! root causes; controls from the bundled ISO/IEC 27001 and PPC catalogs;
//! dates 2005–2025; files of about 1.5–2.5 KB. A fixed-seed splitmix64 makes
//! the output byte-identical on every run and machine.

use casebook::text::thousands;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

// ----- random numbers -----------------------------------------------------------------

/// splitmix64: small, fast and good enough for picking phrases.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in 0..n (n > 0).
    fn below(&mut self, n: usize) -> usize {
        (((self.next() >> 32) * n as u64) >> 32) as usize
    }

    /// Uniform in lo..=hi.
    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + (self.next() % (hi - lo + 1))
    }

    /// True with probability percent/100.
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }

    fn pick_ref<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// lo..=hi distinct items (as many as there are), in pool order.
    fn some_in<'a, T>(&mut self, items: &'a [T], lo: u64, hi: u64) -> Vec<&'a T> {
        let n = self.range(lo, hi) as usize;
        self.some(items, n)
    }

    /// Up to `n` distinct items, in pool order.
    fn some<'a, T>(&mut self, items: &'a [T], n: usize) -> Vec<&'a T> {
        let mut idx: Vec<usize> = (0..items.len()).collect();
        for i in 0..idx.len() {
            let j = i + self.below(idx.len() - i);
            idx.swap(i, j);
        }
        idx.truncate(n.min(items.len()));
        idx.sort_unstable();
        idx.into_iter().map(|i| &items[i]).collect()
    }
}

// ----- measure topics -----------------------------------------------------------------

/// A family of measures: what they act on, how they are phrased, what they map to.
struct Topic {
    ja_objects: &'static [&'static str],
    /// `{o}` is replaced by an object; every template ends in a dictionary-form verb.
    ja: &'static [&'static str],
    en_objects: &'static [&'static str],
    en: &'static [&'static str],
    iso: &'static [&'static str],
    ppc: &'static [&'static str],
}

const MEDIA: Topic = Topic {
    ja_objects: &[
        "USBメモリー",
        "外部記憶媒体",
        "外付けHDD",
        "SDカード",
        "電子媒体",
        "DVD-R",
        "USBメモリー",
    ],
    ja: &[
        "{o}は全体を暗号化してから使う",
        "{o}の持ち出しは事前の許可制とし、台帳で管理する",
        "{o}は使用後に内容を消去し、消去したことを管理者が確認する",
        "{o}は施錠できる保管庫で保管し、鍵は管理者が持つ",
        "私物の{o}を業務に使うことを禁止する",
        "{o}の貸出と返却を記録し、月に一度台帳と現物を照合する",
        "業務用PCから{o}への書き出しをシステムで制限する",
        "個人データを{o}で運ぶときはパスワードを設定し、暗号化する",
        "{o}に保存する個人データは必要最小限にとどめ、作業後に消去する",
    ],
    en_objects: &[
        "removable media",
        "USB memory sticks",
        "external hard drives",
        "SD cards",
        "USB drives",
    ],
    en: &[
        "Encrypt {o} before use",
        "Require approval before taking {o} outside the office",
        "Keep a register of {o} and check it against the stock every month",
        "Erase {o} after each use and have a manager confirm the erasure",
        "Prohibit the use of personal {o} for work",
        "Block writing to {o} on office PCs unless approved",
        "Store {o} in a locked cabinet when not in use",
    ],
    iso: &[
        "iso27001:A.7.10",
        "iso27001:A.8.24",
        "iso27001:A.5.10",
        "iso27001:A.8.12",
    ],
    ppc: &["ppc:10-5-3", "ppc:10-5-2"],
};

const DEVICES: Topic = Topic {
    ja_objects: &[
        "ノートPC",
        "業務用スマートフォン",
        "タブレット端末",
        "貸与PC",
        "モバイル端末",
    ],
    ja: &[
        "{o}はディスク全体を暗号化する",
        "{o}の持ち出しを許可制にし、持ち出し簿に記録する",
        "{o}は常に身に付けて管理し、車内に放置しない",
        "{o}に遠隔でデータを消去できる仕組みを導入する",
        "{o}の画面ロックとパスワード設定を必須にする",
        "{o}には業務に必要なデータだけを保存し、個人データはサーバーに置く",
        "紛失した{o}は直ちに管理者へ報告し、遠隔ロックをかける",
    ],
    en_objects: &["laptops", "work smartphones", "tablets", "mobile devices"],
    en: &[
        "Encrypt the whole disk of all {o}",
        "Enable remote lock and wipe on all {o}",
        "Never leave {o} unattended in a car or on a train",
        "Require a screen lock and a password on {o}",
        "Keep personal data on the server, not on {o}",
        "Report lost {o} to the manager at once",
    ],
    iso: &[
        "iso27001:A.8.1",
        "iso27001:A.7.9",
        "iso27001:A.8.24",
        "iso27001:A.7.8",
    ],
    ppc: &["ppc:10-5-2", "ppc:10-5-3"],
};

const DISPOSAL: Topic = Topic {
    ja_objects: &[
        "使わなくなったPC",
        "記憶媒体",
        "紙の書類",
        "複合機のHDD",
        "POSレジ端末",
        "リース返却する機器",
        "外付けHDD",
    ],
    ja: &[
        "{o}を廃棄するときは立ち会って物理破壊を確認する",
        "{o}は廃棄前にデータ消去を行い、消去証明書を受け取る",
        "廃棄時に立ち会って{o}の破砕を確認する",
        "{o}の廃棄を台帳で管理し、委託先から完了報告を受けて確認する",
        "{o}は溶解処理とし、処理証明書を保管する",
        "{o}の廃棄を委託するときは、再委託の有無と処理方法を事前に確認する",
    ],
    en_objects: &[
        "storage devices",
        "old PCs",
        "paper records",
        "printer hard disks",
        "leased equipment",
    ],
    en: &[
        "Witness the destruction of {o} at disposal",
        "Obtain an erasure certificate before disposing of {o}",
        "Record the disposal of {o} in a register and confirm completion",
        "Shred or dissolve {o} and keep the certificate",
        "Check who handles {o} at disposal and how",
    ],
    iso: &["iso27001:A.7.14", "iso27001:A.8.10", "iso27001:A.5.22"],
    ppc: &["ppc:10-5-4"],
};

const SENDING: Topic = Topic {
    ja_objects: &[
        "メールの宛先",
        "FAXの送信先",
        "添付ファイル",
        "郵送物の封入物",
        "送付先リスト",
    ],
    ja: &[
        "送信前に{o}を別の職員と二人で確認する",
        "{o}は送る前に上長が確認し、記録を残す",
        "外部へ一斉に送るメールはBCCを使うことを徹底し、{o}を送信前に確認する",
        "{o}の確認をチェックリストで行い、確認者が押印する",
        "個人データを含む{o}はパスワードを設定したうえで送る",
        "{o}を誤った場合に取り消せるよう、送信を数分保留する仕組みを導入する",
    ],
    en_objects: &[
        "email recipients",
        "fax numbers",
        "attachments",
        "mailing lists",
        "envelope contents",
    ],
    en: &[
        "Check {o} with a second person before sending",
        "Send personal data only as encrypted attachments",
        "Use BCC for bulk email and check {o} before sending",
        "Delay outgoing email by five minutes so mistakes can be recalled",
        "Have a manager approve {o} before anything is sent outside",
    ],
    iso: &["iso27001:A.5.14", "iso27001:A.8.12", "iso27001:A.6.3"],
    ppc: &["ppc:10-6-4", "ppc:10-3-2"],
};

const ACCOUNTS: Topic = Topic {
    ja_objects: &[
        "パスワード",
        "管理者アカウント",
        "ID・パスワード",
        "共有アカウント",
        "退職者のアカウント",
        "リモート接続用のアカウント",
    ],
    ja: &[
        "{o}の使い回しを禁止し、定期的に変更する",
        "{o}には多要素認証を必須にする",
        "{o}を定期的に棚卸しし、不要なものを削除する",
        "{o}を紙に書いて机上に残すことを禁じ、退庁時にクリアデスクを確認する",
        "{o}の初期設定を変更してから運用を始める",
        "{o}の管理方法を見直し、再発防止策を強化する",
        "{o}の発行と削除を申請制にし、記録を残す",
    ],
    en_objects: &[
        "passwords",
        "administrator accounts",
        "shared accounts",
        "remote-access accounts",
        "accounts of leavers",
    ],
    en: &[
        "Enforce multi-factor authentication for {o}",
        "Review {o} every quarter and remove unused ones",
        "Prohibit writing down {o} and check desks at the end of the day",
        "Change default {o} before systems go live",
        "Issue and revoke {o} only on a recorded request",
    ],
    iso: &[
        "iso27001:A.5.17",
        "iso27001:A.5.18",
        "iso27001:A.8.5",
        "iso27001:A.8.2",
    ],
    ppc: &["ppc:10-6-2", "ppc:10-6-1"],
};

const CONFIG: Topic = Topic {
    ja_objects: &[
        "共有フォルダのアクセス権",
        "クラウドストレージの公開設定",
        "Webサーバーの設定",
        "管理画面",
        "動画サイトの公開範囲",
        "問い合わせフォームの設定",
    ],
    ja: &[
        "{o}を変更するときは別の担当者がレビューする",
        "{o}を定期的に点検し、意図しない公開がないか確認する",
        "{o}へのアクセスをIPアドレスで制限する",
        "{o}の変更手順を定め、変更の記録を残す",
        "公開前に{o}を別の立場から確認する",
        "{o}を初期値のまま使わず、設定内容を文書にする",
    ],
    en_objects: &[
        "file-share permissions",
        "cloud storage sharing settings",
        "web server settings",
        "the admin console",
        "video sharing settings",
    ],
    en: &[
        "Have a second person review every change to {o}",
        "Check {o} monthly for unintended public exposure",
        "Restrict access to {o} by IP address",
        "Document {o} and record every change",
        "Test {o} from outside before anything goes public",
    ],
    iso: &[
        "iso27001:A.8.9",
        "iso27001:A.5.15",
        "iso27001:A.8.3",
        "iso27001:A.8.32",
    ],
    ppc: &["ppc:10-6-1", "ppc:10-6-4"],
};

const DEFENCE: Topic = Topic {
    ja_objects: &[
        "VPN機器",
        "公開サーバー",
        "業務端末",
        "ファイアウォール",
        "Webアプリケーション",
        "電子カルテシステム",
    ],
    ja: &[
        "{o}の脆弱性情報を収集し、修正プログラムを速やかに適用する",
        "{o}の脆弱性診断を年に一度実施する",
        "{o}のログを監視し、不審なアクセスを検知する",
        "{o}にウイルス対策ソフトを導入し、定義ファイルを最新に保つ",
        "{o}のバックアップをネットワークから切り離して保管する",
        "{o}への外部からの接続を必要な通信だけに制限する",
    ],
    en_objects: &[
        "VPN appliances",
        "public servers",
        "office PCs",
        "web applications",
        "firewalls",
    ],
    en: &[
        "Apply security patches to {o} within 14 days",
        "Run a vulnerability assessment of {o} every year",
        "Monitor {o} logs and alert on unusual access",
        "Keep malware protection on {o} up to date",
        "Keep offline backups of {o} and test restoring them",
    ],
    iso: &[
        "iso27001:A.8.8",
        "iso27001:A.8.7",
        "iso27001:A.8.16",
        "iso27001:A.8.20",
        "iso27001:A.8.13",
    ],
    ppc: &["ppc:10-6-3", "ppc:10-6-4"],
};

const OUTSOURCING: Topic = Topic {
    ja_objects: &["委託先", "再委託先", "指定管理者", "業務委託先", "委託先"],
    ja: &[
        "{o}の安全管理措置の実施状況を定期的に監査する（委託先の監督）",
        "{o}との契約に暗号化と作業後のデータ消去を明記し、完了報告で確認する",
        "{o}による個人データの持ち出しを禁止し、違反時の措置を契約で定める",
        "{o}を選定するときは情報セキュリティの体制を確認する",
        "{o}から作業完了報告と消去証明を受け取る",
        "{o}が漏えいの指摘を受けたときは直ちに委託元へ報告するよう契約で義務付ける",
        "{o}への再委託は事前の書面承認を条件とする（委託先の監督）",
    ],
    en_objects: &[
        "contractors",
        "subcontractors",
        "outsourcing partners",
        "service providers",
    ],
    en: &[
        "Audit {o} once a year on how they protect personal data",
        "Write encryption and erasure duties into contracts with {o}",
        "Require {o} to report incidents to us within 24 hours",
        "Check the security of {o} before signing a contract",
        "Allow {o} to subcontract only with written approval",
        "Check that {o} erase our data when the work ends (contractor supervision)",
    ],
    iso: &[
        "iso27001:A.5.19",
        "iso27001:A.5.20",
        "iso27001:A.5.21",
        "iso27001:A.5.22",
    ],
    ppc: &["ppc:10-3-2"],
};

const PEOPLE: Topic = Topic {
    ja_objects: &[
        "職員",
        "全従業員",
        "教職員",
        "新入社員",
        "委託先の作業者",
        "派遣社員",
    ],
    ja: &[
        "{o}に個人情報保護の研修を年に一度実施する",
        "{o}に本事案を周知し、教訓として共有する",
        "{o}に対し情報の取扱いに関する教育を徹底する",
        "{o}から個人情報の取扱いに関する誓約書を取得する",
        "個人情報保護の重要性を{o}に改めて周知し、危機意識を高める",
        "{o}に標的型メールの訓練を定期的に行う",
    ],
    en_objects: &[
        "all staff",
        "new employees",
        "contract workers",
        "teachers",
        "staff",
    ],
    en: &[
        "Train {o} on personal-data handling every year",
        "Share the lessons of this incident with {o}",
        "Collect a confidentiality pledge from {o}",
        "Run phishing drills for {o} twice a year",
    ],
    iso: &[
        "iso27001:A.6.3",
        "iso27001:A.6.2",
        "iso27001:A.6.6",
        "iso27001:A.5.4",
    ],
    ppc: &["ppc:10-4"],
};

const TAKEOUT: Topic = Topic {
    ja_objects: &[
        "個人データ",
        "紙の名簿",
        "顧客情報を含む書類",
        "成績一覧表",
        "患者情報を含む書類",
        "個人データ",
    ],
    ja: &[
        "{o}の持ち出しを許可制とし、持ち出し簿に記録する",
        "{o}は施錠できるキャビネットで保管する",
        "{o}を庁外へ持ち出すときは管理者の承認を受ける",
        "{o}を自宅へ持ち帰ることを禁止する",
        "{o}の保管場所を定め、退庁時に確認する",
        "{o}の取扱いを必要な範囲に限定し、不要になったら速やかに廃棄する",
        "{o}を持ち出すときは鍵付きのかばんに入れ、寄り道せずに運ぶ",
    ],
    en_objects: &[
        "personal data",
        "paper records",
        "customer lists",
        "documents with personal data",
    ],
    en: &[
        "Require approval before taking {o} outside",
        "Lock {o} in a cabinet at the end of each day",
        "Never take {o} home",
        "Label {o} with their classification",
        "Log every time {o} leave the office",
    ],
    iso: &[
        "iso27001:A.7.10",
        "iso27001:A.5.10",
        "iso27001:A.7.7",
        "iso27001:A.5.12",
        "iso27001:A.5.13",
    ],
    ppc: &["ppc:10-5-3", "ppc:10-5-1", "ppc:10-3-2"],
};

const LOGGING: Topic = Topic {
    ja_objects: &[
        "顧客情報の参照記録",
        "操作ログ",
        "アクセスログ",
        "照会履歴",
        "システムの利用記録",
    ],
    ja: &[
        "{o}を定期的に点検し、業務と関係のない照会を検知する",
        "{o}を一年以上保存する",
        "{o}を管理者が月に一度確認する",
        "参照できる顧客情報を担当業務に必要な範囲に絞り、{o}を残す",
        "{o}を改ざんできない場所に保管する",
    ],
    en_objects: &[
        "access logs",
        "lookup records",
        "audit trails",
        "system logs",
    ],
    en: &[
        "Review {o} monthly for lookups unrelated to work",
        "Keep {o} for at least one year",
        "Limit access to customer data to what each job needs and keep {o}",
        "Protect {o} against tampering",
    ],
    iso: &[
        "iso27001:A.8.15",
        "iso27001:A.8.16",
        "iso27001:A.5.3",
        "iso27001:A.8.3",
    ],
    ppc: &["ppc:10-3-3", "ppc:10-6-1"],
};

const GOVERNANCE: Topic = Topic {
    ja_objects: &[
        "報告体制",
        "インシデント対応手順",
        "再発防止策の実施状況",
        "個人情報の取扱規程",
        "情報セキュリティ基本方針",
    ],
    ja: &[
        "{o}を見直し、全部署に周知する",
        "漏えい等が発生したときの{o}を整備し、年に一度訓練を行う",
        "{o}を外部の専門家が評価する",
        "{o}を経営会議に定期的に報告する",
        "{o}を点検し、必要に応じて見直す",
    ],
    en_objects: &[
        "the incident response plan",
        "the reporting procedure",
        "the data-handling rules",
        "the security policy",
    ],
    en: &[
        "Review {o} and share it with all departments",
        "Rehearse {o} once a year",
        "Have an outside expert assess {o}",
        "Report progress on {o} to the board every quarter",
    ],
    iso: &[
        "iso27001:A.5.24",
        "iso27001:A.5.26",
        "iso27001:A.5.1",
        "iso27001:A.5.35",
        "iso27001:A.5.36",
    ],
    ppc: &["ppc:10-3-4", "ppc:10-3-5", "ppc:10-1"],
};

const TOPICS: &[&Topic] = &[
    &MEDIA,
    &DEVICES,
    &DISPOSAL,
    &SENDING,
    &ACCOUNTS,
    &CONFIG,
    &DEFENCE,
    &OUTSOURCING,
    &PEOPLE,
    &TAKEOUT,
    &LOGGING,
    &GOVERNANCE,
];

const JA_PREFIXES: &[&str] = &[
    "",
    "",
    "",
    "",
    "",
    "今後は、",
    "全部署で、",
    "テレワークでは、",
    "出張時には、",
    "個人データを扱う部署では、",
    "本庁と出先機関の双方で、",
    "委託業務では、",
];

const JA_SUFFIXES: &[&str] = &[
    "",
    "",
    "",
    "",
    "",
    "",
    "、その結果を管理者が確認する",
    "、実施状況を定期的に点検する",
    "ことを規程に明記し、研修で周知する",
];

const EN_SUFFIXES: &[&str] = &[
    "",
    "",
    "",
    "",
    ", and check compliance every quarter",
    ", and record who approved it",
];

// ----- scenarios ----------------------------------------------------------------------

/// What kind of incident a case is.
struct Scenario {
    slug: &'static str,
    /// `{actor}`, `{item}`, `{place}`, `{n}` are filled in.
    titles: &'static [&'static str],
    /// Sentences for the summary's middle.
    details: &'static [&'static str],
    causes: &'static [(&'static str, &'static str)],
    topics: &'static [&'static Topic],
    tags: &'static [&'static str],
    data: &'static [&'static str],
    notice: &'static [&'static str],
}

const ACTORS: &[&str] = &[
    "職員",
    "委託先の社員",
    "教員",
    "従業員",
    "派遣社員",
    "再委託先の作業員",
    "嘱託職員",
    "営業担当者",
];

const ITEMS: &[&str] = &[
    "USBメモリー",
    "ノートPC",
    "外付けHDD",
    "業務用スマートフォン",
    "書類",
    "名簿",
    "SDカード",
    "タブレット端末",
];

const PLACES: &[&str] = &[
    "電車内",
    "飲食店",
    "駐車場",
    "出張先のホテル",
    "帰宅途中の路上",
    "タクシー",
    "駅のホーム",
    "自宅近くのコンビニエンスストア",
];

const SCENARIOS: &[Scenario] = &[
    Scenario {
        slug: "usb-loss",
        titles: &[
            "{actor}が個人情報入りのUSBメモリーを{place}で紛失",
            "{actor}が{n}人分の個人データを保存したUSBメモリーを紛失",
            "無断で持ち出した{item}を{actor}が{place}で紛失",
        ],
        details: &[
            "{actor}は業務の続きを自宅で行うため、{n}人分のデータを{item}に保存して持ち出し、{place}で紛失に気付いた。",
            "{item}は暗号化されておらず、パスワードも設定されていなかった。",
            "{actor}は持ち出しの許可を得ておらず、持ち出し簿にも記録していなかった。",
            "警察に遺失物届を出したが、現時点で{item}は見つかっていない。",
        ],
        causes: &[
            ("loss", "{item}を入れたかばんを{place}に置き忘れた"),
            (
                "unauthorized-takeout",
                "許可を得ずに個人データを{item}に保存して持ち出した",
            ),
            (
                "mismanagement",
                "{item}が暗号化されておらず、パスワードも設定されていなかった",
            ),
            (
                "mismanagement",
                "記憶媒体の持ち出しの手続が定められていなかった",
            ),
        ],
        topics: &[&MEDIA, &TAKEOUT, &PEOPLE, &OUTSOURCING],
        tags: &["USB", "紛失", "持ち出し", "暗号化"],
        data: &["氏名", "住所", "電話番号", "生年月日", "口座番号"],
        notice: &[
            "個人情報を含むUSBメモリーの紛失について",
            "個人情報の紛失に関するお詫び",
        ],
    },
    Scenario {
        slug: "laptop-theft",
        titles: &[
            "{actor}の車から顧客情報入りのノートPCが盗まれる",
            "{place}で{actor}の業務用PCが入ったかばんが盗難",
            "事務所に侵入され、{n}人分の個人情報を保存したPCが盗難",
        ],
        details: &[
            "{actor}が{place}に車を止めて離れた間に車上荒らしに遭い、業務用のノートPCが入ったかばんを盗まれた。",
            "PCにはログインパスワードが設定されていたが、ディスクは暗号化されていなかった。",
            "警察に被害届を出し、PCの行方を捜査している。",
        ],
        causes: &[
            ("theft", "車内に業務用PCを置いたまま車を離れた"),
            (
                "mismanagement",
                "ノートPCのディスクが暗号化されていなかった",
            ),
            (
                "theft",
                "施錠していない事務所に侵入され、机上のPCを持ち去られた",
            ),
        ],
        topics: &[&DEVICES, &TAKEOUT, &PEOPLE],
        tags: &["盗難", "ノートPC", "車上荒らし", "暗号化"],
        data: &["氏名", "住所", "電話番号", "契約内容"],
        notice: &[
            "業務用パソコンの盗難について",
            "個人情報を含むパソコンの盗難に関するお知らせ",
        ],
    },
    Scenario {
        slug: "email-misdelivery",
        titles: &[
            "メールの誤送信で{n}人分のメールアドレスが流出",
            "一斉メールをCCで送信し、参加者のメールアドレスが相互に閲覧可能に",
            "{actor}が個人データを含むファイルを別の取引先へ誤送信",
        ],
        details: &[
            "{actor}がイベントの案内メールを送る際、BCCではなくCCに{n}件のアドレスを入力して送信した。",
            "受信者からの指摘で誤送信が分かり、受信者に削除を依頼した。",
            "添付ファイルにはパスワードが設定されておらず、宛先の確認も一人で行っていた。",
        ],
        causes: &[
            (
                "misoperation",
                "BCCに入れるべきアドレスをCCに入力して送信した",
            ),
            (
                "misoperation",
                "宛先の候補から別の取引先を選んだことに気付かなかった",
            ),
            (
                "mismanagement",
                "送信前に宛先を確認する手順が定められていなかった",
            ),
        ],
        topics: &[&SENDING, &PEOPLE, &GOVERNANCE],
        tags: &["誤送信", "メール", "BCC", "確認"],
        data: &["メールアドレス", "氏名"],
        notice: &[
            "メール誤送信による個人情報の流出について",
            "メールアドレスの流出に関するお詫び",
        ],
    },
    Scenario {
        slug: "fax-misdelivery",
        titles: &[
            "患者情報を記載した書類を無関係の事業者へFAXで誤送信",
            "{actor}が住民の個人情報を記載した文書を誤ったFAX番号へ送信",
        ],
        details: &[
            "{actor}が短縮ダイヤルの番号を取り違え、{n}人分の情報を記載した文書を無関係の事業者へ送信した。",
            "送信先から連絡があり、誤送信が判明した。文書は送信先で廃棄されたことを確認した。",
        ],
        causes: &[
            ("misoperation", "FAXの送信先番号を取り違えて送信した"),
            (
                "mismanagement",
                "送信前に番号を二人で確認する手順がなかった",
            ),
        ],
        topics: &[&SENDING, &PEOPLE],
        tags: &["誤送信", "FAX", "確認"],
        data: &["氏名", "患者ID", "診療内容"],
        notice: &["個人情報を含む文書のFAX誤送信について"],
    },
    Scenario {
        slug: "disposal",
        titles: &[
            "廃棄したPCのHDDが未消去のまま転売され、個人情報が閲覧可能に",
            "委託で処分した機器がデータを残したままフリマアプリで流通",
            "個人情報を含む書類を溶解処理せずに一般ごみとして廃棄",
        ],
        details: &[
            "廃棄を委託した事業者から再委託先を経て、データを消去していない記憶媒体がインターネットオークションで転売された。",
            "購入者からの連絡で判明し、媒体には{n}人分の個人情報が残っていた。",
            "廃棄の際に立ち会って確認する手順がなく、消去証明書も受け取っていなかった。",
        ],
        causes: &[
            (
                "mismanagement",
                "委託した廃棄処分で記憶媒体の破壊やデータ消去が行われたかを確認していなかった",
            ),
            (
                "mismanagement",
                "再委託先を経て機器が転売され、流通経路を把握できない状態だった",
            ),
            (
                "illicit-acquisition",
                "廃棄を請け負った作業員が機器を持ち出して転売した",
            ),
        ],
        topics: &[&DISPOSAL, &OUTSOURCING, &MEDIA],
        tags: &["廃棄", "データ消去", "委託先", "転売"],
        data: &["氏名", "住所", "患者ID", "成績"],
        notice: &["廃棄した機器からの個人情報流出のおそれについて"],
    },
    Scenario {
        slug: "unauthorized-access",
        titles: &[
            "Webサイトへの不正アクセスでクレジットカード情報{n}件が流出のおそれ",
            "通販サイトが不正アクセスを受け、会員情報が流出",
            "リスト型攻撃による不正ログインで会員{n}人のアカウントが被害",
        ],
        details: &[
            "第三者がWebアプリケーションの脆弱性を突いて決済画面を改ざんし、入力されたカード情報が外部へ送信されていた。",
            "クレジットカード会社からの連絡で判明し、外部の調査会社が原因を調べた。",
            "他のサービスから流出したIDとパスワードの組み合わせが使われたとみられる。",
        ],
        causes: &[
            (
                "unauthorized-access",
                "Webアプリケーションの脆弱性を突かれ、決済画面を改ざんされた",
            ),
            (
                "vulnerability",
                "公開されていた修正プログラムを適用していなかった",
            ),
            (
                "unauthorized-access",
                "他のサービスから流出したパスワードでログインされた",
            ),
        ],
        topics: &[&DEFENCE, &ACCOUNTS, &LOGGING, &GOVERNANCE],
        tags: &["不正アクセス", "クレジットカード", "脆弱性", "パスワード"],
        data: &[
            "氏名",
            "メールアドレス",
            "クレジットカード番号",
            "有効期限",
            "セキュリティコード",
        ],
        notice: &[
            "不正アクセスによる個人情報流出に関するお詫びとお知らせ",
            "弊社サイトへの不正アクセスについて",
        ],
    },
    Scenario {
        slug: "ransomware",
        titles: &[
            "ランサムウェア感染でサーバーのデータが暗号化され、業務が停止",
            "VPN機器の脆弱性を突かれてランサムウェアに感染",
        ],
        details: &[
            "VPN機器の脆弱性を突かれて内部に侵入され、電子カルテなどのサーバーのデータが暗号化された。",
            "バックアップも同じネットワーク上にあったため暗号化され、復旧に約二か月を要した。",
            "攻撃者からは身代金を要求する文書が届いたが、支払わなかった。",
        ],
        causes: &[
            (
                "malware",
                "VPN機器の脆弱性を突かれ、ランサムウェアを送り込まれた",
            ),
            (
                "vulnerability",
                "VPN機器の修正プログラムを適用していなかった",
            ),
            (
                "mismanagement",
                "バックアップをネットワークから切り離して保管していなかった",
            ),
        ],
        topics: &[&DEFENCE, &GOVERNANCE, &ACCOUNTS],
        tags: &[
            "ランサムウェア",
            "ウイルス",
            "VPN",
            "暗号化",
            "バックアップ",
        ],
        data: &["患者ID", "氏名", "診療記録"],
        notice: &[
            "ランサムウェアによるシステム障害について",
            "サイバー攻撃による被害について",
        ],
    },
    Scenario {
        slug: "misconfiguration",
        titles: &[
            "クラウドストレージの設定ミスで{n}人分の個人情報が外部から閲覧可能に",
            "職員限定のつもりで掲載したファイルがインターネット上で閲覧可能に",
            "システム更新時の設定誤りで他の利用者の登録情報が表示",
        ],
        details: &[
            "クラウドストレージの共有設定が「リンクを知っている全員」になっており、検索エンジン経由で閲覧できる状態だった。",
            "外部からの指摘を受けて公開を停止したが、少なくとも{n}回のアクセスがあった。",
            "設定の変更を担当者一人で行い、別の担当者によるレビューがなかった。",
        ],
        causes: &[
            (
                "misconfiguration",
                "共有設定を誤り、誰でも閲覧できる状態にしていた",
            ),
            (
                "mismanagement",
                "設定の変更を別の担当者が確認する手順がなかった",
            ),
            (
                "misconfiguration",
                "公開範囲の初期値を確認しないまま運用を始めた",
            ),
        ],
        topics: &[&CONFIG, &LOGGING, &GOVERNANCE, &PEOPLE],
        tags: &["設定ミス", "誤公開", "クラウド", "アクセス制限"],
        data: &["氏名", "メールアドレス", "所属", "電話番号"],
        notice: &["個人情報が閲覧可能な状態になっていたことについて"],
    },
    Scenario {
        slug: "insider",
        titles: &[
            "従業員が顧客情報{n}件を不正に持ち出し、名簿業者へ売却",
            "{actor}が業務で知った個人情報を私的に利用",
            "元従業員が退職前に顧客データを複製し、転職先で利用",
        ],
        details: &[
            "{actor}が業務用の端末から顧客データベースにアクセスし、{n}件の顧客情報を私物のスマートフォンに複製して持ち出した。",
            "持ち出した情報は名簿業者に売却され、顧客からの問い合わせで発覚した。",
            "参照の記録は残っていたが、定期的に点検されていなかった。",
        ],
        causes: &[
            (
                "insider-fraud",
                "業務上のアクセス権を悪用して顧客情報を持ち出した",
            ),
            (
                "unauthorized-takeout",
                "私物のスマートフォンに顧客データを複製して持ち出した",
            ),
            (
                "mismanagement",
                "参照できる顧客情報が担当業務に必要な範囲を超えていた",
            ),
            (
                "purpose-outside-use",
                "業務で知った個人情報を私的な目的に使った",
            ),
        ],
        topics: &[&LOGGING, &ACCOUNTS, &TAKEOUT, &PEOPLE],
        tags: &["内部不正", "持ち出し", "名簿業者", "アクセス権"],
        data: &["氏名", "住所", "電話番号", "購入履歴"],
        notice: &["元従業員による顧客情報の不正持ち出しについて"],
    },
    Scenario {
        slug: "password-memo",
        titles: &[
            "付箋に書いたパスワードが悪用され、システムに不正ログイン",
            "共有アカウントのパスワードが退職者に知られたまま使われ続ける",
        ],
        details: &[
            "{actor}がID・パスワードを付箋に書いてモニターに貼っており、これを見た第三者がシステムにログインした。",
            "共有アカウントを複数の職員で使っていたため、誰が操作したかを特定するのに時間がかかった。",
            "パスワードは数年間変更されていなかった。",
        ],
        causes: &[
            (
                "mismanagement",
                "ID・パスワードを付箋に書いて机上に残していた",
            ),
            (
                "mismanagement",
                "共有アカウントを使い、パスワードを変更していなかった",
            ),
            (
                "unauthorized-access",
                "他人の認証情報を使ってシステムにログインされた",
            ),
        ],
        topics: &[&ACCOUNTS, &LOGGING, &PEOPLE],
        tags: &[
            "パスワード",
            "クリアデスク",
            "不正アクセス",
            "共有アカウント",
        ],
        data: &["氏名", "住所", "車両情報"],
        notice: &["システムへの不正ログインについて"],
    },
    Scenario {
        slug: "paper-loss",
        titles: &[
            "成績一覧表などの書類を{actor}が{place}に置き忘れ",
            "{n}人分の個人情報を記載した名簿を紛失",
            "個人情報を含む郵便物が配達途中で所在不明に",
        ],
        details: &[
            "{actor}が書類を持ち帰る途中、{place}でかばんを置き忘れた。",
            "書類の持ち出しは許可制になっていたが、持ち出し簿への記録が行われていなかった。",
            "拾得物として届けられておらず、書類は見つかっていない。",
        ],
        causes: &[
            ("loss", "書類を入れたかばんを{place}に置き忘れた"),
            (
                "unauthorized-takeout",
                "許可を得ずに紙の名簿を自宅へ持ち帰った",
            ),
            (
                "mismanagement",
                "書類の持ち出しを記録する手続が守られていなかった",
            ),
        ],
        topics: &[&TAKEOUT, &PEOPLE, &DISPOSAL],
        tags: &["紛失", "紙媒体", "持ち出し", "名簿"],
        data: &["氏名", "成績", "住所", "保護者の連絡先"],
        notice: &["個人情報を含む書類の紛失について"],
    },
    Scenario {
        slug: "outsourcing",
        titles: &[
            "再委託先が無断で個人データを複製し、私物のPCに保存",
            "委託先のシステムから{n}人分の個人情報が流出",
            "指定管理者が契約終了後も利用者名簿を返却せず営業に流用",
        ],
        details: &[
            "委託先は委託元の承認を得ずに業務を再委託しており、再委託先の作業員が個人データを私物のPCに複製していた。",
            "委託元は委託先の安全管理措置の実施状況を確認しておらず、再委託の事実を把握していなかった。",
            "契約には作業後のデータ消去が定められていたが、完了報告で確認していなかった。",
        ],
        causes: &[
            (
                "mismanagement",
                "委託元による委託先の監督が及ばず、再委託の事実を把握できていなかった",
            ),
            (
                "unauthorized-takeout",
                "再委託先の作業員が個人データを私物のPCに複製した",
            ),
            (
                "purpose-outside-use",
                "契約終了後に返却すべき名簿を自社の営業に使った",
            ),
        ],
        topics: &[&OUTSOURCING, &DISPOSAL, &TAKEOUT, &GOVERNANCE],
        tags: &["委託先", "再委託", "委託先の監督", "データ消去"],
        data: &["氏名", "住所", "電話番号", "利用履歴"],
        notice: &["業務委託先における個人情報の取扱いについて"],
    },
];

// ----- organizations ------------------------------------------------------------------

/// (kanji, romaji) for ids and addresses.
const CITIES: &[(&str, &str)] = &[
    ("札幌", "sapporo"),
    ("函館", "hakodate"),
    ("青森", "aomori"),
    ("盛岡", "morioka"),
    ("仙台", "sendai"),
    ("秋田", "akita"),
    ("山形", "yamagata"),
    ("福島", "fukushima"),
    ("水戸", "mito"),
    ("宇都宮", "utsunomiya"),
    ("前橋", "maebashi"),
    ("さいたま", "saitama"),
    ("千葉", "chiba"),
    ("八王子", "hachioji"),
    ("横浜", "yokohama"),
    ("川崎", "kawasaki"),
    ("新潟", "niigata"),
    ("富山", "toyama"),
    ("金沢", "kanazawa"),
    ("福井", "fukui"),
    ("甲府", "kofu"),
    ("長野", "nagano"),
    ("岐阜", "gifu"),
    ("静岡", "shizuoka"),
    ("浜松", "hamamatsu"),
    ("名古屋", "nagoya"),
    ("津", "tsu"),
    ("大津", "otsu"),
    ("京都", "kyoto"),
    ("堺", "sakai"),
    ("神戸", "kobe"),
    ("姫路", "himeji"),
    ("奈良", "nara"),
    ("和歌山", "wakayama"),
    ("鳥取", "tottori"),
    ("松江", "matsue"),
    ("岡山", "okayama"),
    ("広島", "hiroshima"),
    ("山口", "yamaguchi"),
    ("徳島", "tokushima"),
    ("高松", "takamatsu"),
    ("松山", "matsuyama"),
    ("高知", "kochi"),
    ("北九州", "kitakyushu"),
    ("福岡", "fukuoka"),
    ("佐賀", "saga"),
    ("長崎", "nagasaki"),
    ("熊本", "kumamoto"),
    ("大分", "oita"),
    ("宮崎", "miyazaki"),
    ("鹿児島", "kagoshima"),
    ("那覇", "naha"),
];

const NAMES: &[(&str, &str)] = &[
    ("東和", "towa"),
    ("北辰", "hokushin"),
    ("大和", "yamato"),
    ("明光", "meiko"),
    ("三栄", "san-ei"),
    ("日進", "nisshin"),
    ("協和", "kyowa"),
    ("丸和", "maruwa"),
    ("富士見", "fujimi"),
    ("青葉", "aoba"),
    ("朝日", "asahi"),
    ("光陽", "koyo"),
    ("若葉", "wakaba"),
    ("南海", "nankai"),
    ("北斗", "hokuto"),
    ("平和", "heiwa"),
    ("栄光", "eiko"),
    ("中央", "chuo"),
    ("東邦", "toho"),
    ("山陽", "sanyo"),
    ("新星", "shinsei"),
    ("旭", "asahi"),
    ("白鷺", "shirasagi"),
    ("瑞穂", "mizuho"),
];

/// (sector, organization template, domain suffix). `{c}` city, `{n}` name.
const ORGS: &[(&str, &str, &str)] = &[
    ("local-government", "{c}市", "lg.jp"),
    ("local-government", "{c}市教育委員会", "lg.jp"),
    ("local-government", "{c}市水道局", "lg.jp"),
    ("government", "{c}労働局", "go.jp"),
    ("government", "{c}税務署", "go.jp"),
    ("healthcare", "{c}市立病院", "jp"),
    ("healthcare", "{c}中央病院", "or.jp"),
    ("healthcare", "医療法人{n}会", "or.jp"),
    ("education", "{c}市立{n}中学校", "ed.jp"),
    ("education", "{n}大学", "ac.jp"),
    ("education", "{c}県立{n}高等学校", "ed.jp"),
    ("finance", "{n}銀行", "co.jp"),
    ("finance", "{c}信用金庫", "co.jp"),
    ("finance", "{n}生命保険株式会社", "co.jp"),
    ("retail", "株式会社{n}ストア", "co.jp"),
    ("retail", "{n}百貨店", "co.jp"),
    ("energy", "{n}電力株式会社", "co.jp"),
    ("energy", "{c}ガス株式会社", "co.jp"),
    ("telecom", "{n}通信株式会社", "co.jp"),
    ("logistics", "{n}運輸株式会社", "co.jp"),
    ("logistics", "{n}急便株式会社", "co.jp"),
    ("it-services", "株式会社{n}システムズ", "co.jp"),
    ("it-services", "{n}ソリューションズ株式会社", "co.jp"),
    ("manufacturing", "{n}工業株式会社", "co.jp"),
    ("manufacturing", "株式会社{n}製作所", "co.jp"),
    ("professional-services", "{n}法律事務所", "jp"),
    (
        "professional-services",
        "{n}コンサルティング株式会社",
        "co.jp",
    ),
    ("other", "一般社団法人{n}協会", "or.jp"),
    ("other", "公益財団法人{c}{n}財団", "or.jp"),
];

const MEDIA_OUTLETS: &[(&str, &str)] = &[
    ("NHK", "https://www3.nhk.or.jp/news/html"),
    ("共同通信", "https://www.kyodo.co.jp/news"),
    ("日本経済新聞", "https://www.nikkei.com/article"),
    ("ITmedia", "https://www.itmedia.co.jp/news/articles"),
    ("Security NEXT", "https://www.security-next.com"),
    ("読売新聞", "https://www.yomiuri.co.jp/national"),
];

const SECOND_SENTENCES: &[&str] = &[
    "現時点で情報の不正利用などの二次被害は確認されていない。",
    "外部への流出は確認されていないとしている。",
    "漏えいした情報が悪用されたとの報告は今のところない。",
    "同{org_kind}は個人情報保護委員会に報告した。",
];

const LAST_SENTENCES: &[&str] = &[
    "対象者には個別に連絡し謝罪するとともに、専用の問い合わせ窓口を設けた。",
    "{org}は再発防止策として、記憶媒体の暗号化と持ち出しの確認を徹底するとしている。",
    "{org}は対象者に文書で謝罪し、ホームページで経緯を公表した。",
    "{org}は関係者の処分を検討するとともに、全職員に注意を呼びかけた。",
];

/// Opens a summary's detail sentence.
const LEADS: &[&str] = &[
    "その後の調査によると、",
    "{org}の説明によると、",
    "関係者への聞き取りでは、",
    "外部の専門家による調査の結果、",
    "発表によれば、",
];

/// Ends the summary's sentence on what was affected.
const DATA_TAILS: &[&str] = &[
    "パスワードやクレジットカード番号は含まれていないとしている。",
    "一部には緊急連絡先も含まれていた。",
    "いずれも業務のために預かっていた情報だった。",
    "暗号化やパスワードによる保護はされていなかった。",
    "現在も流出の範囲を調査している。",
];

const RESPONSES: &[&str] = &[
    "対象者に個別に連絡し謝罪した",
    "個人情報保護委員会に報告した",
    "警察に届け出た",
    "専用の問い合わせ窓口を設けた",
    "ホームページで経緯を公表した",
    "外部の専門家に調査を依頼した",
    "関係するシステムを停止し、パスワードを変更した",
    "受信者に連絡してデータの削除を依頼し、削除を確認した",
];

const GENERIC_TAGS: &[&str] = &[
    "個人情報",
    "委託先",
    "確認",
    "教育",
    "漏えい",
    "再発防止",
    "テレワーク",
    "自治体",
    "医療",
];

// ----- writing ------------------------------------------------------------------------

fn fill(template: &str, vars: &[(&str, &str)]) -> String {
    let mut s = template.to_string();
    for (k, v) in vars {
        s = s.replace(k, v);
    }
    s
}

/// A plain scalar when that reads back as the same text, otherwise double-quoted.
fn scalar(s: &str, in_flow: bool) -> String {
    let first = s.chars().next().unwrap_or(' ');
    let needs_quotes = s.is_empty()
        || s.contains(": ")
        || s.contains(" #")
        || s.ends_with(':')
        || s.starts_with(' ')
        || s.ends_with(' ')
        || "-?:,[]{}#&*!|>'\"%@`".contains(first)
        || (in_flow && s.contains([',', '[', ']', '{', '}']))
        || s.parse::<f64>().is_ok()
        || matches!(
            s.to_ascii_lowercase().as_str(),
            "true" | "false" | "yes" | "no" | "null" | "on" | "off" | "~"
        );
    if needs_quotes {
        format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
    } else {
        s.to_string()
    }
}

fn flow_list(items: &[String]) -> String {
    let parts: Vec<String> = items.iter().map(|s| scalar(s, true)).collect();
    format!("[{}]", parts.join(", "))
}

#[derive(Clone, Copy)]
struct Date {
    y: u32,
    m: u32,
    d: u32,
}

fn days_in(y: u32, m: u32) -> u32 {
    match m {
        2 if (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A number spread over several orders of magnitude.
fn count(rng: &mut Rng) -> u64 {
    let magnitude = rng.range(1, 5) as u32;
    let base = 10u64.pow(magnitude);
    rng.range(base, base * 10 - 1) / rng.range(1, 3)
}

fn measure_text(rng: &mut Rng, topic: &Topic, japanese: bool) -> String {
    if japanese {
        let o = rng.pick(topic.ja_objects);
        let body = fill(rng.pick(topic.ja), &[("{o}", o)]);
        let prefix = rng.pick(JA_PREFIXES);
        let suffix = rng.pick(JA_SUFFIXES);
        // No second check on a measure that already ends in one.
        let checked_twice = body.contains("確認") && suffix.contains("確認");
        if body.ends_with('）') || suffix.is_empty() || checked_twice {
            // A closing "（委託先の監督）" ends the sentence.
            format!("{prefix}{body}")
        } else if let Some(stem) = suffix
            .starts_with('、')
            .then(|| body.strip_suffix("する"))
            .flatten()
        {
            // "…する" + "、…": the first verb joins the second ("…し、…").
            format!("{prefix}{stem}し{suffix}")
        } else if suffix.starts_with('、') {
            format!("{prefix}{body}")
        } else {
            format!("{prefix}{body}{suffix}")
        }
    } else {
        let o = rng.pick(topic.en_objects);
        let body = fill(rng.pick(topic.en), &[("{o}", o)]);
        format!("{}{}", body, rng.pick(EN_SUFFIXES))
    }
}

fn controls(rng: &mut Rng, topic: &Topic) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let n_iso = 1 + usize::from(rng.chance(45));
    for c in rng.some(topic.iso, n_iso) {
        out.push(c.to_string());
    }
    if rng.chance(75) {
        out.push(rng.pick(topic.ppc).to_string());
    }
    if rng.chance(15) {
        // A second topic's control, as real measures often span two areas.
        let other = rng.pick(TOPICS);
        let c = rng.pick(other.iso).to_string();
        if !out.contains(&c) {
            out.push(c);
        }
    }
    out
}

fn date_text(date: Date, precision: u32) -> String {
    match precision {
        0 => format!("\"{}\"", date.y),
        1 => format!("{}-{:02}", date.y, date.m),
        _ => format!("{}-{:02}-{:02}", date.y, date.m, date.d),
    }
}

fn case_file(rng: &mut Rng, seq: usize) -> (u32, String, String) {
    let scenario = rng.pick_ref(SCENARIOS);
    let (sector, org_template, domain) = rng.pick(ORGS);
    let (city, city_r) = rng.pick(CITIES);
    let (name, name_r) = rng.pick(NAMES);
    let org = fill(org_template, &[("{c}", city), ("{n}", name)]);
    let org_r = if org_template.contains("{n}") {
        name_r
    } else {
        city_r
    };
    let org_kind = if org.ends_with('市') || org.contains("委員会") || org.contains("局") {
        "市"
    } else if org.contains("病院") || org.contains("医療") {
        "病院"
    } else if org.contains("学") {
        "校"
    } else {
        "社"
    };

    let published = {
        let y = rng.range(2005, 2025) as u32;
        let m = rng.range(1, 12) as u32;
        let d = rng.range(1, days_in(y, m) as u64) as u32;
        Date { y, m, d }
    };
    let precision = match rng.below(100) {
        0..=4 => 0,
        5..=14 => 1,
        _ => 2,
    };
    let id = format!("{org_r}-{}-{}-{seq:05}", scenario.slug, published.y);

    let n = count(rng);
    let n_text = thousands(n);
    let actor = rng.pick(ACTORS);
    let item = rng.pick(ITEMS);
    let place = rng.pick(PLACES);
    let vars = [
        ("{actor}", actor),
        ("{item}", item),
        ("{place}", place),
        ("{n}", n_text.as_str()),
        ("{org_kind}", org_kind),
        ("{org}", org.as_str()),
    ];
    let title = fill(rng.pick(scenario.titles), &vars);

    let mut y = String::with_capacity(2600);
    let _ = writeln!(y, "id: {id}");
    let _ = writeln!(y, "title: {}", scalar(&title, false));
    let _ = writeln!(y, "organization: {}", scalar(&org, false));
    let _ = writeln!(y, "sector: {sector}");
    let _ = writeln!(y, "published: {}", date_text(published, precision));
    if precision == 2 && rng.chance(60) {
        // Some weeks to a year before it was made public.
        let back = rng.range(0, 11) as u32;
        let months = published.y * 12 + published.m - 1 - back;
        let occurred = Date {
            y: months / 12,
            m: months % 12 + 1,
            d: 1,
        };
        let _ = writeln!(y, "occurred: {}", date_text(occurred, 1));
    }

    // Summary: 2–4 sentences, one per line.
    let when = match precision {
        0 => format!("{}年", published.y),
        1 => format!("{}年{}月", published.y, published.m),
        _ => format!("{}年{}月{}日", published.y, published.m, published.d),
    };
    let affected = rng.chance(80).then(|| {
        let records = rng.chance(25).then(|| n + rng.range(1, n.max(2)));
        let data: Vec<String> = rng
            .some_in(scenario.data, 2, 4)
            .into_iter()
            .map(|s| s.to_string())
            .collect();
        (records, data)
    });
    let mut sentences = vec![format!("{org}は{when}、{title}と発表した。")];
    if let Some((_, data)) = &affected {
        let tail = rng.pick(DATA_TAILS);
        sentences.push(format!("対象は{n_text}人分の{}で、{tail}", data.join("、")));
    }
    let details = rng.some_in(scenario.details, 1, 2);
    for detail in details {
        let lead = if rng.chance(60) { rng.pick(LEADS) } else { "" };
        sentences.push(fill(&format!("{lead}{detail}"), &vars));
    }
    sentences.truncate(4);
    if sentences.len() < 4 {
        let closing = if rng.chance(50) {
            SECOND_SENTENCES
        } else {
            LAST_SENTENCES
        };
        sentences.push(fill(rng.pick(closing), &vars));
    }
    y.push_str("summary: |\n");
    for s in &sentences {
        let _ = writeln!(y, "  {s}");
    }

    if let Some((records, data)) = &affected {
        y.push_str("affected:\n");
        let _ = writeln!(y, "  people: {n}");
        if let Some(records) = records {
            let _ = writeln!(y, "  records: {records}");
        }
        let _ = writeln!(y, "  data: {}", flow_list(data));
    }

    y.push_str("root_causes:\n");
    for (category, text) in rng.some_in(scenario.causes, 1, 3) {
        let _ = writeln!(y, "  - category: {category}");
        let _ = writeln!(y, "    text: {}", scalar(&fill(text, &vars), false));
    }

    // 3–7 measures, mostly 4–6.
    let measures = 3 + (0..4).filter(|_| rng.chance(50)).count();
    let mut seen: Vec<String> = Vec::new();
    y.push_str("measures:\n");
    let mut written = 0;
    while written < measures {
        let topic: &Topic = if rng.chance(75) {
            rng.pick(scenario.topics)
        } else {
            rng.pick(TOPICS)
        };
        let japanese = rng.chance(60);
        let text = measure_text(rng, topic, japanese);
        if seen.contains(&text) {
            continue;
        }
        let _ = writeln!(y, "  - text: {}", scalar(&text, false));
        let _ = writeln!(y, "    controls: {}", flow_list(&controls(rng, topic)));
        if rng.chance(30) {
            y.push_str("    origin: editorial\n");
        }
        seen.push(text);
        written += 1;
    }

    if rng.chance(50) {
        y.push_str("response:\n");
        for r in rng.some_in(RESPONSES, 1, 3) {
            let _ = writeln!(y, "  - {r}");
        }
    }

    y.push_str("sources:\n");
    let notice = fill(rng.pick(scenario.notice), &vars);
    let stamp = format!("{}{:02}{:02}", published.y, published.m, published.d);
    let from_org = rng.chance(70);
    if from_org {
        let _ = writeln!(y, "  - publisher: {}", scalar(&org, false));
        let _ = writeln!(y, "    title: {}", scalar(&notice, false));
    } else {
        let (outlet, base) = rng.pick(MEDIA_OUTLETS);
        let _ = writeln!(y, "  - publisher: {outlet}");
        let _ = writeln!(
            y,
            "    title: {}",
            scalar(&format!("{org}、{title}"), false)
        );
        let _ = writeln!(y, "    date: {}", date_text(published, precision));
        if rng.chance(70) {
            let _ = writeln!(
                y,
                "    url: {base}/{stamp}/k{:010}.html",
                rng.next() % 10_000_000_000
            );
        }
    }
    if from_org {
        let _ = writeln!(y, "    date: {}", date_text(published, precision));
        if rng.chance(55) {
            let _ = writeln!(y, "    url: https://www.{org_r}.{domain}/news/{stamp}.html");
        }
    }

    let mut tags: Vec<String> = rng
        .some_in(scenario.tags, 2, 4)
        .into_iter()
        .map(|s| s.to_string())
        .collect();
    for t in rng.some_in(GENERIC_TAGS, 0, 2) {
        if !tags.iter().any(|x| x == t) {
            tags.push(t.to_string());
        }
    }
    let _ = writeln!(y, "tags: {}", flow_list(&tags));

    (published.y, id, y)
}

fn run(n: usize, dir: &Path) -> std::io::Result<(usize, u64)> {
    let mut rng = Rng(0x00CA_5EB0_0C20_2500);
    let mut bytes = 0u64;
    for seq in 1..=n {
        let (year, id, text) = case_file(&mut rng, seq);
        let folder: PathBuf = dir.join("cases").join(year.to_string());
        std::fs::create_dir_all(&folder)?;
        std::fs::write(folder.join(format!("{id}.yaml")), &text)?;
        bytes += text.len() as u64;
    }
    Ok((n, bytes))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(n), Some(dir)) = (
        args.first().and_then(|a| a.parse::<usize>().ok()),
        args.get(1),
    ) else {
        eprintln!("usage: cargo run --release --example gen_casebook -- N DIR");
        eprintln!("  writes N synthetic case files under DIR/cases/<year>/<id>.yaml");
        return ExitCode::from(2);
    };
    let dir = Path::new(dir);
    if dir.join("cases").exists() {
        eprintln!(
            "gen_casebook: {} already exists; remove it first (rm -r {})",
            dir.join("cases").display(),
            dir.display()
        );
        return ExitCode::FAILURE;
    }
    match run(n, dir) {
        Ok((files, bytes)) => {
            println!(
                "wrote {files} case files ({:.1} MB, {} bytes on average) under {}",
                bytes as f64 / 1e6,
                bytes / files.max(1) as u64,
                dir.join("cases").display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("gen_casebook: {e}");
            ExitCode::FAILURE
        }
    }
}
