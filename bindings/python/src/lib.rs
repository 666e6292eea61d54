#![doc = include_str!("../README.md")]
// The native part of the `vanthu` Python package (`vanthu._native`): each
// function of [`vanthu::api`] as a Python function of the same name.
//
// Arguments are mapped one to one: a path is `str` or `os.PathLike`, a
// time an RFC 3339 string or anything with `isoformat()` (`datetime`,
// `date`), bytes are `bytes`, `bytearray` or `memoryview`. The optional
// arguments become the facade's argument struct through serde
// (`pythonize`), so an unknown keyword is an `InvalidArgumentError` as an
// unknown JSON field is in the C ABI. Every result is the facade's value
// converted to Python objects by serde: dicts, lists, strings, numbers,
// `None`, with the keys the CLI prints with `--json`. Every error is an
// exception of `vanthu._errors`, chosen by the error's kind. The calls
// that read files, verify signatures or replay logs run with the GIL
// released, so threads check files in parallel.
#![forbid(unsafe_code)]

use std::path::PathBuf;

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedBytes;
use pyo3::types::{PyBytes, PyDict, PyList, PyString, PyTuple};
use serde::Serialize;
use serde::de::DeserializeOwned;
use vanthu::api::{self, ApiError};

/// The facade's value as Python objects, as `json.loads` of its JSON would
/// give them (serde straight to Python objects, with no JSON text between).
fn to_python<'py, T: Serialize>(py: Python<'py>, value: &T) -> PyResult<Bound<'py, PyAny>> {
    let object = pythonize::pythonize(py, value).map_err(PyErr::from)?;
    as_json(object)
}

/// What JSON makes of a value `pythonize` built: a serde tuple (a PDF
/// rectangle, a pair) is a JSON array, so a list; a map key is a JSON string
/// (serde_json writes integer keys as strings). Containers are changed in
/// place; scalars are returned as they are.
fn as_json(object: Bound<'_, PyAny>) -> PyResult<Bound<'_, PyAny>> {
    let py = object.py();
    if let Ok(dict) = object.cast::<PyDict>() {
        let mut renamed = Vec::new();
        for (key, value) in dict.iter() {
            if is_container(&value) {
                dict.set_item(&key, as_json(value)?)?;
            }
            if !key.is_instance_of::<PyString>() {
                renamed.push(key);
            }
        }
        for key in renamed {
            let value = dict.get_item(&key)?;
            dict.del_item(&key)?;
            let text = if key.is_instance_of::<pyo3::types::PyBool>() {
                if key.is_truthy()? { "true" } else { "false" }.to_owned()
            } else {
                key.str()?.to_string()
            };
            dict.set_item(text, value)?;
        }
        return Ok(object);
    }
    if let Ok(list) = object.cast::<PyList>() {
        for (i, item) in list.iter().enumerate() {
            if is_container(&item) {
                list.set_item(i, as_json(item)?)?;
            }
        }
        return Ok(object);
    }
    if let Ok(tuple) = object.cast::<PyTuple>() {
        let list = PyList::empty(py);
        for item in tuple.iter() {
            list.append(as_json(item)?)?;
        }
        return Ok(list.into_any());
    }
    Ok(object)
}

fn is_container(object: &Bound<'_, PyAny>) -> bool {
    object.is_instance_of::<PyDict>()
        || object.is_instance_of::<PyList>()
        || object.is_instance_of::<PyTuple>()
}

/// The exception for an error of the facade: the class of `vanthu._errors`
/// for its kind, with the error's fields as attributes.
fn raise(py: Python<'_>, error: &ApiError) -> PyErr {
    let build = || -> PyResult<PyErr> {
        let errors = py.import("vanthu._errors")?;
        let fields = to_python(py, error)?;
        let class = errors.getattr("_class_for")?.call1((&fields,))?;
        let kwargs = PyDict::new(py);
        kwargs.set_item("fields", fields)?;
        Ok(PyErr::from_value(class.call((), Some(&kwargs))?))
    };
    build().unwrap_or_else(|failed| failed)
}

/// An argument that cannot be used, as the facade reports one.
fn invalid(py: Python<'_>, message: String, message_vi: String) -> PyErr {
    raise(py, &ApiError::invalid(message).with_message_vi(message_vi))
}

/// Runs `call` with the GIL released and converts its result.
fn run<'py, T, F>(py: Python<'py>, call: F) -> PyResult<Bound<'py, PyAny>>
where
    T: Serialize + Send,
    F: FnOnce() -> Result<T, ApiError> + Send,
{
    // A panic is a bug in vanthu: it is an `InternalError`, never an unwind
    // into the interpreter.
    let result = py.detach(|| api::catch_panic(call));
    match result {
        Ok(value) => to_python(py, &value),
        Err(error) => Err(raise(py, &error)),
    }
}

/// A value made plain for serde: paths to strings (`os.fspath`), dates and
/// times to ISO 8601 (`isoformat()`), tuples to lists, recursively.
fn plain<'py>(value: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let py = value.py();
    if value.is_none() || value.is_instance_of::<PyString>() {
        return Ok(value.clone());
    }
    if value.hasattr("__fspath__")? {
        let os = py.import("os")?;
        let path = os.getattr("fspath")?.call1((value,))?;
        return if path.is_instance_of::<PyBytes>() {
            os.getattr("fsdecode")?.call1((path,))
        } else {
            Ok(path)
        };
    }
    if value.hasattr("isoformat")? {
        return value.call_method0("isoformat");
    }
    if value.is_instance_of::<PyList>() || value.is_instance_of::<PyTuple>() {
        let items = PyList::empty(py);
        for item in value.try_iter()? {
            items.append(plain(&item?)?)?;
        }
        return Ok(items.into_any());
    }
    if let Ok(dict) = value.cast::<PyDict>() {
        let out = PyDict::new(py);
        for (k, v) in dict.iter() {
            out.set_item(k, plain(&v)?)?;
        }
        return Ok(out.into_any());
    }
    Ok(value.clone())
}

/// The facade's optional arguments from keywords: `None` values are left
/// out (the default), the keys in `lists` take one path or a list of them.
fn args<T: DeserializeOwned>(
    py: Python<'_>,
    pairs: &[(&str, Option<&Bound<'_, PyAny>>)],
    extra: Option<&Bound<'_, PyDict>>,
    lists: &[&str],
) -> PyResult<T> {
    let dict = PyDict::new(py);
    let extra = extra
        .map(|d| d.iter().collect::<Vec<_>>())
        .unwrap_or_default();
    let given = pairs
        .iter()
        .filter_map(|(k, v)| v.map(|v| (PyString::new(py, k).into_any(), v.clone())))
        .chain(extra);
    for (key, value) in given {
        if value.is_none() {
            continue;
        }
        let mut value = plain(&value)?;
        let name: String = key.extract()?;
        if lists.contains(&name.as_str()) && value.is_instance_of::<PyString>() {
            value = PyList::new(py, [value])?.into_any();
        }
        dict.set_item(key, value)?;
    }
    pythonize::depythonize::<T>(dict.as_any()).map_err(|e| {
        invalid(
            py,
            format!("invalid arguments: {e}"),
            format!("tham số không hợp lệ: {e}"),
        )
    })
}

/// A path argument (`str` or `os.PathLike`).
fn path(value: &Bound<'_, PyAny>) -> PyResult<PathBuf> {
    value.extract::<PathBuf>().map_err(|_| {
        PyTypeError::new_err(format!(
            "expected a path (str or os.PathLike), not {}",
            type_name(value)
        ))
    })
}

/// A text argument: `str`, or anything with `isoformat()` for a time or date.
fn text(value: &Bound<'_, PyAny>) -> PyResult<String> {
    plain(value)?
        .extract::<String>()
        .map_err(|_| PyTypeError::new_err(format!("expected str, not {}", type_name(value))))
}

fn type_name(value: &Bound<'_, PyAny>) -> String {
    value
        .get_type()
        .name()
        .map_or_else(|_| "?".to_owned(), |n| n.to_string())
}

/// Bytes from `bytes` (borrowed, no copy), `bytearray` or `memoryview`
/// (copied: their content could change while the GIL is released).
fn bytes(value: &Bound<'_, PyAny>) -> PyResult<PyBackedBytes> {
    if value.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(
            "expected bytes, bytearray or memoryview, not str",
        ));
    }
    if let Ok(b) = value.cast::<PyBytes>() {
        return Ok(PyBackedBytes::from(b.clone()));
    }
    let copied = value
        .py()
        .get_type::<PyBytes>()
        .call1((value,))
        .map_err(|_| {
            PyTypeError::new_err(format!(
                "expected bytes, bytearray or memoryview, not {}",
                type_name(value)
            ))
        })?;
    Ok(PyBackedBytes::from(copied.cast_into::<PyBytes>()?))
}

/// The version of vanthu.
#[pyfunction]
fn version() -> &'static str {
    api::version()
}

/// Every rule id vanthu can report (`vanthu rules --json`).
#[pyfunction]
fn rules(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    to_python(py, &api::rules())
}

/// What an identifier is and its parts (one element of `vanthu id --json`).
#[pyfunction]
fn identify<'py>(py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyAny>> {
    to_python(py, &api::identify(text))
}

/// Checks the Vietnamese text of a file (`vanthu text check --json`).
#[pyfunction]
fn text_check<'py>(py: Python<'py>, path: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let path = self::path(path)?;
    run(py, move || api::text_check(&path))
}

/// Converts text to NFC Unicode (`vanthu text fix --json`): `text` is
/// `str` or bytes; `encoding` `auto`, `tcvn3` or `vni`.
#[pyfunction]
#[pyo3(signature = (text, encoding=None, capitals=None, keep_case=None))]
fn text_fix<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyAny>,
    encoding: Option<&Bound<'py, PyAny>>,
    capitals: Option<&Bound<'py, PyAny>>,
    keep_case: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let input: Vec<u8> = match text.cast::<PyString>() {
        Ok(s) => s.to_cow()?.as_bytes().to_vec(),
        Err(_) => bytes(text)?.to_vec(),
    };
    let args: api::TextFixArgs = args(
        py,
        &[
            ("from", encoding),
            ("capitals", capitals),
            ("keep_case", keep_case),
        ],
        None,
        &[],
    )?;
    run(py, move || api::text_fix(&input, &args))
}

/// The keys of [`api::CheckArgs`] and [`api::VerifyArgs`] that take one path or a list.
const PATH_LISTS: &[&str] = &["trust", "crls", "ocsps", "chain"];

/// [`api::CheckArgs`] from the keywords [`check`] and [`check_bytes`] share.
fn check_args<'py>(
    py: Python<'py>,
    [trust, at, strict, profile]: [Option<&Bound<'py, PyAny>>; 4],
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<api::CheckArgs> {
    let named = [
        ("trust", trust),
        ("at", at),
        ("strict", strict),
        ("profile", profile),
    ];
    args(py, &named, options, PATH_LISTS)
}

/// Checks a file or a folder: the list `vanthu check --json` prints.
#[pyfunction]
#[pyo3(signature = (path, trust=None, at=None, strict=None, profile=None, **options))]
fn check<'py>(
    py: Python<'py>,
    path: &Bound<'py, PyAny>,
    trust: Option<&Bound<'py, PyAny>>,
    at: Option<&Bound<'py, PyAny>>,
    strict: Option<&Bound<'py, PyAny>>,
    profile: Option<&Bound<'py, PyAny>>,
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let path = self::path(path)?;
    let args = check_args(py, [trust, at, strict, profile], options)?;
    run(py, move || api::check(&path, &args))
}

/// Checks one file given as bytes, named `name` in the report.
#[pyfunction]
#[pyo3(signature = (name, data, trust=None, at=None, strict=None, profile=None, **options))]
#[allow(clippy::too_many_arguments)] // the Python signature
fn check_bytes<'py>(
    py: Python<'py>,
    name: &str,
    data: &Bound<'py, PyAny>,
    trust: Option<&Bound<'py, PyAny>>,
    at: Option<&Bound<'py, PyAny>>,
    strict: Option<&Bound<'py, PyAny>>,
    profile: Option<&Bound<'py, PyAny>>,
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let data = bytes(data)?;
    let name = name.to_owned();
    let args = check_args(py, [trust, at, strict, profile], options)?;
    run(py, move || api::check_bytes(&name, &data, &args))
}

/// The header fields and attachments of an edXML package (`vanthu inspect --json`).
#[pyfunction]
fn inspect<'py>(py: Python<'py>, path: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let path = self::path(path)?;
    run(py, move || api::inspect(&path))
}

/// Rewrites an edXML package in the strict canonical form into `output`
/// (`vanthu normalize --json`); `output` may be `path` itself.
#[pyfunction]
fn normalize<'py>(
    py: Python<'py>,
    path: &Bound<'py, PyAny>,
    output: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let path = self::path(path)?;
    let output = self::path(output)?;
    run(py, move || api::normalize(&path, &output))
}

/// The whole model of an edXML package (everything but the attachments'
/// content): what `write` takes back (`vanthu inspect --model`).
#[pyfunction]
fn model<'py>(py: Python<'py>, path: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let path = self::path(path)?;
    run(py, move || api::model(&path))
}

/// Writes an edXML package in the strict canonical form from its model (a
/// dict, converted natively, or its JSON text) and the files of its
/// attachments, in order, streamed (`vanthu write --json`).
#[pyfunction]
fn write<'py>(
    py: Python<'py>,
    package: &Bound<'py, PyAny>,
    attachments: &Bound<'py, PyAny>,
    output: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let attachments = if attachments.is_none() {
        Vec::new()
    } else {
        paths(attachments)?
    };
    let output = self::path(output)?;
    let package = if package.is_instance_of::<PyString>() {
        api::parse_model(&package.extract::<String>()?).map_err(|e| raise(py, &e))?
    } else if package.cast::<pyo3::types::PyMapping>().is_ok() {
        pythonize::depythonize::<vanthu::edxml::Package>(&plain(package)?).map_err(|e| {
            invalid(
                py,
                format!("the package is not a dict of the edXML model's schema: {e}"),
                format!("gói tin không phải là dict theo lược đồ mô hình edXML: {e}"),
            )
        })?
    } else {
        return Err(PyTypeError::new_err(format!(
            "expected the package's model as a dict or a JSON string, not {}",
            type_name(package)
        )));
    };
    run(py, move || {
        api::write_package(&package, &attachments, &output)
    })
}

/// Writes the attachments of an edXML package into the folder `output`
/// (`vanthu extract --json`); options `unzip`, `max_bytes`.
#[pyfunction]
#[pyo3(signature = (path, output, **options))]
fn extract<'py>(
    py: Python<'py>,
    path: &Bound<'py, PyAny>,
    output: &Bound<'py, PyAny>,
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let path = self::path(path)?;
    let output = self::path(output)?;
    let args: api::ExtractArgs = args(py, &[], options, &[])?;
    run(py, move || api::extract(&path, &output, &args))
}

/// Verifies every signature of a PDF (`vanthu verify --json`).
#[pyfunction]
#[pyo3(signature = (path, trust, at=None, attachment=None, **options))]
fn verify_pdf<'py>(
    py: Python<'py>,
    path: &Bound<'py, PyAny>,
    trust: &Bound<'py, PyAny>,
    at: Option<&Bound<'py, PyAny>>,
    attachment: Option<&Bound<'py, PyAny>>,
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let path = self::path(path)?;
    let trust = paths(trust)?;
    let args: api::VerifyArgs = args(
        py,
        &[("at", at), ("attachment", attachment)],
        options,
        PATH_LISTS,
    )?;
    run(py, move || api::verify_pdf(&path, &trust, &args))
}

/// One path or a list of paths.
fn paths(value: &Bound<'_, PyAny>) -> PyResult<Vec<PathBuf>> {
    if value.is_instance_of::<PyString>() || value.hasattr("__fspath__")? {
        return Ok(vec![path(value)?]);
    }
    value.try_iter()?.map(|item| path(&item?)).collect()
}

/// Writes the status package that answers a document package (`vanthu reply --json`).
#[pyfunction]
#[pyo3(signature = (path, status, from_agency, output, description=None, at=None, **options))]
#[allow(clippy::too_many_arguments)] // the Python signature
fn reply<'py>(
    py: Python<'py>,
    path: &Bound<'py, PyAny>,
    status: &Bound<'py, PyAny>,
    from_agency: &str,
    output: &Bound<'py, PyAny>,
    description: Option<&Bound<'py, PyAny>>,
    at: Option<&Bound<'py, PyAny>>,
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let path = self::path(path)?;
    let output = self::path(output)?;
    // `3` is status `03`.
    let status = match status.extract::<u32>() {
        Ok(n) => format!("{n:02}"),
        Err(_) => text(status)?,
    };
    let from = from_agency.to_owned();
    let args: api::ReplyArgs = args(
        py,
        &[("description", description), ("at", at)],
        options,
        &[],
    )?;
    run(py, move || {
        api::reply(&path, &status, &from, &output, &args)
    })
}

/// Replays a workflow event log (`vanthu replay --json`).
#[pyfunction]
#[pyo3(signature = (log_path, as_of=None, **options))]
fn replay<'py>(
    py: Python<'py>,
    log_path: &Bound<'py, PyAny>,
    as_of: Option<&Bound<'py, PyAny>>,
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let path = self::path(log_path)?;
    let args: api::ReplayArgs = args(py, &[("as_of", as_of)], options, &[])?;
    run(py, move || api::replay(&path, &args))
}

/// Checks an archival package, ZIP or folder (`vanthu archive check --json`).
#[pyfunction]
#[pyo3(signature = (path, profile=None, at=None))]
fn archive_check<'py>(
    py: Python<'py>,
    path: &Bound<'py, PyAny>,
    profile: Option<&Bound<'py, PyAny>>,
    at: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let path = self::path(path)?;
    let args: api::ArchiveCheckArgs = args(py, &[("profile", profile), ("at", at)], None, &[])?;
    run(py, move || api::archive_check(&path, &args))
}

/// Packs a record as an archival package (`vanthu archive pack --json`).
#[pyfunction]
#[pyo3(signature = (spec_path, output, **options))]
fn archive_pack<'py>(
    py: Python<'py>,
    spec_path: &Bound<'py, PyAny>,
    output: &Bound<'py, PyAny>,
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let spec = path(spec_path)?;
    let output = path(output)?;
    let args: api::PackArgs = args(py, &[], options, &[])?;
    run(py, move || api::archive_pack(&spec, &output, &args))
}

/// Retention and disposal of a record on a date (`vanthu retention --json`).
#[pyfunction]
#[pyo3(signature = (record_path, at, law=None))]
fn retention<'py>(
    py: Python<'py>,
    record_path: &Bound<'py, PyAny>,
    at: &Bound<'py, PyAny>,
    law: Option<i32>,
) -> PyResult<Bound<'py, PyAny>> {
    let path = self::path(record_path)?;
    let at = text(at)?;
    run(py, move || api::retention(&path, &at, law))
}

/// A deadline in working days or by rule (`vanthu due --json`).
#[pyfunction]
#[pyo3(signature = (start, working_days=None, rule=None, **options))]
fn due<'py>(
    py: Python<'py>,
    start: &Bound<'py, PyAny>,
    working_days: Option<&Bound<'py, PyAny>>,
    rule: Option<&Bound<'py, PyAny>>,
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let start = text(start)?;
    let args: api::DueArgs = args(
        py,
        &[("working_days", working_days), ("rule", rule)],
        options,
        &[],
    )?;
    run(py, move || api::due(&start, &args))
}

/// The lunar date of a solar date (`vanthu lunar --json`).
#[pyfunction]
fn lunar<'py>(py: Python<'py>, date: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let date = text(date)?;
    run(py, move || api::lunar(&date))
}

/// The solar date of a lunar date (`vanthu lunar --to-solar --json`).
#[pyfunction]
#[pyo3(signature = (lunar, leap=false))]
fn lunar_to_solar<'py>(py: Python<'py>, lunar: &str, leap: bool) -> PyResult<Bound<'py, PyAny>> {
    let lunar = lunar.to_owned();
    run(py, move || api::lunar_to_solar(&lunar, leap))
}

/// A year's days off and working days (`vanthu calendar --json`).
#[pyfunction]
fn calendar(py: Python<'_>, year: i32) -> PyResult<Bound<'_, PyAny>> {
    run(py, move || api::calendar(year))
}

/// Signing, first step: what an external signer (a USB token, an HSM) must sign.
#[pyfunction]
#[pyo3(signature = (pdf, certificate, **options))]
fn sign_prepare<'py>(
    py: Python<'py>,
    pdf: &Bound<'py, PyAny>,
    certificate: &Bound<'py, PyAny>,
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let pdf = path(pdf)?;
    let certificate = path(certificate)?;
    let args: api::SignArgs = args(py, &[], options, PATH_LISTS)?;
    run(py, move || api::sign_prepare(&pdf, &certificate, &args))
}

/// Signing, second step: writes the signed PDF with the signer's signature value.
#[pyfunction]
fn sign_finish<'py>(
    py: Python<'py>,
    prepared: &Bound<'py, PyAny>,
    signature: &Bound<'py, PyAny>,
    output: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let prepared: api::SignPrepared = pythonize::depythonize(&plain(prepared)?).map_err(|e| {
        invalid(
            py,
            format!("not what sign_prepare returned: {e}"),
            format!("không phải kết quả của sign_prepare: {e}"),
        )
    })?;
    let signature = bytes(signature)?;
    let output = path(output)?;
    run(py, move || api::sign_finish(&prepared, &signature, &output))
}

/// One agency's office, driven event by event.
#[pyclass(module = "vanthu")]
struct Office {
    inner: api::Office,
}

#[pymethods]
impl Office {
    /// The empty office of the agency `agency`, under the rules `rules`
    /// (`national` when None).
    #[new]
    #[pyo3(signature = (agency, rules=None))]
    fn new(py: Python<'_>, agency: &str, rules: Option<&str>) -> PyResult<Self> {
        api::Office::new(agency, rules)
            .map(|inner| Self { inner })
            .map_err(|e| raise(py, &e))
    }

    /// Applies one event (a dict or its JSON text): the effects, what the
    /// embedding system must do next. A refused event leaves the office unchanged.
    fn apply<'py>(
        &mut self,
        py: Python<'py>,
        event: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let json = if event.is_instance_of::<PyString>() {
            event.extract::<String>()?
        } else {
            py.import("json")?
                .getattr("dumps")?
                .call1((plain(event)?,))?
                .extract::<String>()?
        };
        match self.inner.apply(&json) {
            Ok(effects) => to_python(py, &effects),
            Err(e) => Err(raise(py, &e)),
        }
    }

    /// The office's state, as `vanthu replay --json` prints it (`state`).
    fn snapshot<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, self.inner.snapshot())
    }
}

/// The module `vanthu._native`.
#[pymodule]
fn _native(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_function(wrap_pyfunction!(version, module)?)?;
    module.add_function(wrap_pyfunction!(rules, module)?)?;
    module.add_function(wrap_pyfunction!(identify, module)?)?;
    module.add_function(wrap_pyfunction!(text_check, module)?)?;
    module.add_function(wrap_pyfunction!(text_fix, module)?)?;
    module.add_function(wrap_pyfunction!(check, module)?)?;
    module.add_function(wrap_pyfunction!(check_bytes, module)?)?;
    module.add_function(wrap_pyfunction!(inspect, module)?)?;
    module.add_function(wrap_pyfunction!(normalize, module)?)?;
    module.add_function(wrap_pyfunction!(extract, module)?)?;
    module.add_function(wrap_pyfunction!(model, module)?)?;
    module.add_function(wrap_pyfunction!(write, module)?)?;
    module.add_function(wrap_pyfunction!(verify_pdf, module)?)?;
    module.add_function(wrap_pyfunction!(reply, module)?)?;
    module.add_function(wrap_pyfunction!(replay, module)?)?;
    module.add_function(wrap_pyfunction!(archive_check, module)?)?;
    module.add_function(wrap_pyfunction!(archive_pack, module)?)?;
    module.add_function(wrap_pyfunction!(retention, module)?)?;
    module.add_function(wrap_pyfunction!(due, module)?)?;
    module.add_function(wrap_pyfunction!(lunar, module)?)?;
    module.add_function(wrap_pyfunction!(lunar_to_solar, module)?)?;
    module.add_function(wrap_pyfunction!(calendar, module)?)?;
    module.add_function(wrap_pyfunction!(sign_prepare, module)?)?;
    module.add_function(wrap_pyfunction!(sign_finish, module)?)?;
    module.add_class::<Office>()?;
    Ok(())
}
