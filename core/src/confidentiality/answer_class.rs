//! The data class of an answer (2.2.4, 2.2.5): the highest class of what it carries, derived
//! from the field classes of [`super::classes::TABLE`] over the answer's JSON Schema.
//!
//! Every field present in an answer, with a value that is not `null`, counts with the class of
//! its field; a value with no schema of its own (a disclosure's `copy`) counts with the class of
//! the field holding it. An answer holding nothing above `internal` says `internal`; a host
//! showing an answer widely reads `class` first.

use super::classes::{Class, class_of, schema_fields};
use schemars::JsonSchema;
use serde_json::Value;
use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, OnceLock};

type ClassMap = BTreeMap<String, Class>;

/// Path → class for the answer type `T`, built once per type.
fn map_of<T: JsonSchema>() -> Arc<ClassMap> {
    static MAPS: OnceLock<Mutex<BTreeMap<String, Arc<ClassMap>>>> = OnceLock::new();
    let maps = MAPS.get_or_init(|| Mutex::new(BTreeMap::new()));
    let key = std::any::type_name::<T>().to_owned();
    if let Some(m) = maps.lock().unwrap_or_else(|e| e.into_inner()).get(&key) {
        return Arc::clone(m);
    }
    let schema = crate::json::schema_value::<T>();
    let mut map = ClassMap::new();
    for (path, def, prop) in schema_fields(&schema) {
        // An unclassed field (a test forbids them) counts as confidential: the safe side.
        let class = class_of(&def, &prop).unwrap_or(Class::Confidential);
        let e = map.entry(path).or_insert(class);
        *e = (*e).max(class);
    }
    let map = Arc::new(map);
    maps.lock()
        .unwrap_or_else(|e| e.into_inner())
        .insert(key, Arc::clone(&map));
    map
}

fn walk(v: &Value, path: &str, current: Class, map: &ClassMap) -> Option<Class> {
    match v {
        Value::Null => None,
        Value::Array(items) => {
            let child = format!("{path}[]");
            items
                .iter()
                .filter_map(|i| walk(i, &child, current, map))
                .max()
        }
        Value::Object(fields) => {
            let as_map = format!("{path}{{}}");
            fields
                .iter()
                .filter_map(|(k, child)| {
                    let named = if path.is_empty() {
                        k.clone()
                    } else {
                        format!("{path}.{k}")
                    };
                    let (p, c) = match (map.get(&named), map.get(&as_map)) {
                        (Some(c), _) => (named, *c),
                        (None, Some(c)) => (as_map.clone(), *c),
                        (None, None) => (named, current),
                    };
                    walk(child, &p, c, map)
                })
                .max()
        }
        _ => Some(current),
    }
}

/// The highest class of the fields present in `value`, an answer of type `T` as JSON;
/// `internal` when it carries nothing.
pub fn class_of_answer<T: JsonSchema>(value: &Value) -> Class {
    walk(value, "", Class::Internal, &map_of::<T>())
        .unwrap_or(Class::Internal)
        .max(Class::Internal)
}

/// The highest class of the fields present in `value` (an answer of type `T` as JSON, left by
/// [`withhold`]), with no floor: `public` when it carries nothing above public.
pub fn class_within<T: JsonSchema>(value: &Value) -> Class {
    walk(value, "", Class::Internal, &map_of::<T>()).unwrap_or(Class::Public)
}

/// `value` (an answer of type `T` as JSON) without the fields whose class is above `max`, and
/// the schema paths withheld (sorted). A list item left with no field at all is withheld whole
/// (its path ends in `[]`), so a list of ledgers does not become a list of empty objects.
pub fn withhold<T: JsonSchema>(
    value: &Value,
    max: Class,
) -> (Value, std::collections::BTreeSet<String>) {
    fn prune(
        v: &Value,
        path: &str,
        current: Class,
        max: Class,
        map: &ClassMap,
        out: &mut std::collections::BTreeSet<String>,
    ) -> Value {
        match v {
            Value::Array(items) => {
                let child = format!("{path}[]");
                let mut kept = Vec::with_capacity(items.len());
                for item in items {
                    let pruned = prune(item, &child, current, max, map, out);
                    let emptied = matches!((item, &pruned),
                        (Value::Object(before), Value::Object(after)) if !before.is_empty() && after.is_empty());
                    if emptied {
                        out.insert(child.clone());
                    } else {
                        kept.push(pruned);
                    }
                }
                Value::Array(kept)
            }
            Value::Object(fields) => {
                let as_map = format!("{path}{{}}");
                let mut kept = serde_json::Map::new();
                for (k, child) in fields {
                    let named = if path.is_empty() {
                        k.clone()
                    } else {
                        format!("{path}.{k}")
                    };
                    // A field with no class of its own counts with the class of its holder,
                    // as in `walk`.
                    let (p, c) = match (map.get(&named), map.get(&as_map)) {
                        (Some(c), _) => (named, *c),
                        (None, Some(c)) => (as_map.clone(), *c),
                        (None, None) => (named, current),
                    };
                    if c > max {
                        if !child.is_null() {
                            out.insert(p);
                        }
                        continue;
                    }
                    kept.insert(k.clone(), prune(child, &p, c, max, map, out));
                }
                Value::Object(kept)
            }
            other => other.clone(),
        }
    }
    let mut out = std::collections::BTreeSet::new();
    let pruned = prune(value, "", Class::Internal, max, &map_of::<T>(), &mut out);
    (pruned, out)
}
