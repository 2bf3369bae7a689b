//! Political and military events coded in PLOVER.

use crate::claims::Context;
use marsad_model::Event;

pub fn extract_events(_cx: &Context) -> Vec<Event> {
    Vec::new()
}
