//! The tape against the tree readers: the same documents accepted, the same values read.

use proptest::prelude::*;

use super::*;
use crate::wire::json_value::JsonValue;
use crate::wire::response::parse_json;

/// Whether the tree readers (strict, then without trailing commas) accept `body`.
fn tree_accepts(body: &[u8]) -> bool {
    parse_json::<JsonValue<'static>>(body).is_ok()
}

fn same_verdict(body: &[u8]) {
    assert_eq!(
        Tape::read(body).is_some(),
        tree_accepts(body),
        "tape and tree disagree on {:?}",
        String::from_utf8_lossy(body)
    );
}

#[test]
fn accepts_and_refuses_what_the_tree_readers_do() {
    let nested = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
    for text in [
        "{}",
        "[]",
        "{ }",
        "[ ]",
        "null",
        "true",
        "false",
        "0",
        "-0",
        "1",
        "-1",
        "1.5",
        "1e3",
        "1E+3",
        "1e-3",
        "-0.0e0",
        "18446744073709551615",
        "18446744073709551616",
        "-9223372036854775808",
        "-9223372036854775809",
        "1e308",
        "1e309",
        "-1e309",
        "1e-400",
        "1.7976931348623157e308",
        "1.7976931348623159e308",
        "01",
        "1.",
        ".5",
        "+1",
        "1e",
        "1e+",
        "-",
        "--1",
        "1x",
        "tru",
        "nulll",
        "[1 2]",
        "1 2",
        "",
        " ",
        "\t{\"a\" :\r\n1 }\n",
        "{\"a\":1,}",
        "[1,]",
        "[,]",
        "{,}",
        "[ , ]",
        "[,1]",
        "[1,,]",
        "{\"a\":,}",
        "[[1,],]",
        "{\"a\":[1,],}",
        "[1,\u{c}]",
        "{\"a\" 1}",
        "{1:2}",
        "{\"a\":1 \"b\":2}",
        "[1}",
        "{]",
        "\"\\ud800\"",
        "\"\\udc00\"",
        "\"\\ud800\\u0041\"",
        "\"\\ud800\\ud800\"",
        "\"\\ud83d\\ude00\"",
        "\"\\ud83d\"",
        "\"\\ud83d\\\"",
        "\"\\u00e9\\n\\/\\b\\f\\r\\t\\\\\\\"\"",
        "\"\\x\"",
        "\"\\u12\"",
        "\"\\u12g4\"",
        "\"abc",
        "\"a\u{1}b\"",
        "\"a\u{7f}b\"",
        "\"\t\"",
        "\"é\"",
        "\u{feff}{}",
        "{\"a\":\"b\"}x",
        "[\"a\",\"b\",]",
        &nested(127),
        &nested(128),
        &format!("{{\"a\":{}}}", nested(126)),
        &format!("{{\"a\":{}}}", nested(127)),
        &format!("1{}", "0".repeat(400)),
        &format!("0.{}1", "0".repeat(400)),
    ] {
        same_verdict(text.as_bytes());
    }
    for bytes in [&b"\"\xff\""[..], b"\"\xc3\"", b"{\"\xe9\":1}", b"[\xff]", b"\"\xed\xa0\x80\""] {
        same_verdict(bytes);
    }
}

#[test]
fn reads_strings_numbers_and_members() {
    let tape = Tape::read(br#"{"a":"x\u00e9\ud83d\ude00\n","b":-0,"a":[1,"2",{"c":null}],"n":18446744073709551616}"#)
        .expect("valid");
    let root = tape.root();
    let a = root.get("a").expect("a");
    assert_eq!(a.kind(), Kind::Array, "the last of a repeated key wins");
    assert_eq!(a.items().map(|v| v.kind()).collect::<Vec<_>>(), [Kind::Number, Kind::String, Kind::Object]);
    let first = root.members().next().expect("a member").1;
    assert_eq!(first.str().as_deref(), Some("x\u{e9}\u{1f600}\n"));
    assert_eq!(
        root.get("b").and_then(|v| v.number()).map(|n| matches!(n, Number::F64(f) if f == 0.0 && f.is_sign_negative())),
        Some(true)
    );
    assert!(matches!(root.get("n").and_then(|v| v.number()), Some(Number::F64(_))));
    assert!(root.get("c").is_none(), "a nested key is not the root's");
    assert_eq!(a.items().nth(2).and_then(|o| o.get("c")).map(|v| v.kind()), Some(Kind::Null));
    assert_eq!(a.raw(), r#"[1,"2",{"c":null}]"#);
}

#[test]
fn numbers_are_classified_as_serde_json_reads_them() {
    let extra = [
        "9223372036854775807",
        "9223372036854775808",
        "-1",
        "-18446744073709551615",
        "9999999999999999999",
        "10000000000000000000",
        "99999999999999999999",
        "1234567890123456789.5",
        "12345678901234567890e-1",
    ];
    for raw in NUMBERS.iter().chain(&extra) {
        let theirs: serde_json::Number = serde_json::from_str(raw).expect("a number");
        let expected = match (theirs.as_u64(), theirs.as_i64()) {
            (Some(n), _) => Number::U64(n),
            (None, Some(n)) => Number::I64(n),
            _ => Number::F64(theirs.as_f64().expect("a float")),
        };
        let ours = classify(raw);
        let same = match (ours, expected) {
            (Number::F64(a), Number::F64(b)) => a.to_bits() == b.to_bits(),
            (a, b) => a == b,
        };
        assert!(same, "{raw}: {ours:?} against serde_json's {expected:?}");
    }
}

#[test]
fn tapes_reusing_the_spare_lists_answer_alike() {
    // Each key read two ways: by a walk over the root's members and as the set files it.
    static SET: KeySet = KeySet::new(&["k", "x", "y", "m2999"]);
    fn file(body: &[u8]) -> Tape<'_> {
        let mut tape = Tape::read(body).expect("valid");
        tape.file_root(&SET);
        tape
    }
    let text = |tape: &Tape<'_>, key: &str| {
        let walked = tape.root().get(key).and_then(|v| v.str()).map(|s| s.into_owned());
        let filed = SET.find(key.as_bytes()).and_then(|at| tape.filed(at)).and_then(|v| v.str());
        assert_eq!(walked.as_deref(), filed.as_deref(), "{key}");
        walked
    };
    let wide: String =
        format!("{{{}\"k\":\"wide\"}}", (0..3000).map(|i| format!("\"m{i}\":[{i}],")).collect::<String>());
    for _ in 0..2 {
        let first = file(br#"{"k":"one","x":1,"y":2,"z":3}"#);
        // Read while the first is alive: it holds the spare lists, so this one gets fresh ones.
        let second = file(br#"{"k":"two"}"#);
        assert_eq!((text(&first, "k"), text(&second, "k")), (Some("one".into()), Some("two".into())));
        drop(first);
        // Larger than any list kept before, and larger than a kept list may be.
        let large = file(wide.as_bytes());
        assert_eq!(
            (text(&large, "k"), large.root().get("m2999").map(|v| v.raw())),
            (Some("wide".into()), Some("[2999]"))
        );
        assert_eq!(SET.find(b"m2999").and_then(|at| large.filed(at)).map(|v| v.raw()), Some("[2999]"));
        drop((second, large));
        let after = file(br#"{"y":"three"}"#);
        assert_eq!((text(&after, "k"), text(&after, "y")), (None, Some("three".into())));
        // `x` was filed by the first tape, whose list this one may have been handed.
        assert_eq!(text(&after, "x"), None, "nothing of an earlier tape is left in the filed list");
    }
}

#[test]
fn special_bytes_are_found_in_every_lane() {
    for at in 0..20 {
        for special_byte in [b'"', b'\\', 0x00, 0x1f] {
            let mut bytes = vec![b'a'; 20];
            bytes[at] = special_byte;
            assert_eq!(special(&bytes, 0), Some(at), "{special_byte:#x} at {at}");
        }
        let mut high = vec![0xc3u8; 20];
        high[at] = b'"';
        assert_eq!(special(&high, 0), Some(at), "after bytes above 0x7f");
    }
    assert_eq!(special(&[0x20, 0x7f, 0x80, 0xff, b'a', b' ', b'~', 0x21, 0x5b], 0), None);
}

/// A JSON document, to print with whatever spacing, escapes and trailing commas a case picks.
#[derive(Debug, Clone)]
pub(crate) enum Doc {
    Null,
    Bool(bool),
    /// Number text.
    Num(&'static str),
    /// String contents as written between the quotes (escapes included).
    Str(&'static str),
    Arr(Vec<Doc>),
    Obj(Vec<(&'static str, Doc)>),
}

/// Keys that repeat and collide: `x\u0061` and `xa` are one key, and so are `ph\u006fne` and
/// `phone` (one the webhook reader files).
pub(crate) const KEYS: &[&str] = &["a", "b", "type", "phone", "ph\\u006fne", "xa", "x\\u0061", "", "ids", "text"];

const NUMBERS: &[&str] = &[
    "0",
    "-0",
    "7",
    "-7",
    "1.5",
    "-2.5",
    "1e3",
    "1E-2",
    "0.0",
    "18446744073709551615",
    "18446744073709551616",
    "-9223372036854775808",
    "-9223372036854775809",
    "1e308",
    "123456789012345678901234567890",
    "4.9e-324",
];

const STRINGS: &[&str] = &[
    "",
    " ",
    "abc",
    "5",
    " 7 ",
    "-3",
    "+4",
    "1e3",
    "2.5",
    " -1.5 ",
    "true",
    " YES ",
    "no",
    "0",
    "1",
    "False",
    "x\\ny",
    "\\u00e9",
    "\\ud83d\\ude00",
    "é",
    "\\\"q\\\"",
    "12345678901234567890123",
    "18446744073709551616",
    "NaN",
    "inf",
    "\\u0020",
    "\\t",
];

pub(crate) fn doc() -> impl Strategy<Value = Doc> {
    let leaf = prop_oneof![
        Just(Doc::Null),
        any::<bool>().prop_map(Doc::Bool),
        proptest::sample::select(NUMBERS).prop_map(Doc::Num),
        proptest::sample::select(STRINGS).prop_map(Doc::Str),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Doc::Arr),
            proptest::collection::vec((proptest::sample::select(KEYS), inner), 0..8).prop_map(Doc::Obj),
        ]
    })
}

/// Prints `doc`; `style` picks the spacing and where trailing commas go.
pub(crate) fn print(doc: &Doc, style: u64) -> String {
    let mut out = String::new();
    let mut seed = style | 1;
    write(doc, &mut out, &mut seed);
    out
}

fn write(doc: &Doc, out: &mut String, seed: &mut u64) {
    let mut roll = |n: u64| {
        *seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (*seed >> 33) % n
    };
    let space = [" ", "", "\n  ", "\t", "\r\n"][roll(5) as usize].to_owned();
    let trailing = roll(4) == 0;
    match doc {
        Doc::Null => out.push_str("null"),
        Doc::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Doc::Num(n) => out.push_str(n),
        Doc::Str(s) => {
            out.push('"');
            out.push_str(s);
            out.push('"');
        }
        Doc::Arr(items) => list(out, seed, ['[', ']'], &space, trailing, items, write),
        Doc::Obj(members) => list(out, seed, ['{', '}'], &space, trailing, members, |(key, value), out, seed| {
            out.push('"');
            out.push_str(key);
            out.push_str("\":");
            out.push_str(&space);
            write(value, out, seed);
        }),
    }
}

/// An array's or object's items between `brackets`, comma-separated, with `space` before each
/// item and the closing bracket and, when `trailing`, a comma after the last item.
fn list<T>(
    out: &mut String,
    seed: &mut u64,
    brackets: [char; 2],
    space: &str,
    trailing: bool,
    items: &[T],
    mut item: impl FnMut(&T, &mut String, &mut u64),
) {
    out.push(brackets[0]);
    for (i, one) in items.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(space);
        item(one, out, seed);
    }
    if trailing && !items.is_empty() {
        out.push(',');
    }
    out.push_str(space);
    out.push(brackets[1]);
}

/// Bytes that make and break JSON.
const NOISE: &[u8] = b"{}[],:\"\\ u0123456789aeE+-.tfnrl\x01\x0c\xff\n\t";

proptest! {
    #[test]
    fn printed_documents_are_read_by_both(doc in doc(), style in any::<u64>()) {
        let text = print(&doc, style);
        prop_assert!(Tape::read(text.as_bytes()).is_some(), "{}", text);
        prop_assert!(tree_accepts(text.as_bytes()), "{}", text);
    }

    #[test]
    fn damaged_documents_get_the_same_verdict(
        doc in doc(),
        style in any::<u64>(),
        edits in proptest::collection::vec((any::<prop::sample::Index>(), 0..3u8, proptest::sample::select(NOISE)), 1..4),
    ) {
        let mut bytes = print(&doc, style).into_bytes();
        for (at, op, byte) in edits {
            let at = at.index(bytes.len() + 1);
            match op {
                0 => bytes.insert(at, byte),
                1 if at < bytes.len() => { bytes.remove(at); }
                _ if at < bytes.len() => bytes[at] = byte,
                _ => bytes.push(byte),
            }
        }
        prop_assert_eq!(Tape::read(&bytes).is_some(), tree_accepts(&bytes), "{:?}", String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn token_soup_gets_the_same_verdict(bytes in proptest::collection::vec(proptest::sample::select(NOISE), 0..24)) {
        prop_assert_eq!(Tape::read(&bytes).is_some(), tree_accepts(&bytes), "{:?}", String::from_utf8_lossy(&bytes));
    }
}
