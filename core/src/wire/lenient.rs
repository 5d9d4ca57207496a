//! Field types that accept the service's loose typing: booleans as `"true"`/`"1"`, numbers as
//! strings, `null` anywhere (developer.z-api.io/chats/get-chats,
//! developer.z-api.io/group/metadata-group, inconsistencies 7 and 11).

use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};

/// A boolean that may arrive as `true`, `"true"`, `"1"`, `1` or `null` (= false).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct LooseBool(pub bool);

impl<'de> Deserialize<'de> for LooseBool {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = LooseBool;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a boolean, \"true\"/\"false\", 0/1 or null")
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<LooseBool, E> {
                Ok(LooseBool(v))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<LooseBool, E> {
                Ok(LooseBool(v != 0))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<LooseBool, E> {
                Ok(LooseBool(v != 0))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<LooseBool, E> {
                match v.trim().to_ascii_lowercase().as_str() {
                    "true" | "1" | "yes" => Ok(LooseBool(true)),
                    "false" | "0" | "no" | "" => Ok(LooseBool(false)),
                    other => Err(E::invalid_value(de::Unexpected::Str(other), &self)),
                }
            }
            fn visit_unit<E: de::Error>(self) -> Result<LooseBool, E> {
                Ok(LooseBool(false))
            }
            fn visit_none<E: de::Error>(self) -> Result<LooseBool, E> {
                Ok(LooseBool(false))
            }
            fn visit_some<D2: Deserializer<'de>>(self, d: D2) -> Result<LooseBool, D2::Error> {
                d.deserialize_any(V)
            }
        }
        d.deserialize_any(V)
    }
}

/// A non-negative integer that may arrive as a number, a numeric string, or `null`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct LooseU64(pub Option<u64>);

impl<'de> Deserialize<'de> for LooseU64 {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = LooseU64;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an integer, a numeric string or null")
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<LooseU64, E> {
                Ok(LooseU64(Some(v)))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<LooseU64, E> {
                // "-1 = muted forever" (developer.z-api.io/chats/get-chats): negative sentinels
                // carry no count.
                Ok(LooseU64(u64::try_from(v).ok()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<LooseU64, E> {
                Ok(LooseU64((v.is_finite() && v >= 0.0).then_some(v as u64)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<LooseU64, E> {
                let t = v.trim();
                if t.is_empty() || t.starts_with('-') {
                    return Ok(LooseU64(None));
                }
                t.parse().map(|n| LooseU64(Some(n))).map_err(|_| E::invalid_value(de::Unexpected::Str(v), &self))
            }
            fn visit_unit<E: de::Error>(self) -> Result<LooseU64, E> {
                Ok(LooseU64(None))
            }
            fn visit_none<E: de::Error>(self) -> Result<LooseU64, E> {
                Ok(LooseU64(None))
            }
            fn visit_some<D2: Deserializer<'de>>(self, d: D2) -> Result<LooseU64, D2::Error> {
                d.deserialize_any(V)
            }
        }
        d.deserialize_any(V)
    }
}

/// A string that may arrive as a number or `null`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct LooseString(pub Option<String>);

impl<'de> Deserialize<'de> for LooseString {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = LooseString;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string, a number or null")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<LooseString, E> {
                Ok(LooseString(Some(v.to_owned())))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<LooseString, E> {
                Ok(LooseString(Some(v)))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<LooseString, E> {
                Ok(LooseString(Some(v.to_string())))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<LooseString, E> {
                Ok(LooseString(Some(v.to_string())))
            }
            fn visit_unit<E: de::Error>(self) -> Result<LooseString, E> {
                Ok(LooseString(None))
            }
            fn visit_none<E: de::Error>(self) -> Result<LooseString, E> {
                Ok(LooseString(None))
            }
            fn visit_some<D2: Deserializer<'de>>(self, d: D2) -> Result<LooseString, D2::Error> {
                d.deserialize_any(V)
            }
        }
        d.deserialize_any(V)
    }
}

impl LooseString {
    /// The value, with empty strings treated as absent.
    pub(crate) fn non_empty(self) -> Option<String> {
        self.0.filter(|s| !blank(s))
    }
}

/// Whether every character of `s` is whitespace (what `trim` would remove), an empty `s`
/// included: decided at the first one that is not, without trimming both ends; nearly every
/// value starts with a visible ASCII character, told from its first byte.
pub(crate) fn blank(s: &str) -> bool {
    !(s.as_bytes().first().is_some_and(u8::is_ascii_graphic) || s.chars().any(|c| !c.is_whitespace()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bools_strings_and_nulls() {
        let v: Vec<LooseBool> = serde_json::from_str(r#"[true,"true","false","1",0,null,"TRUE"]"#).unwrap();
        assert_eq!(v.iter().map(|b| b.0).collect::<Vec<_>>(), [true, true, false, true, false, false, true]);
        assert!(serde_json::from_str::<LooseBool>(r#""maybe""#).is_err());
    }

    #[test]
    fn numbers_as_strings() {
        let v: Vec<LooseU64> = serde_json::from_str(r#"[3,"17","",null,-1,"-1",1655953774000]"#).unwrap();
        assert_eq!(
            v.iter().map(|n| n.0).collect::<Vec<_>>(),
            [Some(3), Some(17), None, None, None, None, Some(1_655_953_774_000)]
        );
        assert!(serde_json::from_str::<LooseU64>(r#""abc""#).is_err());
    }

    #[test]
    fn strings_from_numbers() {
        let v: Vec<LooseString> = serde_json::from_str(r#"["a",5,null]"#).unwrap();
        assert_eq!(v, [LooseString(Some("a".into())), LooseString(Some("5".into())), LooseString(None)]);
    }
}
