//! The README's first command, checked: the tour runs on the simulator and tells the story.

#[path = "../examples/tour.rs"]
mod tour;

use zapi_communities::Client;

#[tokio::test]
async fn the_tour_tells_the_whole_story() {
    let phones =
        zapi_communities::api::validate::parse_phones("phones", &["5511911110001", "5511911110002", "5511911110003"])
            .unwrap();
    let client = Client::simulated();
    let mut lines = Vec::new();
    tour::run(&client, &phones, &mut |line| lines.push(line)).await.unwrap();
    let text = lines.join("\n");
    for expected in [
        "found in the create response; cached: true",
        "the community now lists 2 groups",
        "from the community metadata",
        "(cached: true)",
        "reaching 4 people", // three phones plus the connected number, which created everything
        "sending to the community id itself is refused",
        "invite link changed: yes",
        "left the announcement group: 5511911110001",
        "unlinking the last group is refused",
        "community: none",
        "Done.",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
}
