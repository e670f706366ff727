//! Exact decimals for scores, weights and cut-offs: fixed-point, four decimal places.
//!
//! Written in documents as a string (`"90"`, `"87.5"`, `"-2"`) or a JSON integer (`90`); a JSON
//! number with a fraction is refused, because it would pass through a binary float on the way.
//! Arithmetic is on integers: a score that is exactly 90 on paper is exactly 90 here, in every
//! binding.

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::Cow;
use std::fmt;

/// Number of units in one: four decimal places.
const ONE: i64 = 10_000;

/// An exact decimal with four decimal places.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Decimal(i64);

impl Decimal {
    /// Zero.
    pub const ZERO: Decimal = Decimal(0);

    /// The integer `n`.
    pub const fn from_int(n: i32) -> Decimal {
        Decimal(n as i64 * ONE)
    }

    /// Parses `"-12.5"`-style text (at most four decimal places).
    ///
    /// ```
    /// use wangge::decimal::Decimal;
    /// assert_eq!(Decimal::parse("89.99").unwrap().to_string(), "89.99");
    /// assert!(Decimal::parse("1.00001").is_err());
    /// ```
    pub fn parse(text: &str) -> Result<Decimal, String> {
        let bad = || format!("`{text}` is not a decimal number (such as `90` or `87.5`)");
        let (negative, body) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let (int, frac) = match body.split_once('.') {
            Some((i, f)) => (i, f),
            None => (body, ""),
        };
        if int.is_empty()
            || int.len() > 12
            || frac.len() > 4
            || (body.contains('.') && frac.is_empty())
            || !int.bytes().all(|b| b.is_ascii_digit())
            || !frac.bytes().all(|b| b.is_ascii_digit())
        {
            return Err(bad());
        }
        let int: i64 = int.parse().map_err(|_| bad())?;
        let mut frac_units: i64 = if frac.is_empty() {
            0
        } else {
            frac.parse().map_err(|_| bad())?
        };
        for _ in frac.len()..4 {
            frac_units *= 10;
        }
        let units = int
            .checked_mul(ONE)
            .and_then(|v| v.checked_add(frac_units))
            .ok_or_else(bad)?;
        Ok(Decimal(if negative { -units } else { units }))
    }

    /// The decimal of `units` ten-thousandths.
    pub const fn from_units(units: i64) -> Decimal {
        Decimal(units)
    }

    /// The value in ten-thousandths.
    pub fn units(self) -> i64 {
        self.0
    }

    /// Sum, saturating at the extremes.
    pub fn plus(self, other: Decimal) -> Decimal {
        Decimal(self.0.saturating_add(other.0))
    }

    /// Difference, saturating at the extremes.
    pub fn minus(self, other: Decimal) -> Decimal {
        Decimal(self.0.saturating_sub(other.0))
    }

    /// `self × numerator ÷ denominator`, rounded half away from zero to four places.
    /// A zero denominator gives zero.
    pub fn mul_ratio(self, numerator: i64, denominator: i64) -> Decimal {
        if denominator == 0 {
            return Decimal::ZERO;
        }
        let n = i128::from(self.0) * i128::from(numerator);
        let d = i128::from(denominator);
        Decimal(clamp(div_round(n, d)))
    }

    /// `self × other`, rounded half away from zero to four places.
    pub fn mul_dec(self, other: Decimal) -> Decimal {
        self.mul_ratio(other.0, ONE)
    }

    /// `self × n` for an integer count, saturating.
    pub fn times(self, n: i64) -> Decimal {
        Decimal(self.0.saturating_mul(n))
    }

    /// Rounded half away from zero to `places` decimal places (0–4).
    pub fn round(self, places: u32) -> Decimal {
        let places = places.min(4);
        let step = 10_i64.pow(4 - places);
        Decimal(clamp(
            div_round(i128::from(self.0), i128::from(step)) * i128::from(step),
        ))
    }

    /// The smaller of two.
    pub fn min(self, other: Decimal) -> Decimal {
        if other < self { other } else { self }
    }

    /// The larger of two.
    pub fn max(self, other: Decimal) -> Decimal {
        if other > self { other } else { self }
    }

    /// True below zero.
    pub fn is_negative(self) -> bool {
        self.0 < 0
    }
}

fn div_round(n: i128, d: i128) -> i128 {
    let (n, d) = if d < 0 { (-n, -d) } else { (n, d) };
    let q = n / d;
    let r = n % d;
    if 2 * r.abs() >= d {
        if n >= 0 { q + 1 } else { q - 1 }
    } else {
        q
    }
}

fn clamp(v: i128) -> i64 {
    i64::try_from(v).unwrap_or(if v < 0 { i64::MIN } else { i64::MAX })
}

impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        let one = ONE.unsigned_abs();
        let (int, frac) = (abs / one, abs % one);
        if frac == 0 {
            write!(f, "{sign}{int}")
        } else {
            let digits = format!("{frac:04}");
            write!(f, "{sign}{int}.{}", digits.trim_end_matches('0'))
        }
    }
}

impl Serialize for Decimal {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Decimal {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Decimal;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a decimal as a string such as \"87.5\", or an integer")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Decimal, E> {
                Decimal::parse(v).map_err(E::custom)
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Decimal, E> {
                v.checked_mul(ONE)
                    .map(Decimal)
                    .ok_or_else(|| E::custom(format!("`{v}` is too large")))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Decimal, E> {
                i64::try_from(v)
                    .ok()
                    .and_then(|v| v.checked_mul(ONE))
                    .map(Decimal)
                    .ok_or_else(|| E::custom(format!("`{v}` is too large")))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Decimal, E> {
                Err(E::custom(format!(
                    "`{v}` has a fraction: write it as a string, such as \"{v}\", so it stays exact"
                )))
            }
        }
        d.deserialize_any(V)
    }
}

impl JsonSchema for Decimal {
    fn schema_name() -> Cow<'static, str> {
        "Decimal".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "An exact decimal: a string such as \"87.5\" (at most four decimal places) or an integer.",
            "anyOf": [
                { "type": "string", "pattern": "^-?[0-9]{1,12}(\\.[0-9]{1,4})?$" },
                { "type": "integer" }
            ]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::parse(s).unwrap()
    }

    #[test]
    fn parses_and_prints_canonically() {
        assert_eq!(d("90").to_string(), "90");
        assert_eq!(d("90.50").to_string(), "90.5");
        assert_eq!(d("-0.25").to_string(), "-0.25");
        assert!(Decimal::parse("1e3").is_err());
        assert!(Decimal::parse("").is_err());
        assert!(Decimal::parse("1.").is_err());
        assert!(Decimal::parse("99999999999999").is_err());
    }

    #[test]
    fn three_tenths_add_to_exactly_point_nine() {
        // 0.1 + 0.2 != 0.3 in binary floats; here it is exact.
        assert_eq!(d("0.1").plus(d("0.2")), d("0.3"));
        assert_eq!(d("30").mul_ratio(240, 240), d("30"));
        assert_eq!(d("10").mul_ratio(1, 3), d("3.3333"));
        assert_eq!(d("10").mul_ratio(2, 3), d("6.6667"));
        assert_eq!(d("89.995").round(2), d("90"));
        assert_eq!(d("-1.005").round(2), d("-1.01"));
    }

    #[test]
    fn json_fractions_must_be_strings() {
        assert_eq!(
            serde_json::from_str::<Decimal>("\"87.5\"").unwrap(),
            d("87.5")
        );
        assert_eq!(serde_json::from_str::<Decimal>("90").unwrap(), d("90"));
        assert!(serde_json::from_str::<Decimal>("87.5").is_err());
    }
}
