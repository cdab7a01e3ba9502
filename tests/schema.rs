//! The JSON Schema shipped in `assets/match-file.schema.json` must accept the
//! bundled match and reject broken files, so the schema, the match and the
//! format cannot drift apart unnoticed.

use serde_json::{Value, json};

const SCHEMA_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/match-file.schema.json");
const MATCH_PATH: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/matches/2022-world-cup-qf-england-france.json"
);

fn read_json(path: &str) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path} is not valid JSON: {e}"))
}

fn schema() -> Value {
    read_json(SCHEMA_PATH)
}

fn bundled_match() -> Value {
    read_json(MATCH_PATH)
}

fn validator() -> jsonschema::Validator {
    jsonschema::draft202012::new(&schema())
        .unwrap_or_else(|e| panic!("{SCHEMA_PATH} does not compile as a schema: {e}"))
}

/// Every validation error of `instance`, one per line, with its location.
fn errors(validator: &jsonschema::Validator, instance: &Value) -> Vec<String> {
    validator
        .iter_errors(instance)
        .map(|e| format!("at {:?}: {e}", e.instance_path.to_string()))
        .collect()
}

/// Index of the first event of `kind` whose `player` is `player`.
fn event_index(doc: &Value, kind: &str, player: &str) -> usize {
    doc["events"]
        .as_array()
        .expect("events is an array")
        .iter()
        .position(|e| e["kind"] == kind && e["player"] == player)
        .unwrap_or_else(|| panic!("no {kind} event for {player} in the bundled match"))
}

fn assert_rejected(what: &str, instance: &Value) {
    let validator = validator();
    assert!(
        !validator.is_valid(instance),
        "the schema accepted a match file with {what}"
    );
}

#[test]
fn schema_is_a_valid_draft_2020_12_schema() {
    let schema = schema();
    assert_eq!(
        schema["$schema"], "https://json-schema.org/draft/2020-12/schema",
        "the schema must declare draft 2020-12"
    );
    if let Err(e) = jsonschema::draft202012::meta::validate(&schema) {
        panic!("{SCHEMA_PATH} is not a valid draft 2020-12 schema: {e}");
    }
    // And it builds into a validator.
    validator();
}

#[test]
fn bundled_match_validates() {
    let validator = validator();
    let doc = bundled_match();
    let errs = errors(&validator, &doc);
    assert!(
        errs.is_empty(),
        "{MATCH_PATH} does not validate against {SCHEMA_PATH}:\n{}",
        errs.join("\n")
    );
}

#[test]
fn rejects_an_unknown_team() {
    let mut doc = bundled_match();
    let i = event_index(&doc, "goal", "Aurélien Tchouaméni");
    doc["events"][i]["team"] = json!("hom");
    assert_rejected("team \"hom\"", &doc);
}

#[test]
fn rejects_a_clock_that_is_not_a_clock() {
    let mut doc = bundled_match();
    let i = event_index(&doc, "goal", "Olivier Giroud");
    doc["events"][i]["clock"] = json!("ninety");
    assert_rejected("clock \"ninety\"", &doc);
}

#[test]
fn rejects_a_goal_without_a_player() {
    let mut doc = bundled_match();
    let i = event_index(&doc, "goal", "Harry Kane");
    doc["events"][i]
        .as_object_mut()
        .expect("an event is an object")
        .remove("player");
    assert_rejected("a goal without a player", &doc);
}

#[test]
fn rejects_a_location_off_the_pitch() {
    let mut doc = bundled_match();
    let i = event_index(&doc, "goal", "Aurélien Tchouaméni");
    doc["events"][i]["location"] = json!([120, 5]);
    assert_rejected("location [120, 5]", &doc);
}

#[test]
fn rejects_another_format_version() {
    let mut doc = bundled_match();
    doc["format"] = json!(2);
    assert_rejected("format 2", &doc);
}

#[test]
fn rejects_an_event_without_a_clock_outside_a_shootout() {
    let mut doc = bundled_match();
    let i = event_index(&doc, "penalty_miss", "Harry Kane");
    doc["events"][i]
        .as_object_mut()
        .expect("an event is an object")
        .remove("clock");
    assert_rejected("a penalty miss without a clock", &doc);
}

#[test]
fn accepts_unknown_kinds_and_fields_and_shootout_kicks_without_clock() {
    let validator = validator();
    let mut doc = bundled_match();
    let events = doc["events"].as_array_mut().expect("events is an array");
    events.push(json!({"kind": "drinks_break", "clock": "30", "x-source": "test"}));
    events.push(json!({
        "kind": "shootout_kick", "period": "PSO", "team": "home",
        "player": "Harry Kane", "outcome": "scored"
    }));
    let errs = errors(&validator, &doc);
    assert!(
        errs.is_empty(),
        "valid additions were rejected:\n{}",
        errs.join("\n")
    );
}

#[test]
fn possession_needs_a_side_and_a_real_duration() {
    let validator = validator();
    let with = |possession: Value| {
        let mut doc = bundled_match();
        doc["events"][1]["possession"] = possession;
        doc
    };
    let good = with(json!({"team": "away", "seconds": 1.52}));
    assert_eq!(errors(&validator, &good), Vec::<String>::new());
    assert_rejected(
        "a negative possession",
        &with(json!({"team": "away", "seconds": -1})),
    );
    assert_rejected("a possession without a side", &with(json!({"seconds": 2})));
    assert_rejected(
        "a possession for a third side",
        &with(json!({"team": "both", "seconds": 2})),
    );
}
