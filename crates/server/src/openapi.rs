//! The OpenAPI 3 description of the routes, built in code so it ships with the binary.

use serde_json::{json, Value};

fn param(name: &str, description: &str, kind: &str) -> Value {
    json!({ "name": name, "in": "query", "required": false,
            "description": description, "schema": { "type": kind } })
}

fn id_param(what: &str) -> Value {
    json!({ "name": "id", "in": "path", "required": true,
            "description": format!("{what} id"), "schema": { "type": "string" } })
}

fn paging() -> Vec<Value> {
    vec![
        param("limit", "page size, at most 200 (default 50)", "integer"),
        param("offset", "rows to skip", "integer"),
    ]
}

fn json_get(summary: &str, parameters: Vec<Value>, schema: Value) -> Value {
    json!({ "get": {
        "summary": summary,
        "parameters": parameters,
        "responses": {
            "200": { "description": "OK", "content": { "application/json": { "schema": schema } } },
            "400": { "$ref": "#/components/responses/Error" },
            "404": { "$ref": "#/components/responses/Error" },
            "413": { "$ref": "#/components/responses/Error" },
            "500": { "$ref": "#/components/responses/Error" }
        }
    }})
}

fn page_get(summary: &str, parameters: Vec<Value>) -> Value {
    json!({ "get": {
        "summary": summary,
        "parameters": parameters,
        "responses": {
            "200": { "description": "HTML page (right to left)", "content": { "text/html": {} } },
            "404": { "description": "not found", "content": { "text/html": {} } }
        }
    }})
}

fn object() -> Value {
    json!({ "type": "object" })
}

pub fn document() -> Value {
    let date = |n: &str, d: &str| param(n, d, "string");
    let story_filters = || {
        let mut p = paging();
        p.extend([
            date("from", "stories running on or after this date (YYYY-MM-DD)"),
            date("to", "stories begun on or before this date (YYYY-MM-DD)"),
            param("outlet", "only stories this outlet reported", "string"),
            param("entity", "only stories naming this entity id", "string"),
        ]);
        p
    };
    let search_params = || {
        vec![
            param(
                "q",
                "words in any spelling; entity names match every spelling",
                "string",
            ),
            date("from", "published on or after (YYYY-MM-DD)"),
            date("to", "published on or before (YYYY-MM-DD)"),
            param("outlet", "outlet name", "string"),
            param("entity", "entity id", "string"),
            param("story", "story id", "string"),
            param("limit", "at most 200 hits (default 20)", "integer"),
        ]
    };
    let mut article_params = paging();
    article_params.push(param("outlet", "only this outlet", "string"));
    json!({
        "openapi": "3.0.3",
        "info": {
            "title": "marsad API",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "Arabic news observatory: articles with their analyses, stories, entities, search and exports."
        },
        "paths": {
            "/": page_get("Story list", story_filters()),
            "/stories/{id}": page_get("Story page: timeline, facts side by side, entities, summary", vec![id_param("story")]),
            "/articles/{id}": page_get("Article with its mentions, times, claims and events highlighted",
                vec![id_param("article"), param("hl", "span START-END to highlight", "string")]),
            "/entities/{id}": page_get("Entity: every spelling and its stories", vec![id_param("entity")]),
            "/search": page_get("Search page", search_params()),
            "/api/articles": json_get("Articles, newest first", article_params,
                json!({ "type": "object", "properties": { "total": { "type": "integer" }, "articles": { "type": "array", "items": object() } } })),
            "/api/articles/{id}": json_get("An article with its analysis (spans are byte ranges into article.body) and story id",
                vec![id_param("article")],
                json!({ "type": "object", "properties": { "article": object(), "analysis": object(), "story": { "type": "string", "nullable": true } } })),
            "/api/stories": json_get("Stories, newest first", story_filters(),
                json!({ "type": "object", "properties": { "total": { "type": "integer" }, "stories": { "type": "array", "items": object() } } })),
            "/api/stories/{id}": json_get("A story: timeline, facts, entities, summary", vec![id_param("story")], object()),
            "/api/entities": json_get("Entities, most named first", paging(),
                json!({ "type": "object", "properties": { "total": { "type": "integer" }, "entities": { "type": "array", "items": object() } } })),
            "/api/entities/{id}": json_get("An entity with all its spellings, articles and stories", vec![id_param("entity")], object()),
            "/api/search": json_get("Ranked search hits with HTML snippets (<mark> around matches)", search_params(),
                json!({ "type": "object", "properties": { "hits": { "type": "array", "items": { "$ref": "#/components/schemas/Hit" } } } })),
            "/api/export": {
                "get": {
                    "summary": "Events and claims as rows (see EXPORTS.md)",
                    "parameters": [
                        { "name": "format", "in": "query", "required": false,
                          "schema": { "type": "string", "enum": ["json", "csv", "geojson"], "default": "json" } },
                        param("story", "only this story's articles", "string")
                    ],
                    "responses": {
                        "200": { "description": "rows", "content": {
                            "application/json": {}, "text/csv": {}, "application/geo+json": {} } },
                        "400": { "$ref": "#/components/responses/Error" },
                        "404": { "$ref": "#/components/responses/Error" }
                    }
                }
            },
            "/openapi.json": json_get("This description", vec![], object())
        },
        "components": {
            "schemas": {
                "Error": { "type": "object", "required": ["error"], "properties": { "error": { "type": "string" } } },
                "Hit": { "type": "object", "properties": {
                    "article": { "type": "string" }, "title": { "type": "string", "nullable": true },
                    "outlet": { "type": "string", "nullable": true }, "published": { "type": "string", "nullable": true },
                    "score": { "type": "number" }, "snippet": { "type": "string" },
                    "story": { "type": "string", "nullable": true } } }
            },
            "responses": {
                "Error": { "description": "error", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } }
            }
        }
    })
}
