//! `<stem>.meta.json` next to a text file: what a feed or page would have told about it.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::assemble::Draft;
use crate::{ErrorKind, IngestError};

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub(crate) struct Meta {
    #[serde(default)]
    pub published: Option<String>,
    #[serde(default)]
    pub outlet: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub title: Option<String>,
}

impl Meta {
    /// Fills what the article itself did not tell.
    pub fn fill(&self, draft: &mut Draft) {
        let fill = |slot: &mut Option<String>, v: &Option<String>| {
            if slot.as_deref().is_none_or(|s| s.trim().is_empty()) {
                slot.clone_from(v);
            }
        };
        fill(&mut draft.published, &self.published);
        fill(&mut draft.outlet, &self.outlet);
        fill(&mut draft.url, &self.url);
        fill(&mut draft.title, &self.title);
    }
}

/// `dir/name.txt` → `dir/name.meta.json`.
pub(crate) fn path_for(file: &Path) -> Option<PathBuf> {
    let name = file.file_name()?.to_str()?;
    let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
    Some(file.with_file_name(format!("{stem}.meta.json")))
}

/// Reads the sidecar of `file` if there is one.
pub(crate) fn read(file: &Path) -> Result<Option<Meta>, IngestError> {
    let Some(path) = path_for(file) else {
        return Ok(None);
    };
    if !path.is_file() {
        return Ok(None);
    }
    let location = path.display().to_string();
    let text = std::fs::read_to_string(&path)
        .map_err(|e| IngestError::new(&location, ErrorKind::Io, e.to_string()))?;
    serde_json::from_str(&text)
        .map(Some)
        .map_err(|e| IngestError::new(location, ErrorKind::Meta, format!("malformed sidecar: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sidecar_sits_next_to_the_file() {
        assert_eq!(
            path_for(Path::new("a/000_x.txt")),
            Some(PathBuf::from("a/000_x.meta.json"))
        );
        assert_eq!(
            path_for(Path::new("page.html")),
            Some(PathBuf::from("page.meta.json"))
        );
    }

    #[test]
    fn null_fields_are_accepted() {
        let m: Meta = serde_json::from_str(
            r#"{"published": "2022-09-13", "outlet": null, "url": null, "title": null}"#,
        )
        .expect("meta");
        assert_eq!(m.published.as_deref(), Some("2022-09-13"));
        assert_eq!(m.outlet, None);
    }
}
