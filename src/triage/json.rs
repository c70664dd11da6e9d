//! The triage as JSON (`casebook triage ID --format json`): the situation ids
//! that apply, each rule's result under its own id (`ppc`, `pmark`) with a
//! `<stage>_due` date per stage, the reasons, the questions, and the rules'
//! dates and sources. Unknown is `null`; texts are in the interface language.

use serde_json::{Map, Value, json};

use super::{Check, Outcome, StageOutcome, Triage};
use crate::lang::Lang;
use crate::model::Fact;
use crate::rules::Rule;

/// The JSON value of a triage.
pub fn value(triage: &Triage, lang: Lang) -> Value {
    let mut root = Map::new();
    root.insert("id".into(), json!(triage.id));
    root.insert("discovered".into(), json!(triage.discovered.map(day)));
    root.insert("situations".into(), json!(triage.situations()));
    root.insert(
        "situations_unknown".into(),
        json!(triage.situations_unknown()),
    );
    root.insert("exemptions".into(), json!(triage.exemptions()));
    root.insert(
        "public_body".into(),
        json!({
            "value": fact(triage.public_body.0),
            "because": triage.public_body.1.get(lang),
        }),
    );
    for o in &triage.outcomes {
        root.insert(o.id.clone(), outcome(o, lang));
    }
    root.insert(
        "questions".into(),
        Value::Array(
            triage
                .questions
                .iter()
                .map(|q| json!({"field": q.field, "question": q.text.get(lang)}))
                .collect(),
        ),
    );
    root.insert("final_word".into(), json!(final_word(triage, lang)));
    Value::Object(root)
}

fn outcome(o: &Outcome, lang: Lang) -> Value {
    let mut m = Map::new();
    m.insert("required".into(), fact(o.required));
    m.insert("reason".into(), json!(o.reason.get(lang)));
    for s in &o.stages {
        m.insert(format!("{}_due", s.stage.id), json!(s.due.map(day)));
    }
    m.insert(
        "stages".into(),
        Value::Array(o.stages.iter().map(|s| stage(s, lang)).collect()),
    );
    let checks: Vec<Value> = o
        .situations
        .iter()
        .map(|c| check(c, "situation", lang))
        .chain(o.exemptions.iter().map(|c| check(c, "exemption", lang)))
        .collect();
    m.insert("checks".into(), Value::Array(checks));
    m.insert("rule".into(), o.rule.map_or(Value::Null, |r| rule(r, lang)));
    Value::Object(m)
}

fn stage(s: &StageOutcome, lang: Lang) -> Value {
    json!({
        "id": s.stage.id,
        "title": s.stage.title.get(lang),
        "required": fact(s.required),
        "days": s.days,
        "guidance": s.stage.guidance,
        "due": s.due.map(day),
        "filed": s.filed.map(|d| d.to_string()),
        "done": s.done,
        "basis": s.stage.basis,
    })
}

fn check(c: &Check, kind: &str, lang: Lang) -> Value {
    json!({
        "id": c.condition.id,
        "kind": kind,
        "applies": fact(c.result),
        "because": c.because.get(lang),
        "title": c.condition.title.get(lang),
        "basis": c.condition.basis,
    })
}

fn rule(r: &Rule, lang: Lang) -> Value {
    json!({
        "effective_from": r.effective().to_string(),
        "name": r.name.get(lang),
        "authority": r.authority.get(lang),
        "basis": r.basis.get(lang),
        "confidence": r.confidence,
        "sources": r.sources,
        "file": r.path,
    })
}

/// What every output says: the rules' dates and that the authority decides.
pub fn final_word(triage: &Triage, lang: Lang) -> String {
    final_word_of(triage.outcomes.iter().filter_map(|o| o.rule), lang)
}

/// The same for the rules given (each version named once).
pub fn final_word_of<'r>(rules: impl IntoIterator<Item = &'r Rule>, lang: Lang) -> String {
    let mut dates: Vec<String> = Vec::new();
    let mut authorities = Vec::new();
    // A rule the team's table says does not apply is not among them.
    for r in rules.into_iter().filter(|r| r.applies) {
        let date = format!("{} {}", r.id, r.effective());
        if !dates.contains(&date) {
            dates.push(date);
        }
        let a = r.authority.get(lang);
        if !a.is_empty() && !authorities.contains(&a) {
            authorities.push(a);
        }
    }
    match lang {
        Lang::Ja => format!(
            "規則の施行日: {}。この判定は事例ファイルと規則の表から機械的に出したもので、最終的な判断は{}が行います。",
            dates.join("、"),
            authorities.join("・")
        ),
        Lang::En => format!(
            "Rules in effect from: {}. This result is derived mechanically from the case file and the rule table; the final word rests with {}.",
            dates.join(", "),
            authorities.join(" / ")
        ),
    }
}

fn fact(f: Fact) -> Value {
    f.value().map_or(Value::Null, Value::Bool)
}

fn day(d: time::Date) -> String {
    crate::date::partial(d).to_string()
}
