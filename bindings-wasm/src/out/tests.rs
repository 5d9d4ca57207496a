//! The writer on its own: the words it leaves for `js/values.js`, and what it refuses. Run in
//! Node by `wasm-bindgen-test-runner` (tests/steps/30-wasm.sh).

use std::collections::BTreeMap;

use serde::Serialize;
use wasm_bindgen_test::wasm_bindgen_test;

use super::*;

#[derive(Serialize)]
struct Pair {
    left: u32,
    right: &'static str,
}

fn write<T: Serialize>(writer: &mut Writer, value: &T) -> Result<Vec<u32>, String> {
    writer.clear();
    value.serialize(&mut *writer).map_err(|e| e.to_string())?;
    Ok(writer.words.clone())
}

#[wasm_bindgen_test]
fn a_struct_defines_its_shape_the_first_time_only() {
    let mut writer = Writer::default();
    // The value's string comes first in the text, then the shape's keys; offsets are UTF-16.
    assert_eq!(write(&mut writer, &Pair { left: 7, right: "😀" }), Ok(vec![OBJECT, 0, INT, 7, STRING, 0, 2]));
    assert_eq!(writer.shape_words, [0, 2, 2, 6, 6, 11]);
    assert_eq!(writer.text, "😀leftright");
    assert_eq!(write(&mut writer, &Pair { left: 1, right: "x" }), Ok(vec![OBJECT, 0, INT, 1, STRING, 0, 1]));
    assert!(writer.shape_words.is_empty(), "JS has the shape already");
}

#[wasm_bindgen_test]
fn numbers_are_integers_fractions_or_null() {
    let mut writer = Writer::default();
    let words = write(&mut writer, &[0.5, f64::NAN, -0.0, 3.0, 4_294_967_296.0]);
    assert_eq!(words, Ok(vec![ARRAY, 5, NUMBER, 0, NULL, NUMBER, 1, INT, 3, NUMBER, 2]));
    assert_eq!(
        writer.numbers.iter().map(|n| n.to_bits()).collect::<Vec<_>>(),
        [0.5f64, -0.0, 4_294_967_296.0].map(f64::to_bits)
    );
}

#[wasm_bindgen_test]
fn map_keys_are_strings_or_written_as_digits() {
    let mut writer = Writer::default();
    let digits = BTreeMap::from([(3u8, true)]);
    assert_eq!(write(&mut writer, &digits), Ok(vec![MAP, 1, STRING, 0, 1, TRUE]));
    assert_eq!(writer.text, "3");
    let pairs = BTreeMap::from([((1u8, 2u8), true)]);
    assert_eq!(write(&mut writer, &pairs), Err("a map key must be a string".to_owned()));
}

#[wasm_bindgen_test]
fn a_refused_value_leaves_no_shape_behind() {
    // The pair's shape is defined before the map's key is refused; JS never sees either, so the
    // writer must not count on JS knowing the shape next time.
    let known = WRITER.with(|writer| writer.borrow().shapes.len());
    let value = (Pair { left: 1, right: "x" }, BTreeMap::from([((1u8, 2u8), false)]));
    assert_eq!(to_js(&value).err().as_deref(), Some("a map key must be a string"));
    WRITER.with(|writer| {
        let writer = writer.borrow();
        assert_eq!(writer.shapes.len(), known);
        assert!(writer.by_hash.values().all(|&id| (id as usize) < known));
    });
}
