//! Astronomy for the lunar calendar, written from Jean Meeus, *Astronomical
//! Algorithms* (2nd ed., 1998): new moons (ch. 49, with the periodic and the
//! planetary-argument terms), the apparent solar longitude (ch. 25, the
//! 0.01° method) and ΔT (the Espenak–Meeus polynomials, NASA 2006, which
//! extend Meeus ch. 10).
//!
//! Times are Julian days. `jde` is Terrestrial Time; civil days are counted
//! at UTC+7, the offset of the Vietnamese calendar (`docs/workflow.md`
//! §9).

use std::f64::consts::PI;

/// Vietnam's civil offset from UT in days (UTC+7).
const VIETNAM_OFFSET_DAYS: f64 = 7.0 / 24.0;

/// Mean synodic month in days (Meeus eq. 49.1).
const SYNODIC_MONTH: f64 = 29.530_588_861;

/// JDE of the mean new moon of lunation 0 (6 January 2000).
const EPOCH_K0: f64 = 2_451_550.097_66;

fn sin_deg(x: f64) -> f64 {
    (x * PI / 180.0).sin()
}

/// ΔT = TT − UT in seconds for a decimal year (Espenak–Meeus polynomials).
fn delta_t_seconds(year: f64) -> f64 {
    if !(1860.0..2150.0).contains(&year) {
        let u = (year - 1820.0) / 100.0;
        -20.0 + 32.0 * u * u
    } else if year < 1900.0 {
        let t = year - 1860.0;
        7.62 + 0.5737 * t - 0.251_754 * t.powi(2) + 0.016_806_68 * t.powi(3)
            - 0.000_447_362_4 * t.powi(4)
            + t.powi(5) / 233_174.0
    } else if year < 1920.0 {
        let t = year - 1900.0;
        -2.79 + 1.494_119 * t - 0.059_893_9 * t.powi(2) + 0.006_196_6 * t.powi(3)
            - 0.000_197 * t.powi(4)
    } else if year < 1941.0 {
        let t = year - 1920.0;
        21.20 + 0.844_93 * t - 0.076_100 * t.powi(2) + 0.002_093_6 * t.powi(3)
    } else if year < 1961.0 {
        let t = year - 1950.0;
        29.07 + 0.407 * t - t.powi(2) / 233.0 + t.powi(3) / 2547.0
    } else if year < 1986.0 {
        let t = year - 1975.0;
        45.45 + 1.067 * t - t.powi(2) / 260.0 - t.powi(3) / 718.0
    } else if year < 2005.0 {
        let t = year - 2000.0;
        63.86 + 0.3345 * t - 0.060_374 * t.powi(2)
            + 0.001_727_5 * t.powi(3)
            + 0.000_651_814 * t.powi(4)
            + 0.000_023_735_99 * t.powi(5)
    } else if year < 2050.0 {
        let t = year - 2000.0;
        62.92 + 0.322_17 * t + 0.005_589 * t.powi(2)
    } else {
        let u = (year - 1820.0) / 100.0;
        -20.0 + 32.0 * u * u - 0.5628 * (2150.0 - year)
    }
}

/// ΔT in days at the instant `jd` (TT or UT: the difference is negligible here).
fn delta_t_days(jd: f64) -> f64 {
    let year = 2000.0 + (jd - 2_451_545.0) / 365.25;
    delta_t_seconds(year) / 86_400.0
}

/// The Julian day number of the civil day (at UTC+7) that contains the TT instant `jde`.
pub(crate) fn local_day_of(jde: f64) -> i64 {
    let jd_ut = jde - delta_t_days(jde);
    (jd_ut + 0.5 + VIETNAM_OFFSET_DAYS).floor() as i64
}

/// The TT instant of local (UTC+7) midnight at the start of civil day `jdn`.
fn local_midnight_tt(jdn: i64) -> f64 {
    let jd_ut = jdn as f64 - 0.5 - VIETNAM_OFFSET_DAYS;
    jd_ut + delta_t_days(jd_ut)
}

/// JDE (TT) of the true new moon of lunation `k` (Meeus ch. 49; `k = 0` is 6 January 2000).
pub(crate) fn new_moon_jde(k: i64) -> f64 {
    let k = k as f64;
    let t = k / 1236.85;
    let t2 = t * t;
    let t3 = t2 * t;
    let t4 = t3 * t;
    let mean = EPOCH_K0 + SYNODIC_MONTH * k + 0.000_154_37 * t2 - 0.000_000_150 * t3
        + 0.000_000_000_73 * t4;
    let e = 1.0 - 0.002_516 * t - 0.000_007_4 * t2;
    let m = 2.5534 + 29.105_356_70 * k - 0.000_001_4 * t2 - 0.000_000_11 * t3;
    let mp =
        201.5643 + 385.816_935_28 * k + 0.010_758_2 * t2 + 0.000_012_38 * t3 - 0.000_000_058 * t4;
    let f =
        160.7108 + 390.670_502_84 * k - 0.001_611_8 * t2 - 0.000_002_27 * t3 + 0.000_000_011 * t4;
    let om = 124.7746 - 1.563_755_88 * k + 0.002_067_2 * t2 + 0.000_002_15 * t3;

    // Periodic terms for the new moon (Meeus table 49.A, first column).
    let periodic = -0.407_20 * sin_deg(mp)
        + 0.172_41 * e * sin_deg(m)
        + 0.016_08 * sin_deg(2.0 * mp)
        + 0.010_39 * sin_deg(2.0 * f)
        + 0.007_39 * e * sin_deg(mp - m)
        - 0.005_14 * e * sin_deg(mp + m)
        + 0.002_08 * e * e * sin_deg(2.0 * m)
        - 0.001_11 * sin_deg(mp - 2.0 * f)
        - 0.000_57 * sin_deg(mp + 2.0 * f)
        + 0.000_56 * e * sin_deg(2.0 * mp + m)
        - 0.000_42 * sin_deg(3.0 * mp)
        + 0.000_42 * e * sin_deg(m + 2.0 * f)
        + 0.000_38 * e * sin_deg(m - 2.0 * f)
        - 0.000_24 * e * sin_deg(2.0 * mp - m)
        - 0.000_17 * sin_deg(om)
        - 0.000_07 * sin_deg(mp + 2.0 * m)
        + 0.000_04 * sin_deg(2.0 * mp - 2.0 * f)
        + 0.000_04 * sin_deg(3.0 * m)
        + 0.000_03 * sin_deg(mp + m - 2.0 * f)
        + 0.000_03 * sin_deg(2.0 * mp + 2.0 * f)
        - 0.000_03 * sin_deg(mp + m + 2.0 * f)
        + 0.000_03 * sin_deg(mp - m + 2.0 * f)
        - 0.000_02 * sin_deg(mp - m - 2.0 * f)
        - 0.000_02 * sin_deg(3.0 * mp + m)
        + 0.000_02 * sin_deg(4.0 * mp);

    // Additional corrections from the planetary arguments A1..A14 (Meeus ch. 49).
    const PLANETARY: [(f64, f64, f64); 14] = [
        (299.77, 0.107_408, 0.000_325),
        (251.88, 0.016_321, 0.000_165),
        (251.83, 26.651_886, 0.000_164),
        (349.42, 36.412_478, 0.000_126),
        (84.66, 18.206_239, 0.000_110),
        (141.74, 53.303_771, 0.000_062),
        (207.14, 2.453_732, 0.000_060),
        (154.84, 7.306_860, 0.000_056),
        (34.52, 27.261_239, 0.000_047),
        (207.19, 0.121_824, 0.000_042),
        (291.34, 1.844_379, 0.000_040),
        (161.72, 24.198_154, 0.000_037),
        (239.56, 25.513_099, 0.000_035),
        (331.55, 3.592_518, 0.000_023),
    ];
    let mut planetary = 0.0;
    for (i, (a0, rate, coefficient)) in PLANETARY.iter().enumerate() {
        let mut argument = a0 + rate * k;
        if i == 0 {
            // A1 alone has a T² term.
            argument -= 0.009_173 * t2;
        }
        planetary += coefficient * sin_deg(argument);
    }
    mean + periodic + planetary
}

/// The lunation number whose new moon is nearest before the instant `jd` (approximately).
pub(crate) fn lunation_near(jd: f64) -> i64 {
    ((jd - EPOCH_K0) / SYNODIC_MONTH).floor() as i64
}

/// The local day (UTC+7) of the new moon of lunation `k`.
pub(crate) fn new_moon_day(k: i64) -> i64 {
    local_day_of(new_moon_jde(k))
}

/// The apparent geocentric longitude of the sun in degrees, [0, 360), at the TT
/// instant `jde` (Meeus ch. 25, the low-accuracy method, about 0.01°).
pub(crate) fn sun_longitude(jde: f64) -> f64 {
    let t = (jde - 2_451_545.0) / 36_525.0;
    let l0 = 280.466_46 + 36_000.769_83 * t + 0.000_303_2 * t * t;
    let m = 357.529_11 + 35_999.050_29 * t - 0.000_153_7 * t * t;
    let c = (1.914_602 - 0.004_817 * t - 0.000_014 * t * t) * sin_deg(m)
        + (0.019_993 - 0.000_101 * t) * sin_deg(2.0 * m)
        + 0.000_289 * sin_deg(3.0 * m);
    let omega = 125.04 - 1934.136 * t;
    let apparent = l0 + c - 0.005_69 - 0.004_78 * sin_deg(omega);
    apparent.rem_euclid(360.0)
}

/// The index (0..12) of the 30° sector of solar longitude at local midnight
/// starting civil day `jdn`: major solar terms (trung khí) are its boundaries.
pub(crate) fn sun_sector_at_day_start(jdn: i64) -> i64 {
    (sun_longitude(local_midnight_tt(jdn)) / 30.0).floor() as i64
}

/// The local day (UTC+7) of the December solstice (apparent longitude 270°) of `year`.
pub(crate) fn winter_solstice_day(year: i32) -> i64 {
    // Start from 21 December of the year, then Newton steps on the longitude.
    let mut jde = julian_day_number(year, 12, 21) as f64;
    for _ in 0..8 {
        let delta = (270.0 - sun_longitude(jde) + 540.0).rem_euclid(360.0) - 180.0;
        jde += delta * 365.242_189 / 360.0;
        if delta.abs() < 1e-7 {
            break;
        }
    }
    local_day_of(jde)
}

/// The Julian day number of a Gregorian date (noon-based day count).
fn julian_day_number(year: i32, month: i64, day: i64) -> i64 {
    let a = (14 - month) / 12;
    let y = i64::from(year) + 4800 - a;
    let m = month + 12 * a - 3;
    day + (153 * m + 2) / 5 + 365 * y + y / 4 - y / 100 + y / 400 - 32045
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meeus_example_49a_new_moon_of_february_1977() {
        // Meeus example 49.a: k = -283 gives JDE 2443192.65118 (1977 Feb 18, 3h37m42s TD).
        let jde = new_moon_jde(-283);
        assert!((jde - 2_443_192.651_18).abs() < 0.0001, "{jde}");
    }

    #[test]
    fn meeus_example_25a_sun_longitude_1992_october_13() {
        // Meeus example 25.a: apparent longitude 199°.90895 at JDE 2448908.5.
        let lon = sun_longitude(2_448_908.5);
        assert!((lon - 199.908_95).abs() < 0.001, "{lon}");
    }

    #[test]
    fn julian_day_number_of_j2000() {
        assert_eq!(julian_day_number(2000, 1, 1), 2_451_545);
    }

    #[test]
    fn delta_t_in_2000_is_about_64_seconds() {
        assert!((delta_t_seconds(2000.0) - 63.86).abs() < 0.01);
    }
}
