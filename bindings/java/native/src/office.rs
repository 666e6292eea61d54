//! The office handles of `vn.vanthu.Office`: each open office is kept in a
//! table under a number that the Java object holds, so that no pointer
//! crosses into Java. A closed or unknown number is refused
//! (`invalid_argument`), never dereferenced; each office has its own lock, so
//! that one office may be shared between threads and different offices are
//! used at once.

use std::collections::HashMap;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, LazyLock, Mutex, PoisonError};

use jni::EnvUnowned;
use jni::objects::{JClass, JObject, JString};
use jni::sys::jlong;
use vanthu::api::{self, ApiError};

use crate::{json, native, optional_string, string, to_java};

type Shared = Arc<Mutex<api::Office>>;

/// The open offices, by number.
static OFFICES: LazyLock<Mutex<HashMap<jlong, Shared>>> = LazyLock::new(Mutex::default);

/// The number of the next office: never reused, so a stale number cannot
/// reach a newer office.
static NEXT: AtomicI64 = AtomicI64::new(1);

fn table() -> std::sync::MutexGuard<'static, HashMap<jlong, Shared>> {
    // A panic while the table was locked cannot leave it inconsistent (one
    // insert or remove): keep using it.
    OFFICES.lock().unwrap_or_else(PoisonError::into_inner)
}

fn office(handle: jlong) -> Result<Shared, ApiError> {
    table().get(&handle).cloned().ok_or_else(|| {
        ApiError::invalid("the office is closed").with_message_vi("văn phòng (Office) đã được đóng")
    })
}

/// `static native long officeNew(String agency, String rules)`.
#[allow(unsafe_code)] // the JVM finds the method by this exported name
#[unsafe(no_mangle)]
pub extern "system" fn Java_vn_vanthu_Native_officeNew<'caller>(
    mut unowned: EnvUnowned<'caller>,
    _class: JClass<'caller>,
    agency: JString<'caller>,
    rules: JString<'caller>,
) -> jlong {
    native(&mut unowned, |env| {
        let agency = string(env, &agency, "agency")?;
        let rules = optional_string(env, &rules)?;
        let office = api::Office::new(&agency, rules.as_deref())?;
        let handle = NEXT.fetch_add(1, Ordering::Relaxed);
        table().insert(handle, Arc::new(Mutex::new(office)));
        Ok(handle)
    })
}

/// `static native Object officeApply(long handle, String event)`: the
/// effects of the event (JSON of the log's schema).
#[allow(unsafe_code)] // the JVM finds the method by this exported name
#[unsafe(no_mangle)]
pub extern "system" fn Java_vn_vanthu_Native_officeApply<'caller>(
    mut unowned: EnvUnowned<'caller>,
    _class: JClass<'caller>,
    handle: jlong,
    event: JString<'caller>,
) -> JObject<'caller> {
    native(&mut unowned, |env| {
        let event = string(env, &event, "event")?;
        let office = office(handle)?;
        let effects = office
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .apply(&event);
        Ok(to_java(env, &json(effects)?)?)
    })
}

/// `static native Object officeSnapshot(long handle)`: the office's state.
#[allow(unsafe_code)] // the JVM finds the method by this exported name
#[unsafe(no_mangle)]
pub extern "system" fn Java_vn_vanthu_Native_officeSnapshot<'caller>(
    mut unowned: EnvUnowned<'caller>,
    _class: JClass<'caller>,
    handle: jlong,
) -> JObject<'caller> {
    native(&mut unowned, |env| {
        let office = office(handle)?;
        let state = {
            let office = office.lock().unwrap_or_else(PoisonError::into_inner);
            json(Ok(office.snapshot()))?
        };
        Ok(to_java(env, &state)?)
    })
}

/// `static native void officeFree(long handle)`: closes the office; an
/// office already closed is left alone.
#[allow(unsafe_code)] // the JVM finds the method by this exported name
#[unsafe(no_mangle)]
pub extern "system" fn Java_vn_vanthu_Native_officeFree<'caller>(
    mut unowned: EnvUnowned<'caller>,
    _class: JClass<'caller>,
    handle: jlong,
) {
    native(&mut unowned, |_env| {
        table().remove(&handle);
        Ok(())
    });
}
