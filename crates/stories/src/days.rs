//! Dates as day numbers, so windows are integer comparisons.

use chrono::NaiveDate;

/// Days since 1970-01-01 of an ISO 8601 date or date-time's calendar date.
pub fn day_number(iso: &str) -> Option<i64> {
    let d = NaiveDate::parse_from_str(iso.get(..10)?, "%Y-%m-%d").ok()?;
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1)?;
    Some((d - epoch).num_days())
}

#[cfg(test)]
mod tests {
    #[test]
    fn days_count_from_the_epoch() {
        assert_eq!(super::day_number("1970-01-02"), Some(1));
        assert_eq!(super::day_number("2022-09-13T05:00:00+04:00"), Some(19248));
        assert_eq!(super::day_number("13/09/2022"), None);
    }
}
