//! Webhook events per second (a quick look while tuning the reader), or, for
//! `valgrind --tool=callgrind`, a fixed number of events on one side: `webhooks count ours N` or
//! `webhooks count by-hand N` reads the typical event N times and nothing else.
#[path = "../src/stats.rs"]
#[allow(dead_code)]
mod stats;
#[path = "../src/webhooks.rs"]
mod webhooks;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [mode, side, count] = &args[..]
        && mode == "count"
    {
        let side: fn(&[u8]) -> usize = match side.as_str() {
            "ours" => webhooks::ours,
            "by-hand" => webhooks::by_hand,
            other => panic!("no side {other}: ours or by-hand"),
        };
        let count: usize = count.parse().expect("a number of events");
        let body = webhooks::typical_event();
        let sink: usize = (0..count).map(|_| side(std::hint::black_box(&body))).sum();
        println!("{sink}");
        return;
    }
    let (ours, theirs) = webhooks::bench(7, 200_000);
    println!("ours {:.0}/s  serde_json::Value {:.0}/s", ours.median, theirs.median);
}
