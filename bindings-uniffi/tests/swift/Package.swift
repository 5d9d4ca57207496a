// swift-tools-version:5.9
// The Swift tests of the uniffi binding. `run.sh` (beside this file) builds the library, generates
// Sources/ from it, and runs `swift test`; Sources/ is never committed.
import PackageDescription

let package = Package(
    name: "ZapiCommunities",
    platforms: [.macOS(.v12), .iOS(.v15)],
    products: [.library(name: "ZapiCommunities", targets: ["ZapiCommunities"])],
    targets: [
        // Both generated C headers, as the one C module the generated Swift imports.
        .systemLibrary(name: "ZapiCommunitiesFFI", path: "Sources/ZapiCommunitiesFFI"),
        // Both generated .swift files (the binding's and the core's types).
        .target(
            name: "ZapiCommunities",
            dependencies: ["ZapiCommunitiesFFI"],
            path: "Sources/ZapiCommunities",
            linkerSettings: [.linkedLibrary("zapi_communities_uniffi")]
        ),
        .testTarget(name: "ZapiCommunitiesTests", dependencies: ["ZapiCommunities"], path: "Tests/ZapiCommunitiesTests"),
    ]
)
