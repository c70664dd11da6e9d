//! The numbering or bullet that starts a line (`1`, `１．`, `(1)`, `（１）`,
//! `①`, `第１`, `■`, `【】`, `・`, `ア`): a heading's or a list item's.

/// A numbering or bullet style; headings of one style are one level.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Style {
    /// 第1, 第１, 第一
    Dai,
    /// 1, １．, 1.
    Arabic,
    /// 1), １）
    ArabicParen,
    /// (1), （１）, ⑴
    Paren,
    /// ①
    Circled,
    /// ア, イ, ウ
    Katakana,
    /// (ア), （イ）
    KanaParen,
    /// ■, □, ◆, ●
    Square,
    /// 【概要】 on a line of its own
    Lenticular,
    /// ・, •, -
    Bullet,
    /// A heading without a marker
    Plain,
}

/// A numbering marker at the start of a line, and the text after it.
pub fn marker(line: &str) -> Option<(Style, &str)> {
    let mut chars = line.char_indices();
    let (_, first) = chars.next()?;
    let rest_from = |i: usize| line[i..].trim_start_matches([' ', '\u{3000}']);
    let digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    let kanji_digit = |c: char| "一二三四五六七八九十".contains(c);
    // Bracketed lines: 【概要】, ≪ランサムウェアとは≫, 《経緯》.
    if let Some(close) = [('【', '】'), ('≪', '≫'), ('《', '》')]
        .iter()
        .find(|(open, _)| first == *open)
        .map(|(_, close)| *close)
    {
        // (【令和2年9月3日掲載】: the page's date, no heading.)
        if let Some(inner) = line[first.len_utf8()..].strip_suffix(close)
            && !inner.contains(close)
            && (inner.chars().count() > 24 || super::dates::find(inner, None).is_empty())
        {
            return Some((Style::Lenticular, inner.trim()));
        }
        return None;
    }
    if "■□◆◇●○▼▽◎★☆▶▷".contains(first) {
        return Some((Style::Square, rest_from(first.len_utf8())));
    }
    if "・•‧∙".contains(first) || (first == '-' && line[1..].starts_with(' ')) {
        return Some((Style::Bullet, rest_from(first.len_utf8())));
    }
    if ('①'..='⑳').contains(&first) || ('➀'..='➉').contains(&first) {
        return Some((Style::Circled, rest_from(first.len_utf8())));
    }
    if ('⑴'..='⒇').contains(&first) {
        return Some((Style::Paren, rest_from(first.len_utf8())));
    }
    if first == '第' {
        let after: Vec<(usize, char)> = chars.clone().collect();
        let n = after
            .iter()
            .take_while(|(_, c)| digit(*c) || kanji_digit(*c))
            .count();
        let (i, c) = *after.get(n)?;
        if n == 0 || n > 3 || "章節条報回者号期次弾".contains(c) {
            return None;
        }
        let skip = if matches!(c, ' ' | '\u{3000}' | '、' | '．' | '.') {
            c.len_utf8()
        } else {
            0
        };
        return Some((Style::Dai, rest_from(i + skip)));
    }
    if first == '(' || first == '（' {
        let close = if first == '(' { ')' } else { '）' };
        let inner_start = first.len_utf8();
        let end = line[inner_start..].find(close)? + inner_start;
        let inner = &line[inner_start..end];
        let rest = rest_from(end + close.len_utf8());
        if !inner.is_empty() && inner.chars().count() <= 2 && inner.chars().all(digit) {
            return Some((Style::Paren, rest));
        }
        if inner.chars().count() == 1 && inner.chars().all(is_katakana) {
            return Some((Style::KanaParen, rest));
        }
        return None;
    }
    if digit(first) {
        let n = line.chars().take_while(|c| digit(*c)).count();
        if n > 2 {
            return None;
        }
        let (i, c) = line.char_indices().nth(n)?;
        return match c {
            ' ' | '\u{3000}' | '．' | '、' => Some((Style::Arabic, rest_from(i + c.len_utf8()))),
            '.' if !line[i + 1..].starts_with(|c: char| c.is_ascii_digit()) => {
                Some((Style::Arabic, rest_from(i + 1)))
            }
            ')' | '）' => Some((Style::ArabicParen, rest_from(i + c.len_utf8()))),
            _ => None,
        };
    }
    if is_katakana(first) {
        let (i, c) = chars.next()?;
        if matches!(c, ' ' | '\u{3000}' | '．' | '、') {
            return Some((Style::Katakana, rest_from(i + c.len_utf8())));
        }
    }
    None
}

fn is_katakana(c: char) -> bool {
    ('ア'..='ン').contains(&c)
}

/// An item's text without a numbering that follows its bullet (`- (2) …`,
/// `・① …`): the bullet marks the list, the number is the notice's own.
pub fn inner(rest: &str) -> &str {
    match marker(rest) {
        Some((Style::Lenticular | Style::Plain | Style::Square | Style::Bullet, _)) | None => rest,
        Some((_, text)) if !text.is_empty() => text,
        Some(_) => rest,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_after_a_bullet_is_stripped_with_it() {
        assert_eq!(
            inner("(2)その他のアカウントのパスワード変更"),
            "その他のアカウントのパスワード変更"
        );
        assert_eq!(inner("① 研修を行う"), "研修を行う");
        assert_eq!(inner("2025年に研修を行う"), "2025年に研修を行う");
        assert_eq!(inner("アクセス権を見直す"), "アクセス権を見直す");
    }
}
