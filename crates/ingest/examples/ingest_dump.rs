//! Prints what ingest makes of files or folders: `cargo run -p marsad-ingest --example ingest_dump -- PATH...`
fn main() {
    let opts = marsad_ingest::Options::default();
    for arg in std::env::args().skip(1) {
        marsad_ingest::read_path(std::path::Path::new(&arg), &opts, &mut |r| match r {
            Ok(a) => {
                println!(
                    "OK {} [{} {}] id={} outlet={:?} url={:?} published={:?} title={:?}",
                    a.source,
                    a.format.as_str(),
                    a.language,
                    a.id,
                    a.outlet,
                    a.url,
                    a.published,
                    a.title
                );
                for l in a.body.lines() {
                    println!("   | {}", l.chars().take(90).collect::<String>());
                }
                for l in &a.boilerplate {
                    println!("   X {l}");
                }
            }
            Err(e) => println!("ERR {:?} {e}", e.kind),
        });
    }
}
