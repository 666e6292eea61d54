//! Numbers as JSON gives them to JavaScript.
//!
//! napi's serde serializer turns a `u64` above `u32::MAX` into an error (or a
//! `BigInt` with `napi6`), and bytes into a `Buffer`; `JSON.parse` of the
//! CLI's output gives a `number` (a double) and an array of numbers.
//! [`JsNumbers`] wraps a value so that napi's serializer sees what JSON
//! would: large integers as doubles, bytes as a sequence. Everything else is
//! passed through unchanged, so struct keys keep their order.
//!
//! The other way, a JS number is a double: [`integers`] makes the integral
//! ones integers again, so that they deserialise into the facade's integer
//! fields (`max_bytes`, `max_documents`).

use serde::ser::{self, Serialize, Serializer};
use serde_json::{Number, Value};

/// `value`, serialised with JSON's numbers.
pub(crate) struct JsNumbers<'a, T: ?Sized>(pub(crate) &'a T);

impl<T: Serialize + ?Sized> Serialize for JsNumbers<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(Adapter(serializer))
    }
}

/// The largest integer a double holds exactly (2^53 - 1).
const MAX_SAFE: u64 = (1 << 53) - 1;

/// A serializer that hands everything to the one it wraps, but integers that
/// do not fit 32 bits (as doubles) and bytes (as a sequence).
struct Adapter<S>(S);

/// A compound (sequence, map, struct) of [`Adapter`]: its elements wrapped.
struct Compound<C>(C);

impl<S: Serializer> Serializer for Adapter<S> {
    type Ok = S::Ok;
    type Error = S::Error;
    type SerializeSeq = Compound<S::SerializeSeq>;
    type SerializeTuple = Compound<S::SerializeTuple>;
    type SerializeTupleStruct = Compound<S::SerializeTupleStruct>;
    type SerializeTupleVariant = Compound<S::SerializeTupleVariant>;
    type SerializeMap = Compound<S::SerializeMap>;
    type SerializeStruct = Compound<S::SerializeStruct>;
    type SerializeStructVariant = Compound<S::SerializeStructVariant>;

    fn serialize_bool(self, v: bool) -> Result<S::Ok, S::Error> {
        self.0.serialize_bool(v)
    }
    fn serialize_i8(self, v: i8) -> Result<S::Ok, S::Error> {
        self.0.serialize_i8(v)
    }
    fn serialize_i16(self, v: i16) -> Result<S::Ok, S::Error> {
        self.0.serialize_i16(v)
    }
    fn serialize_i32(self, v: i32) -> Result<S::Ok, S::Error> {
        self.0.serialize_i32(v)
    }
    fn serialize_i64(self, v: i64) -> Result<S::Ok, S::Error> {
        match i32::try_from(v) {
            Ok(small) => self.0.serialize_i32(small),
            #[expect(clippy::cast_precision_loss, reason = "as JSON.parse reads it")]
            Err(_) => self.0.serialize_f64(v as f64),
        }
    }
    fn serialize_i128(self, v: i128) -> Result<S::Ok, S::Error> {
        #[expect(clippy::cast_precision_loss, reason = "as JSON.parse reads it")]
        self.0.serialize_f64(v as f64)
    }
    fn serialize_u8(self, v: u8) -> Result<S::Ok, S::Error> {
        self.0.serialize_u8(v)
    }
    fn serialize_u16(self, v: u16) -> Result<S::Ok, S::Error> {
        self.0.serialize_u16(v)
    }
    fn serialize_u32(self, v: u32) -> Result<S::Ok, S::Error> {
        self.0.serialize_u32(v)
    }
    fn serialize_u64(self, v: u64) -> Result<S::Ok, S::Error> {
        match u32::try_from(v) {
            Ok(small) => self.0.serialize_u32(small),
            #[expect(clippy::cast_precision_loss, reason = "as JSON.parse reads it")]
            Err(_) => self.0.serialize_f64(v as f64),
        }
    }
    fn serialize_u128(self, v: u128) -> Result<S::Ok, S::Error> {
        #[expect(clippy::cast_precision_loss, reason = "as JSON.parse reads it")]
        self.0.serialize_f64(v as f64)
    }
    fn serialize_f32(self, v: f32) -> Result<S::Ok, S::Error> {
        self.0.serialize_f32(v)
    }
    fn serialize_f64(self, v: f64) -> Result<S::Ok, S::Error> {
        self.0.serialize_f64(v)
    }
    fn serialize_char(self, v: char) -> Result<S::Ok, S::Error> {
        self.0.serialize_char(v)
    }
    fn serialize_str(self, v: &str) -> Result<S::Ok, S::Error> {
        self.0.serialize_str(v)
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<S::Ok, S::Error> {
        self.0.collect_seq(v)
    }
    fn serialize_none(self) -> Result<S::Ok, S::Error> {
        self.0.serialize_none()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<S::Ok, S::Error> {
        self.0.serialize_some(&JsNumbers(value))
    }
    fn serialize_unit(self) -> Result<S::Ok, S::Error> {
        self.0.serialize_unit()
    }
    fn serialize_unit_struct(self, name: &'static str) -> Result<S::Ok, S::Error> {
        self.0.serialize_unit_struct(name)
    }
    fn serialize_unit_variant(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
    ) -> Result<S::Ok, S::Error> {
        self.0.serialize_unit_variant(name, index, variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        value: &T,
    ) -> Result<S::Ok, S::Error> {
        self.0.serialize_newtype_struct(name, &JsNumbers(value))
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<S::Ok, S::Error> {
        self.0
            .serialize_newtype_variant(name, index, variant, &JsNumbers(value))
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Self::SerializeSeq, S::Error> {
        self.0.serialize_seq(len).map(Compound)
    }
    fn serialize_tuple(self, len: usize) -> Result<Self::SerializeTuple, S::Error> {
        self.0.serialize_tuple(len).map(Compound)
    }
    fn serialize_tuple_struct(
        self,
        name: &'static str,
        len: usize,
    ) -> Result<Self::SerializeTupleStruct, S::Error> {
        self.0.serialize_tuple_struct(name, len).map(Compound)
    }
    fn serialize_tuple_variant(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Self::SerializeTupleVariant, S::Error> {
        self.0
            .serialize_tuple_variant(name, index, variant, len)
            .map(Compound)
    }
    fn serialize_map(self, len: Option<usize>) -> Result<Self::SerializeMap, S::Error> {
        self.0.serialize_map(len).map(Compound)
    }
    fn serialize_struct(
        self,
        name: &'static str,
        len: usize,
    ) -> Result<Self::SerializeStruct, S::Error> {
        self.0.serialize_struct(name, len).map(Compound)
    }
    fn serialize_struct_variant(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Self::SerializeStructVariant, S::Error> {
        self.0
            .serialize_struct_variant(name, index, variant, len)
            .map(Compound)
    }
}

/// The compounds whose elements come one by one: each element wrapped.
macro_rules! elements {
    ($($kind:ident :: $method:ident),*) => {$(
        impl<C: ser::$kind> ser::$kind for Compound<C> {
            type Ok = C::Ok;
            type Error = C::Error;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), C::Error> {
                self.0.$method(&JsNumbers(value))
            }
            fn end(self) -> Result<C::Ok, C::Error> {
                self.0.end()
            }
        }
    )*};
}

elements!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

/// The compounds whose fields are named: each value wrapped.
macro_rules! fields {
    ($($kind:ident),*) => {$(
        impl<C: ser::$kind> ser::$kind for Compound<C> {
            type Ok = C::Ok;
            type Error = C::Error;
            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                key: &'static str,
                value: &T,
            ) -> Result<(), C::Error> {
                self.0.serialize_field(key, &JsNumbers(value))
            }
            fn skip_field(&mut self, key: &'static str) -> Result<(), C::Error> {
                self.0.skip_field(key)
            }
            fn end(self) -> Result<C::Ok, C::Error> {
                self.0.end()
            }
        }
    )*};
}

fields!(SerializeStruct, SerializeStructVariant);

impl<C: ser::SerializeMap> ser::SerializeMap for Compound<C> {
    type Ok = C::Ok;
    type Error = C::Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), C::Error> {
        self.0.serialize_key(&JsNumbers(key))
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), C::Error> {
        self.0.serialize_value(&JsNumbers(value))
    }
    fn end(self) -> Result<C::Ok, C::Error> {
        self.0.end()
    }
}

/// Makes the integral doubles of a value read from JS integers again (napi
/// reads a JS number above `u32::MAX` as a double), within 2^53.
pub(crate) fn integers(value: &mut Value) {
    match value {
        Value::Number(n) => {
            if let Some(f) = n.as_f64().filter(|_| n.is_f64()) {
                #[expect(clippy::cast_precision_loss, reason = "2^53 - 1 is exact")]
                let exact = f.fract() == 0.0 && f.abs() <= MAX_SAFE as f64;
                if exact {
                    #[expect(clippy::cast_possible_truncation, reason = "integral, within 2^53")]
                    let integer = f as i64;
                    *n = Number::from(integer);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(integers),
        Value::Object(fields) => fields.values_mut().for_each(integers),
        Value::Null | Value::Bool(_) | Value::String(_) => {}
    }
}

#[cfg(test)]
mod tests {
    // The adapter wraps any serializer: serde_json's shows what it hands on.
    use serde::Serialize;
    use serde_json::{Value, json};

    use super::{JsNumbers, integers};

    #[derive(Serialize)]
    struct Sizes<'a> {
        small: u64,
        large: u64,
        negative: i64,
        huge: i128,
        #[serde(with = "serde_bytes_like")]
        bytes: &'a [u8],
        nested: Vec<Option<u64>>,
        tuple: (u64, &'a str),
    }

    /// Bytes as serde's `serialize_bytes`, as `serde_bytes` would.
    mod serde_bytes_like {
        pub(super) fn serialize<S: serde::Serializer>(v: &&[u8], s: S) -> Result<S::Ok, S::Error> {
            s.serialize_bytes(v)
        }
    }

    #[test]
    fn large_integers_are_doubles_and_bytes_a_sequence() -> Result<(), serde_json::Error> {
        let sizes = Sizes {
            small: 7,
            large: 5_000_000_000,
            negative: -3_000_000_000,
            huge: 1 << 70,
            bytes: &[1, 2, 255],
            nested: vec![Some(u64::MAX), None],
            tuple: (4_294_967_296, "x"),
        };
        let value = serde_json::to_value(JsNumbers(&sizes))?;
        assert_eq!(
            value,
            json!({
                "small": 7,
                "large": 5_000_000_000.0,
                "negative": -3_000_000_000.0,
                "huge": 1_180_591_620_717_411_303_424.0,
                "bytes": [1, 2, 255],
                "nested": [18_446_744_073_709_551_615.0, null],
                "tuple": [4_294_967_296.0, "x"],
            })
        );
        assert!(value.get("small").is_some_and(Value::is_u64));
        Ok(())
    }

    #[test]
    fn integral_doubles_from_js_are_integers_again() {
        let mut value =
            json!({"max_bytes": 5_000_000_000.0, "ratio": 1.5, "list": [3.0, -2.0], "big": 1e300});
        integers(&mut value);
        assert_eq!(
            value,
            json!({"max_bytes": 5_000_000_000_u64, "ratio": 1.5, "list": [3, -2], "big": 1e300})
        );
        assert!(value.get("max_bytes").is_some_and(Value::is_u64));
    }
}
