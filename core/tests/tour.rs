//! The README's first command, checked: the tour runs on the simulator and tells the story.

#[path = "../examples/tour.rs"]
mod tour;

use std::sync::Arc;

use zapi_communities::Client;
use zapi_communities::sim::Simulator;

#[tokio::test]
async fn the_tour_tells_the_whole_story() {
    let phones =
        zapi_communities::api::validate::parse_phones("phones", &["5511911110001", "5511911110002", "5511911110003"])
            .unwrap();
    let simulator = Arc::new(Simulator::demo());
    let client = Client::simulated_with(Arc::clone(&simulator)).unwrap();
    let mut lines = Vec::new();
    tour::run(&client, &phones, Some(&simulator), &mut |line| lines.push(line)).await.unwrap();
    let text = lines.join("\n");
    for expected in [
        "found in the create response; cached: true",
        "the community now lists 2 groups",
        "from the community metadata",
        "(cached: true)",
        "reaching 4 people", // three phones plus the connected number, which created everything
        "sending to the community id itself is refused",
        "bot: approved 5511911110099\n",
        "bot: rejected 5511911110098 (not on the list)",
        "bot: announced \"Welcome, 5511911110099!\" to the whole community",
        "5511911110099 in it: true, 5511911110098 in it: false",
        "invite link changed: yes",
        "left the announcement group: 5511911110001",
        "unlinking the last group is refused",
        "community: none",
        "Done.",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
}
