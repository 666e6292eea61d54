//! JSON to Java objects, and errors to `VanthuException`s.
//!
//! The facade's value is written as JSON by serde (struct fields in their
//! declared order, the order the CLI prints) and read back by a serde
//! visitor that builds the Java objects as it goes, so that a map's keys
//! keep that order (`LinkedHashMap`) with no intermediate tree.

use std::fmt;

use jni::errors::{Error as JniError, Result as JniResult};
use jni::objects::{JObject, JThrowable, JValue};
use jni::{Env, jni_sig, jni_str};
use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use vanthu::api::ApiError;

/// The classes a value is built of, with their methods looked up once (the
/// bindings cache their class and method ids).
mod classes {
    // The code `bind_java_type!` generates elides the lifetimes of its types.
    #![allow(elided_lifetimes_in_paths, unreachable_pub, missing_docs)]

    use jni::bind_java_type;

    bind_java_type! {
        pub JavaLong => java.lang.Long,
        methods { static fn value_of(value: jlong) -> JavaLong },
    }
    bind_java_type! {
        pub JavaDouble => java.lang.Double,
        methods { static fn value_of(value: jdouble) -> JavaDouble },
    }
    bind_java_type! {
        pub JavaBoolean => java.lang.Boolean,
        methods { static fn value_of(value: jboolean) -> JavaBoolean },
    }
    bind_java_type! {
        pub JavaLinkedHashMap => java.util.LinkedHashMap,
        constructors { fn new() },
        methods { fn put(key: JObject, value: JObject) -> JObject },
    }
    bind_java_type! {
        pub JavaArrayList => java.util.ArrayList,
        constructors { fn new() },
        methods { fn add(value: JObject) -> bool },
    }
}

use classes::{JavaArrayList, JavaBoolean, JavaDouble, JavaLinkedHashMap, JavaLong};

/// The Java objects of the JSON text `json` (a `LinkedHashMap`, an
/// `ArrayList`, a `String`, a `Long`, a `Double`, a `Boolean` or `null`).
pub(crate) fn to_java<'local>(env: &mut Env<'local>, json: &str) -> JniResult<JObject<'local>> {
    let mut failed = None;
    let mut deserializer = serde_json::Deserializer::from_str(json);
    // The JSON is serde_json's own output: deeply nested values are the
    // only way it could fail to read back, and they are refused, not
    // recursed into without bound.
    let built = Build {
        env,
        failed: &mut failed,
    }
    .deserialize(&mut deserializer);
    match (built, failed) {
        (_, Some(jni)) => Err(jni),
        (Ok(object), None) => Ok(object),
        (Err(e), None) => Err(JniError::ParseFailed(e.to_string())),
    }
}

/// Throws the `VanthuException` of `error` (the subclass of its kind, built
/// by `VanthuException.of`). Returns `Err(JavaException)` once it is
/// pending, as `Env::throw` does.
pub(crate) fn throw(env: &mut Env<'_>, error: &ApiError) -> JniResult<()> {
    let kind = env.new_string(error.kind.as_str())?;
    let message = env.new_string(&error.message)?;
    let message_vi = env.new_string(&error.message_vi)?;
    let rule = match &error.rule {
        Some(rule) => JObject::from(env.new_string(rule)?),
        None => JObject::null(),
    };
    let location = match &error.location {
        Some(location) => {
            let json = serde_json::to_string(location)
                .map_err(|e| JniError::ParseFailed(e.to_string()))?;
            to_java(env, &json)?
        }
        None => JObject::null(),
    };
    let code = i32::try_from(error.code).unwrap_or(99);
    let exception = env
        .call_static_method(
            jni_str!("vn/vanthu/VanthuException"),
            jni_str!("of"),
            jni_sig!("(ILjava/lang/String;Ljava/lang/String;Ljava/lang/String;Ljava/lang/String;Ljava/util/Map;)Lvn/vanthu/VanthuException;"),
            &[
                JValue::Int(code),
                JValue::Object(&kind),
                JValue::Object(&message),
                JValue::Object(&message_vi),
                JValue::Object(&rule),
                JValue::Object(&location),
            ],
        )?
        .l()?;
    let exception = env.cast_local::<JThrowable<'_>>(exception)?;
    env.throw(exception)
}

/// A serde seed that builds the Java object of the value it reads. A JNI
/// failure is kept in `failed` (serde's error carries text only) and stops
/// the reading.
struct Build<'a, 'local> {
    env: &'a mut Env<'local>,
    failed: &'a mut Option<JniError>,
}

impl<'local> Build<'_, 'local> {
    /// The JNI result `r`, or a serde error that stops the reading, the JNI
    /// error kept for [`to_java`].
    fn jni<T, E: de::Error>(&mut self, r: JniResult<T>) -> Result<T, E> {
        r.map_err(|e| {
            let text = e.to_string();
            self.failed.get_or_insert(e);
            E::custom(text)
        })
    }
}

impl<'de, 'local> DeserializeSeed<'de> for Build<'_, 'local> {
    type Value = JObject<'local>;

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de, 'local> Visitor<'de> for Build<'_, 'local> {
    type Value = JObject<'local>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E: de::Error>(mut self, v: bool) -> Result<Self::Value, E> {
        let r = JavaBoolean::value_of(self.env, v).map(JObject::from);
        self.jni(r)
    }

    fn visit_i64<E: de::Error>(mut self, v: i64) -> Result<Self::Value, E> {
        let r = JavaLong::value_of(self.env, v).map(JObject::from);
        self.jni(r)
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        match i64::try_from(v) {
            Ok(v) => self.visit_i64(v),
            // Beyond a Java long: a Double, as JSON readers in Java do.
            #[allow(clippy::cast_precision_loss)] // the nearest double, as intended
            Err(_) => self.visit_f64(v as f64),
        }
    }

    fn visit_f64<E: de::Error>(mut self, v: f64) -> Result<Self::Value, E> {
        let r = JavaDouble::value_of(self.env, v).map(JObject::from);
        self.jni(r)
    }

    fn visit_str<E: de::Error>(mut self, v: &str) -> Result<Self::Value, E> {
        let r = self.env.new_string(v).map(JObject::from);
        self.jni(r)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(JObject::null())
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(JObject::null())
    }

    fn visit_seq<A: SeqAccess<'de>>(mut self, mut seq: A) -> Result<Self::Value, A::Error> {
        let r = JavaArrayList::new(self.env);
        let list = self.jni(r)?;
        loop {
            let item = seq.next_element_seed(Build {
                env: self.env,
                failed: self.failed,
            })?;
            let Some(item) = item else { break };
            let r = list.add(self.env, &item);
            self.jni(r)?;
            self.env.delete_local_ref(item);
        }
        Ok(list.into())
    }

    fn visit_map<A: MapAccess<'de>>(mut self, mut map: A) -> Result<Self::Value, A::Error> {
        let r = JavaLinkedHashMap::new(self.env);
        let java = self.jni(r)?;
        while let Some(key) = map.next_key::<String>()? {
            let r = self.env.new_string(&key);
            let key = self.jni(r)?;
            let value = map.next_value_seed(Build {
                env: self.env,
                failed: self.failed,
            })?;
            let r = java.put(self.env, &key, &value);
            let old = self.jni(r)?;
            self.env.delete_local_ref(old);
            self.env.delete_local_ref(key);
            self.env.delete_local_ref(value);
        }
        Ok(java.into())
    }
}
