//! Results out of the module: a serde `Serializer` that writes a value as a list of 32-bit
//! words, its strings into one UTF-8 text and its fractional numbers into one `f64` list, all
//! left in the module's memory, where `js/values.js` reads them and builds the plain objects.
//!
//! One call into JS per result, one `TextDecoder` pass for all its strings, and objects built
//! by shape (the keys of a struct are sent once per process, not once per value), where JSON
//! text would cost escaping here and a full parse there (`parseWebhook` became 1.6× faster with
//! this alone). The values are those `JSON.parse` would give for the result's JSON: `None` and
//! unit are `null`, every number is a JS number, a non-finite float is `null`, a map is an
//! object.
//!
//! The words, in order of appearance (`words` holds the value, `shapes` the shapes this result
//! defines, which JS registers first):
//!
//! | word | then | value |
//! |---|---|---|
//! | 0, 1, 2 | – | `null`, `false`, `true` |
//! | 3 | n | the integer n (0 ≤ n < 2³²) |
//! | 4 | i | `numbers[i]` |
//! | 5 | a, b | `text.substring(a, b)` (UTF-16 offsets) |
//! | 6 | n, n values | an array |
//! | 7 | shape, its values | an object with the shape's keys, in order |
//! | 8 | n, n (key string, value) pairs | an object with keys known only now (a map) |
//!
//! A shape definition is the shape's number, its key count, and each key as the `a, b` of a
//! string (no leading 5).

use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};

use serde::Serialize;
use serde::ser::{self, Impossible};
use wasm_bindgen::prelude::*;

const NULL: u32 = 0;
const FALSE: u32 = 1;
const TRUE: u32 = 2;
const INT: u32 = 3;
const NUMBER: u32 = 4;
const STRING: u32 = 5;
const ARRAY: u32 = 6;
const OBJECT: u32 = 7;
const MAP: u32 = 8;

#[wasm_bindgen(module = "/js/values.js")]
extern "C" {
    #[wasm_bindgen(js_name = useMemory)]
    fn use_memory(memory: JsValue);

    /// Builds the value `write` left in memory (see the module docs).
    #[allow(clippy::too_many_arguments)]
    fn build(
        words: *const u32,
        words_len: usize,
        shapes: *const u32,
        shapes_len: usize,
        text: *const u8,
        text_len: usize,
        numbers: *const f64,
    ) -> JsValue;
}

/// Tells `js/values.js` where the module's memory is; once, at start.
pub(crate) fn install() {
    use_memory(wasm_bindgen::memory());
}

/// Serialises `value` and returns what JS built from it.
pub(crate) fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, String> {
    WRITER.with(|writer| {
        // Nothing JS runs while a value is written or built can come back here; were it to,
        // an error beats a panic, which would abort the module.
        let mut writer = writer.try_borrow_mut().map_err(|_| "a value written while another one was".to_owned())?;
        writer.clear();
        let known = writer.shapes.len();
        if let Err(WriteError(why)) = value.serialize(&mut *writer) {
            // JS never sees the shapes this value defined: forget them, so the next value
            // defines them again.
            writer.forget_shapes_from(known);
            return Err(why);
        }
        let w = &*writer;
        let built = build(
            w.words.as_ptr(),
            w.words.len(),
            w.shape_words.as_ptr(),
            w.shape_words.len(),
            w.text.as_ptr(),
            w.text.len(),
            w.numbers.as_ptr(),
        );
        writer.release_large_buffers();
        Ok(built)
    })
}

thread_local! {
    /// One writer for the module: its buffers are reused from call to call, and its shapes are
    /// the ones JS has registered.
    static WRITER: RefCell<Writer> = RefCell::new(Writer::default());
}

/// Where one value is written, and the shapes JS already has. A shape is known by the addresses
/// of its keys' `&'static str`s (serde's derives hand a struct the same ones each time).
#[derive(Default)]
struct Writer {
    words: Vec<u32>,
    text: String,
    /// UTF-16 length of `text`.
    utf16: u32,
    numbers: Vec<f64>,
    /// Keys of the structs being written, innermost last.
    keys: Vec<&'static str>,
    /// The keys of every shape JS has, by shape number.
    shapes: Vec<Vec<&'static str>>,
    /// Shape numbers by the hash of their keys' addresses (a collision falls back to a scan).
    by_hash: HashMap<u64, u32, BuildHasherDefault<Mix>>,
    /// Definitions of the shapes first seen in this value.
    shape_words: Vec<u32>,
}

impl Writer {
    fn clear(&mut self) {
        self.words.clear();
        self.text.clear();
        self.utf16 = 0;
        self.numbers.clear();
        self.keys.clear();
        self.shape_words.clear();
    }

    /// Forgets the shapes numbered `from` and up.
    fn forget_shapes_from(&mut self, from: usize) {
        self.shapes.truncate(from);
        self.by_hash.retain(|_, id| (*id as usize) < from);
    }

    /// Drops the buffers a very large value grew (a chat list of thousands), so the module does
    /// not keep that memory for the small values that follow.
    fn release_large_buffers(&mut self) {
        const LARGE: usize = 1 << 20;
        if self.words.capacity() * 4 > LARGE {
            self.words = Vec::new();
        }
        if self.text.capacity() > LARGE {
            self.text = String::new();
        }
        if self.numbers.capacity() * 8 > LARGE {
            self.numbers = Vec::new();
        }
    }

    /// Appends `s` to the text and returns its UTF-16 span there.
    fn span(&mut self, s: &str) -> [u32; 2] {
        let start = self.utf16;
        self.utf16 += if s.is_ascii() { s.len() as u32 } else { s.encode_utf16().count() as u32 };
        self.text.push_str(s);
        [start, self.utf16]
    }

    fn string(&mut self, s: &str) {
        let [start, end] = self.span(s);
        self.words.extend([STRING, start, end]);
    }

    fn number(&mut self, n: f64) {
        if n.fract() == 0.0 && (0.0..4_294_967_296.0).contains(&n) && !(n == 0.0 && n.is_sign_negative()) {
            self.words.extend([INT, n as u32]);
        } else if n.is_finite() {
            self.words.extend([NUMBER, self.numbers.len() as u32]);
            self.numbers.push(n);
        } else {
            self.words.push(NULL);
        }
    }

    /// Starts a container whose count or shape is written at its end: returns where.
    fn open(&mut self, op: u32) -> usize {
        self.words.extend([op, 0]);
        self.words.len() - 1
    }

    /// The number of the shape made of `keys[base..]`, defined for JS the first time it is seen.
    fn shape(&mut self, base: usize) -> u32 {
        let keys = &self.keys[base..];
        let mut hasher = Mix::default();
        for key in keys {
            hasher.write_usize(key.as_ptr() as usize);
            hasher.write_usize(key.len());
        }
        let same = |known: &[&'static str]| {
            known.len() == keys.len()
                && known.iter().zip(keys).all(|(a, b)| a.as_ptr() == b.as_ptr() && a.len() == b.len())
        };
        let hash = hasher.finish();
        let known = self.by_hash.get(&hash).copied().filter(|&id| same(&self.shapes[id as usize]));
        if let Some(id) = known.or_else(|| self.shapes.iter().position(|k| same(k)).map(|id| id as u32)) {
            return id;
        }
        let id = self.shapes.len() as u32;
        let keys = keys.to_vec();
        self.shape_words.extend([id, keys.len() as u32]);
        for key in &keys {
            let span = self.span(key);
            self.shape_words.extend(span);
        }
        self.shapes.push(keys);
        self.by_hash.entry(hash).or_insert(id);
        id
    }
}

/// Mixes each word in with a rotation and one multiplication (as rustc's FxHash does): the words
/// here are addresses and lengths, one multiplication each is all they need.
#[derive(Default)]
struct Mix(u64);

impl Hasher for Mix {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        bytes.iter().for_each(|&b| self.write_u64(b.into()));
    }

    fn write_u64(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }

    fn write_usize(&mut self, word: usize) {
        self.write_u64(word as u64);
    }
}

/// Why a value could not be written (a map key that is not a string or a number).
#[derive(Debug)]
pub(crate) struct WriteError(String);

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for WriteError {}

impl ser::Error for WriteError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        WriteError(msg.to_string())
    }
}

type Done = Result<(), WriteError>;

impl<'w> ser::Serializer for &'w mut Writer {
    type Ok = ();
    type Error = WriteError;
    type SerializeSeq = Container<'w>;
    type SerializeTuple = Container<'w>;
    type SerializeTupleStruct = Container<'w>;
    type SerializeTupleVariant = Container<'w>;
    type SerializeMap = Container<'w>;
    type SerializeStruct = Container<'w>;
    type SerializeStructVariant = Container<'w>;

    fn serialize_bool(self, v: bool) -> Done {
        self.words.push(if v { TRUE } else { FALSE });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Done {
        self.serialize_f64(v.into())
    }
    fn serialize_i16(self, v: i16) -> Done {
        self.serialize_f64(v.into())
    }
    fn serialize_i32(self, v: i32) -> Done {
        self.serialize_f64(v.into())
    }
    fn serialize_i64(self, v: i64) -> Done {
        self.serialize_f64(v as f64)
    }
    fn serialize_u8(self, v: u8) -> Done {
        self.serialize_u32(v.into())
    }
    fn serialize_u16(self, v: u16) -> Done {
        self.serialize_u32(v.into())
    }
    fn serialize_u32(self, v: u32) -> Done {
        self.words.extend([INT, v]);
        Ok(())
    }
    fn serialize_u64(self, v: u64) -> Done {
        match u32::try_from(v) {
            Ok(v) => self.serialize_u32(v),
            Err(_) => self.serialize_f64(v as f64),
        }
    }
    fn serialize_f32(self, v: f32) -> Done {
        // JSON writes an f32 as its shortest decimal, which JS reads as the f64 nearest to it
        // (0.1, not 0.10000000149011612).
        self.serialize_f64(v.to_string().parse().unwrap_or(v.into()))
    }
    fn serialize_f64(self, v: f64) -> Done {
        self.number(v);
        Ok(())
    }
    fn serialize_char(self, v: char) -> Done {
        self.string(v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Done {
        self.string(v);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Done {
        self.words.extend([ARRAY, v.len() as u32]);
        v.iter().for_each(|&b| self.words.extend([INT, b.into()]));
        Ok(())
    }
    fn serialize_none(self) -> Done {
        self.serialize_unit()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Done {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Done {
        self.words.push(NULL);
        Ok(())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Done {
        self.serialize_unit()
    }
    fn serialize_unit_variant(self, _name: &'static str, _index: u32, variant: &'static str) -> Done {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _name: &'static str, value: &T) -> Done {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Done {
        let base = self.keys.len();
        self.keys.push(variant);
        let at = self.open(OBJECT);
        value.serialize(&mut *self)?;
        self.words[at] = self.shape(base);
        self.keys.truncate(base);
        Ok(())
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Container<'w>, WriteError> {
        let at = self.open(ARRAY);
        Ok(Container { writer: self, at, base: 0, count: 0, variant: None })
    }
    fn serialize_tuple(self, len: usize) -> Result<Container<'w>, WriteError> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _name: &'static str, len: usize) -> Result<Container<'w>, WriteError> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Container<'w>, WriteError> {
        let outer = self.keys.len();
        self.keys.push(variant);
        let outer_at = self.open(OBJECT);
        let at = self.open(ARRAY);
        Ok(Container { writer: self, at, base: 0, count: 0, variant: Some((outer, outer_at)) })
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Container<'w>, WriteError> {
        let at = self.open(MAP);
        Ok(Container { writer: self, at, base: 0, count: 0, variant: None })
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Container<'w>, WriteError> {
        let base = self.keys.len();
        let at = self.open(OBJECT);
        Ok(Container { writer: self, at, base, count: 0, variant: None })
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Container<'w>, WriteError> {
        let outer = self.keys.len();
        self.keys.push(variant);
        let outer_at = self.open(OBJECT);
        let base = self.keys.len();
        let at = self.open(OBJECT);
        Ok(Container { writer: self, at, base, count: 0, variant: Some((outer, outer_at)) })
    }
}

/// A sequence, map or struct being written: where its count or shape goes, and (for a variant
/// written as `{ variant: … }`) the object around it.
pub(crate) struct Container<'w> {
    writer: &'w mut Writer,
    at: usize,
    base: usize,
    count: u32,
    variant: Option<(usize, usize)>,
}

impl Container<'_> {
    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
        self.count += 1;
        value.serialize(&mut *self.writer)
    }

    fn end_counted(self) -> Done {
        self.writer.words[self.at] = self.count;
        self.end_variant();
        Ok(())
    }

    fn end_shaped(self) -> Done {
        self.writer.words[self.at] = self.writer.shape(self.base);
        self.writer.keys.truncate(self.base);
        self.end_variant();
        Ok(())
    }

    fn end_variant(self) {
        if let Some((outer, outer_at)) = self.variant {
            self.writer.words[outer_at] = self.writer.shape(outer);
            self.writer.keys.truncate(outer);
        }
    }
}

/// Sequences, tuples and tuple variants: elements counted, the count written at the end.
macro_rules! counted {
    ($($trait:ident :: $method:ident),*) => {$(
        impl ser::$trait for Container<'_> {
            type Ok = ();
            type Error = WriteError;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
                self.element(value)
            }
            fn end(self) -> Done {
                self.end_counted()
            }
        }
    )*};
}
counted!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

impl ser::SerializeMap for Container<'_> {
    type Ok = ();
    type Error = WriteError;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Done {
        self.count += 1;
        key.serialize(MapKey(self.writer))
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
        value.serialize(&mut *self.writer)
    }
    fn end(self) -> Done {
        self.end_counted()
    }
}

/// Structs and struct variants: keys gathered, the shape written at the end.
macro_rules! shaped {
    ($($trait:ident),*) => {$(
        impl ser::$trait for Container<'_> {
            type Ok = ();
            type Error = WriteError;
            fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Done {
                self.writer.keys.push(key);
                value.serialize(&mut *self.writer)
            }
            fn end(self) -> Done {
                self.end_shaped()
            }
        }
    )*};
}
shaped!(SerializeStruct, SerializeStructVariant);

/// A map key: a string, or a number or boolean written as one, as JSON's object keys are.
struct MapKey<'w>(&'w mut Writer);

impl MapKey<'_> {
    fn text(self, text: &str) -> Done {
        self.0.string(text);
        Ok(())
    }
}

/// Integer map keys, written as their digits (as JSON writes them).
macro_rules! digits {
    ($($method:ident: $ty:ty),*) => {$(
        fn $method(self, v: $ty) -> Done {
            self.text(&v.to_string())
        }
    )*};
}

/// What every other kind of map key gets.
fn not_a_string<T>() -> Result<T, WriteError> {
    Err(ser::Error::custom("a map key must be a string"))
}

impl ser::Serializer for MapKey<'_> {
    type Ok = ();
    type Error = WriteError;
    type SerializeSeq = Impossible<(), WriteError>;
    type SerializeTuple = Impossible<(), WriteError>;
    type SerializeTupleStruct = Impossible<(), WriteError>;
    type SerializeTupleVariant = Impossible<(), WriteError>;
    type SerializeMap = Impossible<(), WriteError>;
    type SerializeStruct = Impossible<(), WriteError>;
    type SerializeStructVariant = Impossible<(), WriteError>;

    fn serialize_str(self, v: &str) -> Done {
        self.text(v)
    }
    fn serialize_char(self, v: char) -> Done {
        self.text(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_bool(self, v: bool) -> Done {
        self.text(if v { "true" } else { "false" })
    }
    digits!(serialize_i8: i8, serialize_i16: i16, serialize_i32: i32, serialize_i64: i64);
    digits!(serialize_u8: u8, serialize_u16: u16, serialize_u32: u32, serialize_u64: u64);
    fn serialize_f32(self, _v: f32) -> Done {
        not_a_string()
    }
    fn serialize_f64(self, _v: f64) -> Done {
        not_a_string()
    }
    fn serialize_bytes(self, _v: &[u8]) -> Done {
        not_a_string()
    }
    fn serialize_none(self) -> Done {
        not_a_string()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Done {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Done {
        not_a_string()
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Done {
        self.serialize_unit()
    }
    fn serialize_unit_variant(self, _name: &'static str, _index: u32, variant: &'static str) -> Done {
        self.text(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _name: &'static str, value: &T) -> Done {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Done {
        self.serialize_unit()
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq, WriteError> {
        not_a_string()
    }
    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple, WriteError> {
        not_a_string()
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleStruct, WriteError> {
        not_a_string()
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant, WriteError> {
        not_a_string()
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap, WriteError> {
        not_a_string()
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Self::SerializeStruct, WriteError> {
        not_a_string()
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant, WriteError> {
        not_a_string()
    }
}

#[cfg(test)]
mod tests;
