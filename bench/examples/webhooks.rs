//! Webhook events per second only (a quick look while tuning the reader).
#[path = "../src/stats.rs"]
#[allow(dead_code)]
mod stats;
#[path = "../src/webhooks.rs"]
mod webhooks;
fn main() {
    if std::env::args().nth(1).as_deref() == Some("loop") {
        let body = webhooks::typical_event();
        let mut n = 0;
        let count: usize = std::env::args().nth(2).and_then(|n| n.parse().ok()).unwrap_or(2_000_000);
        for _ in 0..count {
            if let Ok(zapi_communities::WebhookEvent::Message { message }) =
                zapi_communities::parse_webhook(std::hint::black_box(&body))
            {
                n += message.chat.len();
            }
        }
        println!("{n}");
        return;
    }
    let (ours, theirs) = webhooks::bench(7, 200_000);
    println!("ours {:.0}/s  serde_json::Value {:.0}/s", ours.median, theirs.median);
}
